import LinliProtocol
import LinliTesting
import Testing

/// Asked to rate a finished report (`请评价（1-5分）：评价 R1 5`), residents answered `评价 5`
/// and were told that “5” is not a record id.
@Suite struct RateWithoutTheRecordTests {
    /// Li's leak R1 and Emma's lamp R2, both done by the captain; Zhang's private noise
    /// report R3 still open.
    func community() throws -> Conversation {
        let chat = try Conversation()
        try chat.say("@2026-11-28T09:00:00+08:00 [fudi-b3] u-li: 报修 漏水 厨房滴水")
        try chat.say("@2026-11-28T09:01:00+08:00 u-emma: report light corridor lamp out")
        #expect(try chat.say("@2026-11-28T09:02:00+08:00 u-zhang: 报修 噪音 楼上半夜装修").reply.refs == ["R3"])
        for n in 1...2 {
            try chat.say("@2026-11-28T09:05:00+08:00 u-zhou: 接单 R\(n)")
            let done = try chat.say("@2026-11-28T09:30:00+08:00 u-zhou: 办结 R\(n) 已修好")
            #expect(done.notifications.contains { $0.reason == "rating_request" })
        }
        return chat
    }

    @Test func theOneReportAwaitingTheSendersRatingIsRated() throws {
        let chat = try community()
        let rated = try chat.say("@2026-11-28T09:40:00+08:00 u-li: 评价 5 师傅很快，谢谢").reply
        #expect(rated.ok && rated.refs == ["R1"] && rated.text.contains("5分"), "\(rated.text)")
        #expect(try chat.engine.history(1).contains { $0.action == "rate" && ($0.detail ?? "").contains("师傅很快") })
        #expect(try chat.engine.history(2).allSatisfy { $0.action != "rate" }, "Emma's is hers to rate")
        let english = try chat.say("@2026-11-28T09:41:00+08:00 u-emma: rate 4 quick fix").reply
        #expect(english.ok && english.refs == ["R2"] && english.text.contains("4/5"), "\(english.text)")
        // Nothing more awaits either: said so, not asked which record.
        let again = try chat.say("@2026-11-28T09:42:00+08:00 u-li: 评价 4").reply
        #expect(again.code == "not_found" && again.text.contains("没有待评价"), "\(again.text)")
        let none = try chat.say("@2026-11-28T09:43:00+08:00 u-zhang: 评价 5").reply
        #expect(none.code == "not_found" && !none.text.contains("R3"), "an open report awaits no rating: \(none.text)")
        #expect(try chat.say("@2026-11-28T09:44:00+08:00 u-emma: rate 5").reply.text.hasPrefix("You have no resolved report"))
    }

    @Test func withTwoAwaitingTheRecordIsAskedAndTheScoreKept() throws {
        let chat = try community()
        try chat.say("@2026-11-28T10:00:00+08:00 [fudi-b3] u-li: 报修 路灯 楼道灯不亮")
        try chat.say("@2026-11-28T10:05:00+08:00 u-zhou: 接单 R4")
        try chat.say("@2026-11-28T10:06:00+08:00 u-zhou: 办结 R4 换了灯泡")
        let asked = try chat.say("@2026-11-28T10:10:00+08:00 u-li: 评价 3 还行").reply
        #expect(asked.code == "usage" && asked.text.hasPrefix("评价哪一条？R1 漏水 · 3栋 501；R4 路灯 · 3栋 501"), "\(asked.text)")
        let rated = try chat.say("@2026-11-28T10:11:00+08:00 u-li: R4").reply
        #expect(rated.ok && rated.refs == ["R4"] && rated.text.contains("3分"), "\(rated.text)")
        #expect(try chat.engine.history(4).contains { $0.action == "rate" && ($0.detail ?? "").contains("还行") })
        // The other one is now the only one: presumed.
        #expect(try chat.say("@2026-11-28T10:12:00+08:00 u-li: 评价 5").reply.refs == ["R1"])
    }

