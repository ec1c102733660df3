import LinliCore
import Testing

/// The dispute steps after the invitation as a table: each sequence of actions, what
/// the last one comes to (or the error code it is refused with), the clocks it
/// stops and starts and the points it earns, and where the dispute then stands.
@Suite struct DisputeStepsTests {
    static let t0 = Instant(milliseconds: 1_795_879_800_000)
    static func hours(_ n: Int64) -> Instant { t0.adding(.hours(n)) }
    static let meeting = Dispute.Meeting(booking: 1, venue: "kiosk", day: LocalDay(index: 20_000), start: 900, end: 960)

    static func dispute() -> Dispute {
        Dispute(
            number: 1, mediator: "u-med", complainant: Dispute.Party(person: "u-li"), respondent: Dispute.Party(person: "u-bo"),
            respondentHome: "b1-602", meeting: meeting, invitedAt: t0)
    }

    enum Expected: Sendable, Equatable {
        case result(DisputeResult, Transition<DisputeClock>)
        case refused(ErrorCode)
    }

    struct Case: Sendable, CustomTestStringConvertible {
        var name: String
        /// The actions in order, each at an hour after the invitation; the last is the one judged.
        var steps: [(DisputeAction, Int64)]
        var expected: Expected
        var settled: Bool
        var publicised: Bool
        var testDescription: String { name }
    }

    static let confirmClock = Transition<DisputeClock>(stop: [.confirm], start: [.init(clock: .confirm, at: hours(2).adding(.days(3)))])
    static let settle = Transition<DisputeClock>(stop: [.confirm], credit: .init(item: "mediation", person: "u-med"))

    static let cases: [Case] = [
        Case(name: "attend", steps: [(.attend(.respondent), 1)], expected: .result(.recorded, .none), settled: false, publicised: false),
        Case(
            name: "attend twice says when", steps: [(.attend(.respondent), 1), (.attend(.respondent), 2)],
            expected: .result(.already(hours(1)), .none),
            settled: false, publicised: false),
        Case(
            name: "agree starts the 3-day clock", steps: [(.agree("错开时间"), 2)], expected: .result(.recorded, confirmClock), settled: false,
            publicised: false),
        Case(
            name: "confirm without agreement", steps: [(.confirm(.complainant), 1)], expected: .refused(.invalidState), settled: false,
            publicised: false),
        Case(
            name: "first confirmation", steps: [(.agree("错开时间"), 2), (.confirm(.respondent), 3)], expected: .result(.recorded, .none), settled: false,
            publicised: false),
        Case(
            name: "second confirmation settles, stops the clock, credits the mediator",
            steps: [(.agree("错开时间"), 2), (.confirm(.respondent), 3), (.confirm(.complainant), 4)], expected: .result(.settled, settle), settled: true,
            publicised: false),
        Case(
            name: "a new agreement asks both again", steps: [(.agree("a"), 1), (.confirm(.respondent), 1), (.agree("错开时间"), 2)],
            expected: .result(.recorded, confirmClock), settled: false, publicised: false),
        Case(
            name: "no new agreement once settled",
            steps: [(.agree("a"), 1), (.confirm(.respondent), 1), (.confirm(.complainant), 1), (.agree("b"), 2)], expected: .refused(.invalidState),
            settled: true, publicised: false),
        Case(
            name: "no attending once agreed", steps: [(.agree("a"), 1), (.attend(.complainant), 2)], expected: .refused(.invalidState),
            settled: false,
            publicised: false),
        Case(
            name: "no new meeting once agreed", steps: [(.agree("a"), 1), (.reinvite(meeting, by: "u-cap"), 2)], expected: .refused(.invalidState),
            settled: false, publicised: false),
        Case(name: "rate before settled", steps: [(.rate(.respondent, 5), 1)], expected: .refused(.invalidState), settled: false, publicised: false),
        Case(
            name: "rate once settled",
            steps: [(.agree("a"), 1), (.confirm(.respondent), 1), (.confirm(.complainant), 1), (.rate(.respondent, 4), 2)],
            expected: .result(.recorded, .none), settled: true, publicised: false),
        Case(
            name: "rate twice",
            steps: [
                (.agree("a"), 1), (.confirm(.respondent), 1), (.confirm(.complainant), 1), (.rate(.respondent, 4), 2), (.rate(.respondent, 5), 3),
            ],
            expected: .refused(.invalidState), settled: true, publicised: false),
        Case(
            name: "rate out of range",
            steps: [(.agree("a"), 1), (.confirm(.respondent), 1), (.confirm(.complainant), 1), (.rate(.respondent, 6), 2)],
            expected: .refused(.usage), settled: true, publicised: false),
        Case(
            name: "consent before settled", steps: [(.consent(.complainant), 1)], expected: .refused(.invalidState), settled: false, publicised: false
        ),
        Case(
            name: "publicise with one consent",
            steps: [(.agree("a"), 1), (.confirm(.respondent), 1), (.confirm(.complainant), 1), (.consent(.complainant), 2), (.publicise, 3)],
            expected: .refused(.forbidden), settled: true, publicised: false),
        Case(
            name: "publicise with both consents",
            steps: [
                (.agree("a"), 1), (.confirm(.respondent), 1), (.confirm(.complainant), 1), (.consent(.complainant), 2), (.consent(.respondent), 2),
                (.publicise, 3),
            ], expected: .result(.recorded, .none), settled: true, publicised: true),
        Case(
            name: "publicise twice says when",
            steps: [
                (.agree("a"), 1), (.confirm(.respondent), 1), (.confirm(.complainant), 1), (.consent(.complainant), 2), (.consent(.respondent), 2),
                (.publicise, 3), (.publicise, 4),
            ], expected: .result(.already(hours(3)), .none), settled: true, publicised: true),
        Case(name: "publicise before settled", steps: [(.publicise, 1)], expected: .refused(.invalidState), settled: false, publicised: false),
        Case(
            name: "the deadline names who has not confirmed", steps: [(.agree("a"), 1), (.confirm(.complainant), 2), (.confirmDeadline, 73)],
            expected: .result(.unconfirmed([.respondent]), .none), settled: false, publicised: false),
        Case(
            name: "the deadline after settlement tells nothing",
            steps: [(.agree("a"), 1), (.confirm(.complainant), 2), (.confirm(.respondent), 3), (.confirmDeadline, 73)],
            expected: .result(.unconfirmed([]), .none), settled: true, publicised: false),
    ]

