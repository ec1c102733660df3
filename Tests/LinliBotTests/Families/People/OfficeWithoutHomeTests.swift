import LinliCore
import LinliProtocol
import LinliTesting
import Testing

/// Office staff have no home in the community file; they still use every command
/// that does not need one, and book and borrow for the office (issue 14, 4).
@Suite struct OfficeWithoutHomeTests {
    @Test func theOfficeBooksBorrowsFollowsItsRecordsAndSeesEveryBuildingsContacts() throws {
        let bot = try FamilyHarness("people", "workorders", "bookings", "services")
        let contacts = try bot.say("联系人", from: "u-office", at: "2026-11-28T09:00:00+08:00")[0]
        #expect(contacts.ok && contacts.text.contains("刘队长") && contacts.text.contains("孙队长") && contacts.text.contains("王主任"))
        #expect(!contacts.text.contains("t-office"), "a group's id is not for people")
        #expect(try bot.say("进度", from: "u-office", at: "2026-11-28T09:01:00+08:00")[0].text.contains("没有未办结"))
        let booking = try bot.say("预约 凉亭 明天 15:00-16:00 党员活动", from: "u-office", at: "2026-11-28T09:02:00+08:00")[0]
        #expect(booking.ok && booking.refs.first?.hasPrefix("B") == true, "\(booking.text)")
        let loan = try bot.say("borrow umbrella", from: "u-office", at: "2026-11-28T09:03:00+08:00")[0]
        #expect(loan.ok && loan.refs.first?.hasPrefix("S") == true, "\(loan.text)")
        // A resident's contacts are still their own building's; a stranger is asked to register.
        let mine = try bot.say("contacts", from: "u-li", at: "2026-11-28T09:04:00+08:00")[0]
        #expect(mine.text.contains("刘队长") && !mine.text.contains("孙队长"))
        #expect(try bot.say("联系人", from: "u-stranger", at: "2026-11-28T09:05:00+08:00")[0].code == "not_registered")
        #expect(try bot.say("borrow umbrella", from: "u-stranger", at: "2026-11-28T09:06:00+08:00")[0].code == "not_registered")
    }
}