    @Test func inTheGroupAsAWholeCommandOnceTheRecordIsPresumed() throws {
        let chat = try community()
        #expect(try chat.say("@2026-11-28T09:40:00+08:00 [fudi-b3] u-zhang: 李姨，水管修好了吗？").isEmpty)
        #expect(try chat.say("@2026-11-28T09:41:00+08:00 [fudi-b3] u-li: 修好了，评价 5 分都不够").isEmpty)
        #expect(try chat.engine.history(1).allSatisfy { $0.action != "rate" })
        // Nothing awaits Zhang's rating (his noise report is open): among neighbours that is talk.
        #expect(try chat.say("@2026-11-28T09:42:00+08:00 [fudi-b3] u-zhang: 评价 5").isEmpty)
        let rated = try chat.say("@2026-11-28T09:43:00+08:00 [fudi-b3] u-li: 评价 5 谢谢周师傅")
        #expect(rated.reply.ok && rated.reply.refs == ["R1"] && rated.reply.group == "fudi-b3", "\(rated.reply.text)")
        // Called, the captain and a neighbour with a private report open are told so, and nothing of R3 shows.
        for who in ["u-zhou", "u-zhang"] {
            let told = try chat.say("@2026-11-28T09:44:00+08:00 [fudi-b3] \(who): @小邻 评价 5").reply
            #expect(told.code == "not_found" && !told.text.contains("R3") && !told.text.contains("装修"), "\(told.text)")
        }
        #expect(try chat.say("@2026-11-28T09:45:00+08:00 [fudi-b3] u-zhang: 谢谢小邻").isEmpty)
    }

    @Test func theQuestionNamesThemAndInAGroupAPrivateOneByItsNumberOnly() throws {
        let chat = try community()
        try chat.say("@2026-11-28T10:00:00+08:00 u-li: 报修 噪音 楼上702每晚装修")
        try chat.say("@2026-11-28T10:05:00+08:00 u-zhou: 接单 R4")
        try chat.say("@2026-11-28T10:06:00+08:00 u-zhou: 办结 R4 已与702沟通")
        let privately = try chat.say("@2026-11-28T10:10:00+08:00 u-li: 评价 4").reply.text
        #expect(privately.hasPrefix("评价哪一条？R1 漏水 · 3栋 501；R4 噪音 · 3栋 501"), "\(privately)")
        #expect(try chat.say("@2026-11-28T10:11:00+08:00 u-li: 取消").reply.ok)
        let group = try chat.say("@2026-11-28T10:12:00+08:00 [fudi-b3] u-li: @小邻 评价 4").reply
        #expect(group.group == "fudi-b3" && group.text.hasPrefix("评价哪一条？R1 漏水 · 3栋 501；R4（"), "\(group.text)")
        #expect(!group.text.contains("噪音") && !group.text.contains("702"))
        let english = try chat.say("@2026-11-28T10:13:00+08:00 u-emma: rate 4").reply.text
        #expect(english.hasPrefix("Thank you for rating R2"), "one awaits Emma: \(english)")
    }

    @Test func statusAloneSaysWhatAwaitsARating() throws {
        let chat = try community()
        let li = try chat.say("@2026-11-28T09:40:00+08:00 u-li: 进度").reply.text
        #expect(li == "您没有未办结的记录。\n待您评价：R1 漏水 · 3栋 501（1-5分，发送：评价 5）", "\(li)")
        let emma = try chat.say("@2026-11-28T09:41:00+08:00 u-emma: status").reply.text
        #expect(emma.hasSuffix("Awaiting your rating: R2 light · Building 3 801 (1-5; send: rate 5)"), "\(emma)")
        // Zhang's noise report is open; once done, in the group it is named by its number only.
        try chat.say("@2026-11-28T09:42:00+08:00 u-zhou: 接单 R3")
        try chat.say("@2026-11-28T09:43:00+08:00 u-zhou: 办结 R3 已与楼上沟通")
        #expect(try chat.say("@2026-11-28T09:44:00+08:00 [fudi-b3] u-wu: 今天天气真好").isEmpty)
        let group = try chat.say("@2026-11-28T09:45:00+08:00 [fudi-b3] u-zhang: 小邻 进度").reply
        #expect(group.group == "fudi-b3" && group.text.hasSuffix("待您评价：R3（1-5分，发送：评价 5）"), "\(group.text)")
        #expect(!group.text.contains("噪音") && !group.text.contains("装修"))
    }

    @Test func aNewerScoreWhileAskedWhichStands() throws {
        let chat = try community()
        try chat.say("@2026-11-28T10:00:00+08:00 [fudi-b3] u-li: 报修 路灯 楼道灯不亮")
        try chat.say("@2026-11-28T10:05:00+08:00 u-zhou: 接单 R4")
        try chat.say("@2026-11-28T10:06:00+08:00 u-zhou: 办结 R4 换了灯泡")
        #expect(try chat.say("@2026-11-28T10:10:00+08:00 u-li: 评价 5").reply.text.hasPrefix("评价哪一条？"))
        #expect(try chat.say("@2026-11-28T10:11:00+08:00 u-li: 评价 2 灯还是暗").reply.text.hasPrefix("评价哪一条？"))
        let rated = try chat.say("@2026-11-28T10:12:00+08:00 u-li: R4").reply
        #expect(rated.ok && rated.text.contains("2分"), "\(rated.text)")
        #expect(try chat.engine.history(4).contains { $0.action == "rate" && ($0.detail ?? "").contains("灯还是暗") })
    }

