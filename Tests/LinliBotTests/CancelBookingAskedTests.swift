import LinliProtocol
import LinliTesting
import Testing

/// `取消预约` with two bookings asked “撤销哪一条？例如 R1 或 B1” and listed none; said again,
/// it was taken as dropping the question: “好的，已取消。”, and both bookings stayed.
@Suite struct CancelBookingAskedTests {
    func community() throws -> Conversation {
        let chat = try Conversation()
        try chat.say("@2026-11-28T09:00:00+08:00 u-zhang: 报修 噪音 楼上半夜装修")  // a private record in play
        #expect(try chat.say("@2026-11-28T09:03:00+08:00 u-li: 预约 凉亭 明天 下午3点到4点 跳舞").reply.refs == ["B1"])
        #expect(try chat.say("@2026-11-28T09:04:00+08:00 u-li: 预约 驿站 后天 上午10点到11点 开会").reply.refs == ["B2"])
        return chat
    }

    @Test func theQuestionNamesTheBookingsAndSayingItAgainAsksAgain() throws {
        let chat = try community()
        let asked = try chat.say("@2026-11-28T09:08:00+08:00 u-li: 取消预约").reply.text
        #expect(asked.hasPrefix("撤销哪一个预约？B1 文化凉亭 11月29日 周日 15:00-16:00；B2 邻里驿站 11月30日 周一 10:00-11:00"), "\(asked)")
        #expect(try chat.say("@2026-11-28T09:09:00+08:00 u-li: 取消预约").reply.text == asked, "asked again, nothing dropped")
        #expect(try chat.say("@2026-11-28T09:10:00+08:00 u-li: B2").reply.text.hasPrefix("已取消 B2"))
        #expect(try chat.say("@2026-11-28T09:11:00+08:00 u-li: 我的预约").reply.refs == ["B1"])
        // `算了` still drops the question.
        try chat.say("@2026-11-28T09:12:00+08:00 u-li: 预约 驿站 后天 上午10点到11点 开会")
        #expect(try chat.say("@2026-11-28T09:13:00+08:00 u-li: 取消预约").reply.text.hasPrefix("撤销哪一个预约？"))
        #expect(try chat.say("@2026-11-28T09:14:00+08:00 u-li: 算了").reply.text == "好的，已取消。")
        #expect(try chat.say("@2026-11-28T09:15:00+08:00 u-li: 我的预约").reply.refs == ["B1", "B3"])
    }

    @Test func inEnglishAndInTheGroup() throws {
        let chat = try Conversation()
        try chat.say("@2026-11-28T09:03:00+08:00 u-emma: book pavilion tomorrow 3pm-4pm dance")
        try chat.say("@2026-11-28T09:04:00+08:00 u-emma: book station Monday 10am-11am meeting")
        #expect(try chat.say("@2026-11-28T09:05:00+08:00 [fudi-b3] u-zhang: Emma, dancing tomorrow?").isEmpty)
        let asked = try chat.say("@2026-11-28T09:06:00+08:00 [fudi-b3] u-emma: @linli cancel my booking").reply
        #expect(asked.group == "fudi-b3" && asked.text.hasPrefix("Which booking? B1 Culture pavilion"), "\(asked.text)")
        #expect(try chat.say("@2026-11-28T09:07:00+08:00 [fudi-b3] u-emma: B1").reply.text.hasPrefix("Cancelled B1"))
    }
}

/// `book` → `pavilion` → `tomorrow at 3` (“I could not read that. From when to when?”) → `3-4pm`
/// booked the pavilion for today: the day said with a time the bot could not read was lost,
/// and `book station tomorrow at 3pm` asked “From when to when?” with nothing waiting for the answer.
@Suite struct TheDayKeptWhenTheTimeIsAskedTests {
    @Test func anUnreadTimeIsAskedForAndTheDayKept() throws {
        let chat = try Conversation()
        try chat.say("@2026-11-28T09:09:00+08:00 u-zhang: 报修 噪音 楼上半夜装修")  // a private record in play
        #expect(try chat.say("@2026-11-28T09:10:00+08:00 u-emma: book").reply.text.hasPrefix("Which venue?"))
        #expect(try chat.say("@2026-11-28T09:10:30+08:00 u-emma: pavilion").reply.text.hasPrefix("From when to when?"))
        #expect(try chat.say("@2026-11-28T09:11:00+08:00 u-emma: tomorrow at 3").reply.text.hasPrefix("From when to when?"))
        let booked = try chat.say("@2026-11-28T09:11:30+08:00 u-emma: 3-4pm").reply
        #expect(booked.ok && booked.text.contains("Sun 29 Nov 15:00-16:00"), "\(booked.text)")
        #expect(try chat.say("@2026-11-28T09:12:00+08:00 u-emma: book station tomorrow at 3pm").reply.text.hasPrefix("From when to when?"))
        #expect(try chat.say("@2026-11-28T09:12:30+08:00 u-emma: 5-6pm").reply.text.contains("Sun 29 Nov 17:00-18:00"))
    }

    @Test func inChineseAndInAGroupOnlyWhenCalled() throws {
        let chat = try Conversation()
        #expect(try chat.say("@2026-11-28T09:00:00+08:00 [fudi-b3] u-li: 预约 凉亭 后天 那个时候").isEmpty, "half a command among neighbours")
        #expect(try chat.say("@2026-11-28T09:01:00+08:00 [fudi-b3] u-zhang: 李姨好").isEmpty)
        let asked = try chat.say("@2026-11-28T09:02:00+08:00 [fudi-b3] u-li: 小邻 预约 凉亭 后天 那个时候").reply
        #expect(asked.group == "fudi-b3" && asked.text.hasPrefix("几点到几点？"), "\(asked.text)")
        let booked = try chat.say("@2026-11-28T09:03:00+08:00 [fudi-b3] u-li: 下午3点到4点").reply
        #expect(booked.ok && booked.text.contains("11月30日 周一 15:00-16:00"), "\(booked.text)")
    }
}

/// `预约 凉亭 后天 三点钟` was refused: “文化凉亭开放时间是 07:00-21:00” (read as 03:00).
@Suite struct AnHourWithoutItsHalfOfTheDayTests {
    @Test(arguments: [
        ("u-li", "预约 凉亭 后天 三点钟 跳舞", "11月30日 周一 15:00-15:30（跳舞）"),
        ("u-li", "预约 驿站 后天 三点钟到五点钟", "11月30日 周一 15:00-17:00"),
        ("u-li", "预约 驿站 后天 9点", "11月30日 周一 09:00-09:30"),
        ("u-emma", "book pavilion Monday 3:30pm", "Mon 30 Nov 15:30-16:00"),
    ])
    func theBookingReadsItInOpeningHours(who: String, said: String, says: String) throws {
        let chat = try Conversation()
        let booked = try chat.say("@2026-11-28T09:13:00+08:00 \(who): \(said)").reply
        #expect(booked.ok && booked.text.contains(says), "\(booked.text)")
    }

    @Test func aClockTimeWithAColonIsAsWritten() throws {
        let chat = try Conversation()
        #expect(try chat.say("@2026-11-28T09:13:00+08:00 u-emma: book kiosk Monday 3:00").reply.text == "Discussion kiosk is open 09:00-18:00.")
    }
}
