import LinliCore
import Testing

@Suite struct WorkOrderTests {
    let t0 = Instant(seconds: 1_795_309_200)

    func order(_ state: WorkOrderState = .submitted) -> WorkOrder {
        var o = WorkOrder(
            number: 1, category: "leak", building: "b3", place: "501", details: "dripping", reporter: "u-li",
            group: "fudi-b3", assignee: .person("u-zhou"), level: .captain, createdAt: t0)
        o.state = state
        if state == .resolved || state == .closed { o.resolvedAt = t0 }
        return o
    }

    /// (state before, action, state after or nil when refused, with the code)
    static let table: [(WorkOrderState, WorkOrderAction, WorkOrderState?, ErrorCode?)] = [
        (.submitted, .accept(by: "u-zhou"), .accepted, nil),
        (.assigned, .accept(by: "u-chen"), .accepted, nil),
        (.reopened, .accept(by: "u-zhou"), .accepted, nil),
        (.accepted, .accept(by: "u-zhou"), nil, .invalidState),
        (.resolved, .accept(by: "u-zhou"), nil, .invalidState),
        (.submitted, .assign(.department("property"), level: .department), .assigned, nil),
        (.accepted, .assign(.person("u-wang"), level: .captain), .assigned, nil),
        (.closed, .assign(.person("u-wang"), level: .captain), nil, .invalidState),
        (.accepted, .note("on the way"), .inProgress, nil),
        (.submitted, .note("seen"), .submitted, nil),
        (.cancelled, .note("x"), nil, .invalidState),
        (.inProgress, .resolve("fixed", .fixed), .resolved, nil),
        (.submitted, .resolve("fixed", .fixed), .resolved, nil),
        (.resolved, .resolve("again", .fixed), nil, .invalidState),
        (.accepted, .resolve("12345 took it", .referred), .resolved, nil),
        (.submitted, .escalate(.person("u-ma"), level: .grid, ref: nil), .assigned, nil),
        (.accepted, .escalate(.department("water"), level: .department, ref: "12345-1"), .assigned, nil),
        (.closed, .escalate(.person("u-ma"), level: .grid, ref: nil), nil, .invalidState),
        (.resolved, .closeUnrated, .closed, nil),
        (.accepted, .closeUnrated, nil, .invalidState),
        (.accepted, .markOverdue, .accepted, nil),
        (.resolved, .markOverdue, nil, .invalidState),
        (.resolved, .rate(5, comment: nil), .closed, nil),
        (.accepted, .rate(5, comment: nil), nil, .invalidState),
        (.resolved, .rate(6, comment: nil), nil, .usage),
        (.resolved, .reopen(why: nil), .reopened, nil),
        (.closed, .reopen(why: "still dripping"), .reopened, nil),
        (.accepted, .reopen(why: nil), nil, .invalidState),
        (.submitted, .cancel, .cancelled, nil),
        (.inProgress, .cancel, .cancelled, nil),
        (.resolved, .cancel, nil, .invalidState),
        (.assigned, .urge, .assigned, nil),
        (.closed, .urge, nil, .invalidState),
        (.submitted, .merge(into: RecordID(.workOrder, 2)), .duplicate, nil),
        (.inProgress, .merge(into: RecordID(.workOrder, 2)), .duplicate, nil),
        (.resolved, .merge(into: RecordID(.workOrder, 2)), nil, .invalidState),
        (.duplicate, .merge(into: RecordID(.workOrder, 2)), nil, .invalidState),
        (.submitted, .merge(into: RecordID(.workOrder, 1)), nil, .usage),
    ]

    @Test(arguments: table.indices)
    func transition(_ i: Int) {
        let (before, action, after, code) = Self.table[i]
        var o = order(before)
        do {
            try o.apply(action, at: t0.adding(.hours(1)))
            #expect(code == nil, "expected \(String(describing: code)) for \(action) in \(before)")
            #expect(o.state == after)
        } catch {
            #expect(error.code == code, "\(action) in \(before)")
            #expect(o == order(before), "a refused action changes nothing")
        }
    }