    @Test(arguments: cases)
    func steps(_ c: Case) {
        var d = Self.dispute()
        var last: Expected?
        for (action, hour) in c.steps {
            do {
                let (result, transition) = try d.apply(action, at: Self.hours(hour), credit: "mediation")
                last = .result(result, transition)
            } catch {
                last = .refused(error.code)
            }
        }
        #expect(last == c.expected)
        #expect(d.isSettled == c.settled)
        #expect((d.publicisedAt != nil) == c.publicised)
    }

    @Test func aRefusedStepChangesNothing() throws {
        var d = Self.dispute()
        _ = try d.apply(.agree("a"), at: Self.hours(1))
        _ = try d.apply(.confirm(.complainant), at: Self.hours(1))
        let before = d
        #expect(throws: LinliError.self) { try d.apply(.publicise, at: Self.hours(2)) }
        #expect(throws: LinliError.self) { try d.apply(.consent(.respondent), at: Self.hours(2)) }
        #expect(d == before)
    }

    @Test func aRenewedAgreementClearsTheConfirmationsAndTheMeetingMovesOnlyBefore() throws {
        var d = Self.dispute()
        _ = try d.apply(.attend(.complainant), at: Self.hours(1))
        let later = Dispute.Meeting(booking: 2, venue: "kiosk", day: LocalDay(index: 20_001), start: 600, end: 660)
        _ = try d.apply(.reinvite(later, by: "u-cap"), at: Self.hours(2))
        #expect(d.meeting == later && d.mediator == "u-cap" && d.complainant.attendingAt == nil)
        _ = try d.apply(.agree("a"), at: Self.hours(3))
        _ = try d.apply(.confirm(.respondent), at: Self.hours(4))
        #expect(d.unconfirmed == [.complainant])
        _ = try d.apply(.agree("b"), at: Self.hours(5))
        #expect(d.unconfirmed == [.complainant, .respondent] && d.terms == "b")
    }

    @Test func partiesAreKnownBySide() {
        let d = Self.dispute()
        #expect(d.side(of: "u-li") == .complainant && d.side(of: "u-bo") == .respondent && d.side(of: "u-med") == nil)
        #expect(d.withoutConsent == [.complainant, .respondent])
    }
}
