import LinliCore
import Testing

/// The receipt rules of an alert as tables: who may acknowledge and what each ack
/// does, and the reminders (every 10 minutes, at most three, none once all have
/// acknowledged).
@Suite struct AlertRulesTests {
    static let t0 = Instant(milliseconds: 1_795_879_800_000)
    static func minutes(_ n: Int64) -> Instant { t0.adding(.minutes(n)) }

    static func alert(asking asked: [String]) -> Alert {
        Alert.raise(number: 1, text: "燃气泄漏", sender: "u-office", drill: false, buildings: ["b1"], asking: asked, at: t0)
    }

    struct AckCase: Sendable, CustomTestStringConvertible {
        /// Who acknowledges, and at which minute after the alert.
        var acks: [(String, Int64)]
        /// What the last ack came to.
        var result: Alert.Acknowledgement
        var stopsReminders: Bool
        var missing: [String]
        var minutesToAll: Int64?
        var testDescription: String { acks.map { "\($0.0)@\($0.1)" }.joined(separator: ", ") }
    }

    @Test(arguments: [
        AckCase(acks: [("u-cap1", 3)], result: .recorded(last: false), stopsReminders: false, missing: ["u-cap2", "u-grid"], minutesToAll: nil),
        AckCase(
            acks: [("u-cap1", 3), ("u-grid", 5), ("u-cap2", 14)], result: .recorded(last: true), stopsReminders: true, missing: [],
            minutesToAll: 14),
        // A second ack changes nothing and says when the first was.
        AckCase(
            acks: [("u-cap1", 3), ("u-cap1", 4)], result: .already(minutes(3)), stopsReminders: false, missing: ["u-cap2", "u-grid"],
            minutesToAll: nil),
        // Someone not asked (the sender included) is thanked and not counted.
        AckCase(acks: [("u-li", 1)], result: .notAsked, stopsReminders: false, missing: ["u-cap1", "u-cap2", "u-grid"], minutesToAll: nil),
        AckCase(acks: [("u-office", 1)], result: .notAsked, stopsReminders: false, missing: ["u-cap1", "u-cap2", "u-grid"], minutesToAll: nil),
        // Once all have acknowledged, a late repeat keeps the time to full acknowledgement.
        AckCase(
            acks: [("u-cap1", 1), ("u-cap2", 2), ("u-grid", 3), ("u-grid", 30)], result: .already(minutes(3)), stopsReminders: false,
            missing: [], minutesToAll: 3),
    ])
    func acknowledgements(_ c: AckCase) {
        var a = Self.alert(asking: ["u-cap1", "u-cap2", "u-grid"])
        var last: (Alert.Acknowledgement, Transition<AlertClock>)?
        for (person, minute) in c.acks { last = a.acknowledge(by: person, at: Self.minutes(minute)) }
        #expect(last?.0 == c.result)
        #expect(last?.1 == (c.stopsReminders ? .stop(.remind) : Transition<AlertClock>.none))
        #expect(a.missing == c.missing)
        #expect(a.timeToFullAck == c.minutesToAll.map(Span.minutes))
    }

    @Test func aNewAlertStartsTheFirstReminderUnlessItAsksNobody() {
        #expect(Self.alert(asking: ["u-cap1"]).opening == .start(.remind, at: Self.minutes(10)))
        let nobody = Self.alert(asking: [])
        #expect(nobody.opening == .none && nobody.timeToFullAck == .minutes(0) && nobody.missing.isEmpty)
    }

    struct ReminderCase: Sendable, CustomTestStringConvertible {
        var sent: Int
        var acked: [String]
        var missing: [String]
        var next: Bool
        var testDescription: String { "after \(sent) reminders, \(acked) acknowledged" }
    }

    @Test(arguments: [
        ReminderCase(sent: 0, acked: [], missing: ["u-cap1", "u-grid"], next: true),
        ReminderCase(sent: 0, acked: ["u-grid"], missing: ["u-cap1"], next: true),
        ReminderCase(sent: 1, acked: [], missing: ["u-cap1", "u-grid"], next: true),
        // The third reminder is the last: nobody is asked more than four times.
        ReminderCase(sent: 2, acked: [], missing: ["u-cap1", "u-grid"], next: false),
        ReminderCase(sent: 3, acked: [], missing: [], next: false),
        ReminderCase(sent: 0, acked: ["u-cap1", "u-grid"], missing: [], next: false),
    ])
    func reminders(_ c: ReminderCase) {
        var a = Self.alert(asking: ["u-cap1", "u-grid"])
        a.reminders = c.sent
        for person in c.acked { _ = a.acknowledge(by: person, at: Self.minutes(1)) }
        let (missing, transition) = a.remind(at: Self.minutes(10))
        #expect(missing == c.missing)
        #expect(transition == (c.next ? .start(.remind, at: Self.minutes(20)) : Transition<AlertClock>.none))
        #expect(a.reminders == c.sent + (missing.isEmpty ? 0 : 1))
    }
}
