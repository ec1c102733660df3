import LinliCore
import Testing

/// What each work-order transition causes: the history line, the clocks it stops
/// and starts, the points it earns. The engine carries these out and decides none of them.
@Suite struct WorkOrderEffectsTests {
    static let t0 = Instant(seconds: 1_795_309_200)
    static let all = WorkOrderClock.allCases
    static let limits = WorkOrderLimits(accept: .minutes(30), resolve: .hours(24))

    static func order(_ state: WorkOrderState) -> WorkOrder {
        var o = WorkOrder(
            number: 1, category: "leak", building: "b1", place: nil, details: "dripping", reporter: "u-li",
            group: nil, assignee: .person("u-cap"), level: .captain, createdAt: t0)
        o.state = state
        if state == .resolved { o.resolvedAt = t0 }
        return o
    }

    /// (state before, action, history, clocks stopped, clock started)
    static let table: [(WorkOrderState, WorkOrderAction, String, String?, [WorkOrderClock], WorkOrderEffects.Start?)] = [
        (.submitted, .assign(.department("water"), level: .department), "assign", "water", all, .accept),
        (.submitted, .escalate(.person("u-grid"), level: .grid, ref: "12345"), "escalate", "u-grid 12345", all, .accept),
        (.submitted, .escalate(.person("u-grid"), level: .grid, ref: nil), "escalate", "u-grid", all, .accept),
        (.submitted, .accept(by: "u-cap"), "accept", nil, [.accept], .resolve),
        (.accepted, .note("on the way"), "note", "on the way", [], nil),
        (.accepted, .resolve("fixed the pipe", .fixed), "done", "fixed the pipe", [.accept, .remind, .overdue], .feedback),
        (.accepted, .resolve("no parts", .unable), "done", "unable: no parts", [.accept, .remind, .overdue], .feedback),
        (.resolved, .rate(5, comment: "quick"), "rate", "5 quick", all, nil),
        (.resolved, .rate(4, comment: nil), "rate", "4", all, nil),
        (.resolved, .closeUnrated, "close", "unrated", all, nil),
        (.resolved, .reopen(why: "still dripping"), "reopen", "still dripping", all, .accept),
        (.submitted, .cancel, "cancel", nil, all, nil),
        (.accepted, .markOverdue, "overdue", nil, [], nil),
        (.submitted, .urge, "urge", nil, [], nil),
        (.accepted, .merge(into: RecordID(.workOrder, 2)), "duplicate", "R2", all, nil),
    ]

    @Test(arguments: table.indices)
    func eachTransitionSaysWhatItCauses(_ i: Int) throws {
        let (state, action, history, detail, stop, start) = Self.table[i]
        var o = Self.order(state)
        let effects = try o.apply(action, at: Self.t0.adding(.minutes(5)), limits: Self.limits)
        #expect(effects.history.action == history, "\(action)")
        #expect(effects.history.detail == detail, "\(action)")
        #expect(Set(effects.stop) == Set(stop), "\(action)")
        #expect(effects.start == start, "\(action)")
    }

    @Test func acceptingWithinTheLimitEarnsTheOnTimeItemAndLateDoesNot() throws {
        var early = Self.order(.submitted)
        #expect(try early.apply(.accept(by: "u-cap"), at: Self.t0.adding(.minutes(29)), limits: Self.limits).acceptedOnTime)
        var late = Self.order(.submitted)
        #expect(try !late.apply(.accept(by: "u-cap"), at: Self.t0.adding(.minutes(31)), limits: Self.limits).acceptedOnTime)
    }

    @Test func aRefusedTransitionCausesNothingAndChangesNothing() {
        var o = Self.order(.closed)
        let before = o
        #expect(throws: LinliError.self) { try o.apply(.resolve("again", .fixed), at: Self.t0, limits: Self.limits) }
        #expect(o == before)
    }
}
