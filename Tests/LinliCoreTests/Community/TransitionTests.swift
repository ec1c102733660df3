import LinliCore
import Testing

/// The state machines of bookings, loans, wishes and proposals: each transition
/// returns the clocks it stops and starts and the points it earns.
@Suite struct TransitionTests {
    static let t0 = Instant(seconds: 1_795_309_200)

    static func booking(_ state: Booking.State) -> Booking {
        Booking(
            number: 3, venue: "pavilion", day: LocalDay(Self.t0, offsetSeconds: 8 * 3600), start: 600, end: 660, booker: "u-ann",
            household: "b1-501", purpose: nil, state: state, createdAt: t0)
    }

    /// (state, action, state after or nil when refused, its transition)
    static let bookings: [(Booking.State, BookingAction, Booking.State?, Transition<BookingClock>)] = [
        (.confirmed, .cancel, .cancelled, .stop(.reminder, .lapse)),
        (.pending, .cancel, .cancelled, .stop(.reminder, .lapse)),
        (.cancelled, .cancel, nil, .none),
        (.declined, .cancel, nil, .none),
        (.lapsed, .cancel, nil, .none),
        (.pending, .approve, .confirmed, .stop(.lapse)),
        (.pending, .decline, .declined, .stop(.reminder, .lapse)),
        (.pending, .lapse, .lapsed, .stop(.reminder)),
        (.confirmed, .approve, nil, .none),
        (.confirmed, .decline, nil, .none),
        (.confirmed, .lapse, nil, .none),
        (.lapsed, .approve, nil, .none),
    ]

    @Test(arguments: bookings.indices)
    func aBookingMovesOnlyWhereItsStateAllows(_ i: Int) {
        let (state, action, after, transition) = Self.bookings[i]
        var b = Self.booking(state)
        do {
            let t = try b.apply(action)
            #expect(b.state == after, "\(state) \(action)")
            #expect(t == transition, "\(state) \(action)")
        } catch {
            #expect(after == nil, "\(state) \(action) was refused: \(error)")
            #expect(error.code == .invalidState)
            #expect(b.state == state)
        }
    }

    @Test func aWishStartsAndStopsItsClocksAndCreditsTheClaimerOnConfirmation() throws {
        var w = Wish(number: 1, text: "help with a form", wisher: "u-li", createdAt: Self.t0)
        #expect(try w.claim(by: "u-vol", at: Self.t0) == .start(.claim, at: Self.t0.adding(Wish.claimLifetime)))
        let fulfilled = try w.fulfil(by: "u-vol", at: Self.t0.adding(.hours(2)))
        #expect(fulfilled.stop == [.claim])
        #expect(fulfilled.start == [.init(clock: .confirm, at: Self.t0.adding(.hours(2)).adding(Wish.confirmWindow))])
        #expect(fulfilled.credit == nil)
        let confirmed = try w.confirm()
        #expect(confirmed.stop == [.confirm])
        #expect(confirmed.credit == .init(item: "wish", person: "u-vol"))
        #expect(throws: LinliError.self) { try w.confirm() }
    }

    @Test func aLoanComesBackOnceAndIsRemindedEveryTwoDays() throws {
        var r = ServiceRequest(
            number: 2, service: "umbrella", requester: "u-ann", household: "b1-501", details: nil, isLoan: true,
            createdAt: Self.t0, dueAt: Self.t0.adding(.days(3)))
        #expect(r.remind(at: Self.t0) == .start(.loanDue, at: Self.t0.adding(.days(2))))
        #expect(r.reminders == 1)
        #expect(try r.giveBack() == .stop(.loanDue))
        #expect(r.state == .returned)
        #expect(throws: LinliError.self) { try r.giveBack() }
        var haircut = ServiceRequest(
            number: 3, service: "haircut", requester: "u-ann", household: "b1-501", details: nil, isLoan: false,
            createdAt: Self.t0, dueAt: nil)
        #expect(throws: LinliError.self, "only a loan is given back") { try haircut.giveBack() }
    }

    @Test func aProposalIsAnsweredOnce() throws {
        var p = Proposal(number: 1, text: "more benches", proposer: "u-li", household: "b1-502", answer: nil, support: 2, createdAt: Self.t0)
        try p.answer("ordered")
        #expect(p.answer == "ordered")
        #expect(throws: LinliError.self) { try p.answer("again") }
        #expect(p.answer == "ordered")
    }
}
