import LinliProtocol
import LinliTesting
import Testing

/// The posts say `报名 E1`, but people type the name: `报名 邻里节` was told that
/// “邻里节” is not a record id.
@Suite struct EventByTitleTests {
    func community() throws -> Conversation {
        let chat = try Conversation()
        try chat.say("@2026-11-28T08:59:00+08:00 u-zhang: 报修 噪音 楼上半夜装修")  // a private record in play
        #expect(try chat.say("@2026-11-28T09:00:00+08:00 u-he: 发布活动 邻里节 12月12日 上午9点 3").reply.refs == ["E1"])
        #expect(try chat.say("@2026-11-28T09:01:00+08:00 u-he: 发布活动 邻里电影夜 12月5日 晚上7点").reply.refs == ["E2"])
        return chat
    }

    @Test func joinedByItsTitleOrAPartOfIt() throws {
        let chat = try community()
        let li = try chat.say("@2026-11-28T09:03:00+08:00 u-li: 报名 邻里节").reply
        #expect(li.ok && li.refs == ["E1"], "\(li.text)")
        #expect(try chat.say("@2026-11-28T09:04:00+08:00 u-wu: 报名 电影夜").reply.refs == ["E2"])
        let both = try chat.say("@2026-11-28T09:05:00+08:00 u-zhang: 报名 邻里").reply
        #expect(both.code == "usage" && both.text.hasPrefix("是哪一个活动？E2 邻里电影夜 12月5日 周六；E1 邻里节"), "\(both.text)")
        #expect(try chat.say("@2026-11-28T09:06:00+08:00 u-zhang: E1").reply.refs == ["E1"])
        let none = try chat.say("@2026-11-28T09:07:00+08:00 u-emma: join the festival").reply
        #expect(none.code == "not_found" && none.text.hasPrefix("No event to come is called “the festival”"), "\(none.text)")
        #expect(try chat.say("@2026-11-28T09:08:00+08:00 u-li: 退出 邻里节").reply.text == "已取消报名 E1。")
    }

    @Test func inANoisyGroupATitleIsAWholeCommandAndASentenceIsTalk() throws {
        let chat = try community()
        #expect(try chat.say("@2026-11-28T09:10:00+08:00 [fudi-b3] u-zhang: 大家好，邻里节有人去吗？").isEmpty)
        #expect(try chat.say("@2026-11-28T09:11:00+08:00 [fudi-b3] u-li: 报名邻里节的人好多").isEmpty, "talk, not a sign-up")
        #expect(try chat.say("@2026-11-28T09:12:00+08:00 [fudi-b3] u-li: 报名 邻里节的人多吗？").isEmpty)
        let joined = try chat.say("@2026-11-28T09:13:00+08:00 [fudi-b3] u-chen-m: 小邻 报名邻里节").reply
        #expect(joined.ok && joined.group == "fudi-b3" && joined.refs == ["E1"], "\(joined.text)")
        #expect(!joined.text.contains("装修"))
        #expect(try chat.say("@2026-11-28T09:14:00+08:00 [fudi-b3] u-zhang: 谢谢小邻").isEmpty)
    }
}