    @Test(arguments: [("评价 五星 很好", "5分"), ("评价 4分", "4分"), ("rate five", "5分")])
    func scoresAsPeopleWriteThem(said: String, says: String) throws {
        let chat = try community()
        let rated = try chat.say("@2026-11-28T09:40:00+08:00 u-li: \(said)").reply
        #expect(rated.ok && rated.refs == ["R1"] && rated.text.contains(says), "\(rated.text)")
    }

    @Test func aScoreOutOfRangeIsSaidSo() throws {
        let chat = try community()
        let zh = try chat.say("@2026-11-28T09:40:00+08:00 u-li: 评价 6").reply
        #expect(zh.code == "usage" && zh.text.hasPrefix("6 超出范围 1–5"), "\(zh.text)")
        #expect(try chat.say("@2026-11-28T09:41:00+08:00 u-emma: rate 0").reply.text.hasPrefix("0 is outside 1–5"))
    }

    @Test func aFollowerRatesAfterTheReporter() throws {
        let chat = try Conversation()
        try chat.say("@2026-11-28T09:00:00+08:00 [fudi-b3] u-li: 报修 漏水 厨房天花板滴水")
        try chat.say("@2026-11-28T09:01:00+08:00 [fudi-b3] u-emma: metoo R1")
        try chat.say("@2026-11-28T09:05:00+08:00 u-zhou: 签收 R1")
        try chat.say("@2026-11-28T10:00:00+08:00 u-zhou: 办结 R1 已更换接头")
        #expect(try chat.say("@2026-11-28T10:05:00+08:00 u-li: 评价 5").reply.refs == ["R1"])
        let emma = try chat.say("@2026-11-28T10:06:00+08:00 u-emma: rate 3 ok now").reply
        #expect(emma.ok && emma.refs == ["R1"] && emma.text.contains("3/5"), "\(emma.text)")
        #expect(try chat.say("@2026-11-28T10:07:00+08:00 u-emma: rate 3").reply.code == "not_found")
    }
}

/// A mediation's parties: `确认` alone when one agreement awaits them, and the other
/// party's `评价 4` after the one who raised it has rated (and so closed it).
@Suite struct MediationSaidAloneTests {
    @Test func confirmAndRateWithoutTheRecord() throws {
        let chat = try Conversation()
        try chat.say("@2026-11-28T08:00:00+08:00 u-he: 任命 郑秀英 调解员")
        try chat.say("@2026-11-28T09:00:00+08:00 u-li: 报修 纠纷 楼上502洗衣机半夜震动")
        try chat.say("@2026-11-28T09:03:00+08:00 u-zheng: 邀请 R1 502 明天 下午3点到4点")
        try chat.say("@2026-11-28T09:04:00+08:00 u-zhang: 参加")
        try chat.say("@2026-11-28T09:05:00+08:00 u-li: 参加")
        #expect(try chat.say("@2026-11-29T15:00:00+08:00 u-li: 确认").reply.code == "not_found", "nothing agreed yet")
        #expect(try chat.say("@2026-11-29T16:00:00+08:00 u-zheng: 达成 R1 洗衣机移离公共墙，晚十点后不用").reply.ok)
        #expect(try chat.say("@2026-11-29T16:01:00+08:00 [fudi-b3] u-wu: 大家下午好").isEmpty)
        let li = try chat.say("@2026-11-29T16:02:00+08:00 u-li: 确认").reply
        #expect(li.ok && li.refs == ["R1"], "\(li.text)")
        #expect(try chat.say("@2026-11-29T16:03:00+08:00 u-zhang: 确认").reply.ok)
        #expect(try chat.say("@2026-11-29T16:04:00+08:00 u-zhang: 确认").reply.text == "您没有待确认的调解协议。")
        #expect(try chat.say("@2026-11-29T16:05:00+08:00 u-li: 评价 5").reply.refs == ["R1"])
        let other = try chat.say("@2026-11-29T16:06:00+08:00 u-zhang: 评价 4 调解员很耐心").reply
        #expect(other.ok && other.refs == ["R1"] && other.text.contains("4分"), "\(other.text)")
    }
}