    @Test func acceptTakesOverAPersonButKeepsADepartment() throws {
        var o = order()
        try o.apply(.accept(by: "u-ma"), at: t0)
        #expect(o.assignee == .person("u-ma"))
        #expect(o.acceptedAt == t0)
        var d = order()
        try d.apply(.assign(.department("property"), level: .department), at: t0)
        try d.apply(.accept(by: "u-chen"), at: t0)
        #expect(d.assignee == .department("property"))
    }

    @Test func reopenOnlyWithinSevenDays() throws {
        var o = order(.resolved)
        #expect(throws: LinliError.self) { try o.apply(.reopen(why: nil), at: t0.adding(.days(7)).adding(.minutes(1))) }
        try o.apply(.reopen(why: nil), at: t0.adding(.days(7)))
        #expect(o.state == .reopened)
        #expect(o.resolvedAt == nil)
    }

    @Test func urgeOncePerDay() throws {
        var o = order(.accepted)
        try o.apply(.urge, at: t0)
        #expect(throws: LinliError.self) { try o.apply(.urge, at: t0.adding(.hours(23))) }
        try o.apply(.urge, at: t0.adding(.days(1)))
        #expect(o.lastUrgedAt == t0.adding(.days(1)))
    }

    @Test func escalationRestartsTheAcceptClockAndKeepsTheReference() throws {
        var o = order(.accepted)
        o.acceptedAt = t0
        try o.apply(.escalate(.department("water"), level: .department, ref: "12345-88"), at: t0.adding(.hours(1)))
        #expect(o.awaitsAcceptance && o.acceptedAt == nil && o.level == .department && o.externalRef == "12345-88")
        try o.apply(.escalate(.person("u-he"), level: .staff, ref: nil), at: t0.adding(.hours(2)))
        #expect(o.externalRef == "12345-88", "a later escalation without a reference keeps the first")
    }

    @Test func overdueIsMarkedOnce() throws {
        var o = order(.accepted)
        try o.apply(.markOverdue, at: t0)
        try o.apply(.markOverdue, at: t0.adding(.hours(1)))
        #expect(o.overdueAt == t0)
        o.acceptedAt = t0
        #expect(o.resolveDeadline(.hours(24)) == t0.adding(.hours(24)))
    }

    @Test func ratingKeepsTheScoreAndClosesIt() throws {
        var o = order(.resolved)
        try o.apply(.rate(4, comment: "ok"), at: t0)
        #expect(o.rating == 4 && o.comment == "ok" && o.closedAt == t0)
        #expect(throws: LinliError.self) { try o.apply(.rate(5, comment: nil), at: t0) }
    }
}

@Suite struct DirectoryTests {
    let directory = Directory(
        Community(
            id: "c", name: "C", timezone: "Asia/Shanghai",
            grids: [Grid(id: "g1", name: "G1", leader: "u-ma")],
            buildings: [
                Building(id: "b3", name: "3栋", grid: "g1", captain: "u-zhou", groups: ["fudi-b3"]),
                Building(id: "b4", name: "4栋", grid: nil, captain: "u-gao", groups: ["fudi-b4"]),
            ],
            people: [
                Person(id: "u-zhou", name: "周", home: "b3-101", roles: [.captain]), Person(id: "u-ma", name: "马", roles: [.gridLeader]),
                Person(id: "u-he", name: "何", roles: [.staff]), Person(id: "u-li", name: "李", home: "b3-501", roles: [.resident]),
            ]))

    @Test func authority() throws {
        let b3 = try #require(directory.building("b3"))
        let b4 = try #require(directory.building("b4"))
        #expect(directory.manages("u-zhou", building: b3))
        #expect(!directory.manages("u-zhou", building: b4))
        #expect(directory.manages("u-ma", building: b3))
        #expect(!directory.manages("u-ma", building: b4))
        #expect(directory.manages("u-he", building: b4))
        #expect(!directory.manages("u-li", building: b3))
    }

    @Test func lookUps() {
        #expect(directory.building(ofGroup: "fudi-b3")?.id == "b3")
        #expect(directory.building(ofGroup: "nope") == nil)
        #expect(directory.building(ofHome: "b4-1201")?.id == "b4")
        #expect(directory.gridLeader(of: directory.building("b3")!) == "u-ma")
        #expect(directory.firstStaff == "u-he")
        #expect(directory.name(of: "u-li") == "李")
    }
}
