import LinliCore
import Testing

/// A service request is taken and done (open → accepted → done, or cancelled); a loan is only returned.
@Suite struct ServiceRequestTests {
    static let t0 = Instant(seconds: 1_795_309_200)
    static let due = t0.adding(.minutes(30))

    static func request(_ state: ServiceRequest.State, loan: Bool = false) -> ServiceRequest {
        ServiceRequest(
            number: 1, service: loan ? "umbrella" : "haircut", requester: "u-li", household: "b1-502", details: nil, isLoan: loan, state: state,
            createdAt: t0, dueAt: nil, handler: "u-vol")
    }

    /// (state before, action, state after or nil when refused, clocks stopped, clock started)
    static let table: [(ServiceRequest.State, ServiceAction, ServiceRequest.State?, [ServiceClock], ServiceClock?)] = [
        (.open, .accept(by: "u-vol"), .accepted, [.accept], nil),
        (.accepted, .accept(by: "u-vol"), nil, [], nil),
        (.done, .accept(by: "u-vol"), nil, [], nil),
        (.open, .finish(by: "u-vol", result: nil), .done, [.accept], nil),
        (.accepted, .finish(by: "u-vol", result: "剪好了"), .done, [.accept], nil),
        (.done, .finish(by: "u-vol", result: nil), nil, [], nil),
        (.cancelled, .finish(by: "u-vol", result: nil), nil, [], nil),
        (.open, .cancel, .cancelled, [.accept], nil),
        (.accepted, .cancel, .cancelled, [.accept], nil),
        (.done, .cancel, nil, [], nil),
        (.open, .escalate(to: "u-cap1", level: .captain, due: due), .open, [], .accept),
        (.accepted, .escalate(to: "u-cap1", level: .captain, due: due), nil, [], nil),
    ]

    @Test(arguments: table.indices)
    func transition(_ i: Int) {
        let (before, action, after, stop, start) = Self.table[i]
        var r = Self.request(before)
        do {
            let transition = try r.apply(action, at: Self.t0.adding(.minutes(5)))
            #expect(after != nil, "expected a refusal of \(action) in \(before)")
            #expect(r.state == after, "\(action) in \(before)")
            #expect(transition.stop == stop && transition.start.map(\.clock) == (start.map { [$0] } ?? []), "\(action)")
        } catch {
            #expect(after == nil && error.code == .invalidState, "\(action) in \(before)")
            #expect(r == Self.request(before), "a refused action changes nothing")
        }
    }

    @Test func finishingAnUntakenRequestTakesItAndEscalatingNamesTheNewHolder() throws {
        var r = Self.request(.open)
        try r.apply(.escalate(to: "u-cap1", level: .captain, due: Self.due), at: Self.t0)
        #expect(r.handler == "u-cap1" && r.level == .captain)
        try r.apply(.finish(by: "u-cap1", result: "送去了"), at: Self.t0.adding(.hours(1)))
        #expect(r.acceptedBy == "u-cap1" && r.acceptedAt == Self.t0.adding(.hours(1)) && r.result == "送去了" && r.closedAt != nil)
    }

    @Test(arguments: [ServiceAction.accept(by: "u-vol"), .finish(by: "u-vol", result: nil), .cancel])
    func aLoanIsReturnedNotTakenOrDone(_ action: ServiceAction) {
        var r = Self.request(.open, loan: true)
        #expect(throws: LinliError.self) { try r.apply(action, at: Self.t0) }
        #expect(r.state == .open)
    }
}
