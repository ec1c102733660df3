import Foundation
import LinliCore
import LinliPlatforms
import LinliStore
import LinliTesting
import LinliWebhooks
import Testing

/// A building too big for one chat meets in two, both mapped to its group: what is
/// posted into the group reaches both chats, each by its own outbox row (a chat that
/// fails is tried again alone) and, on Feishu, its own idempotency key; what is said
/// in either chat is the group's, and a private matter reaches neither.
@Suite(.serialized) struct TwoChatsOneGroupTests {
    static let qq = OneBotConversationTests.platforms.replacingOccurrences(
        of: #"groups: {"123456": fudi-b3}"#, with: #"groups: {"123456": fudi-b3, "654321": fudi-b3}"#)
    static let feishu = FeishuConversationTests.platforms.replacingOccurrences(
        of: "groups: {oc_5ad11d72b830411d72b836c20: fudi-b3}", with: "groups: {oc_5ad11d72b830411d72b836c20: fudi-b3, oc_second: fudi-b3}")

    /// A OneBot group message from the second QQ group.
    static func inSecondChat(_ id: Int, _ text: String, from user: Int = 12_345_678) -> String {
        OneBotConversationTests.message(id, text: text, from: user).replacingOccurrences(of: #""group_id":123456"#, with: #""group_id":654321"#)
    }

    @Test func aNoticeReachesBothQQGroupsAndTheSecondGroupsTalkIsTheBuildings() async throws {
        let rig = try PlatformRig(platforms: Self.qq, people: OneBotConversationTests.people)
        try await rig.serve { qq in
            func send(_ body: String) async -> LinliWebhooks.HTTPResponse {
                await qq.post("/v1/platforms/qq", body, headers: OneBotConversationTests.signature(body))
            }
            // Chatter in the second group, a greeting to the bot and thanks: nothing filed, nothing posted.
            #expect(await send(Self.inSecondChat(1, "大家好，今天停水吗？")).status == 204)
            #expect(await send(Self.inSecondChat(2, "[CQ:at,qq=10001000] 你好")).status == 200)
            #expect(await send(Self.inSecondChat(3, "谢谢")).status == 204)
            // A resident's noise complaint from the second group: the building's, and private.
            let noise = await send(Self.inSecondChat(4, "[CQ:at,qq=10001000] 反映 噪音 楼上半夜装修"))
            #expect(noise.status == 200)
            #expect(try rig.workOrders().map { ($0.reporter, $0.building, $0.category) }.elementsEqual([("u-li", "b3", "noise")]) { $0 == $1 })
            // The captain's notice, privately in Chinese, then an English one: each posted into both chats.
            let notice = OneBotConversationTests.message(5, text: "通知 明天9点停水", from: 20_002_000, group: false)
            let told = await send(notice)
            #expect(told.status == 200, "\(told.status) \(told.text)")
            let english = OneBotConversationTests.message(6, text: "notice water off tomorrow 9am", from: 20_002_000, group: false)
            #expect(await send(english).status == 200)
            let sent = try await rig.await("/send_group_msg", count: 4)
            for id in ["qq:5", "qq:6"] {
                let post = try #require(try rig.kept(id, type: "post").first { $0["group"] as? String == "fudi-b3" })
                let text = try #require(post["text"] as? String)
                let bodies = sent.map(\.text).filter { $0.contains(literal(text)) }.sorted()
                #expect(
                    bodies == [123456, 654321].map { #"{"group_id":\#($0),"message":\#(literal(text)),"auto_escape":true}"# }, "\(sent.map(\.text))")
            }
            // The private complaint went to no group chat.
            try await rig.settled()
            #expect(!rig.received("/send_group_msg").contains { $0.text.contains("装修") })
        }
    }

    @Test func aFeishuPostGoesToEachChatUnderItsOwnUUID() async throws {
        let rig = try PlatformRig(platforms: Self.feishu, people: FeishuConversationTests.people)
        try await rig.serve { fs in
            let (notice, headers) = FeishuConversationTests.sealed(
                FeishuConversationTests.event(id: "ev1", message: "om_1", text: "通知 周六上午电梯检修", sender: "ou_zhou01", chatType: "p2p"))
            let told = await fs.post("/v1/platforms/fs", notice, headers: headers)
            #expect(told.status == 200, "\(told.status) \(told.text)")
            let post = try #require(try rig.kept("fs:ev1", type: "post").first { $0["group"] as? String == "fudi-b3" })
            let (text, id) = (try #require(post["text"] as? String), try #require(post["id"] as? String))
            let sent = try await rig.await("/open-apis/im/v1/messages?receive_id_type=chat_id", count: 2)
            #expect(
                sent.map(\.text).sorted() == [
                    FeishuConversationTests.replyBody(text, uuid: "fudi-\(id)", receiver: "oc_5ad11d72b830411d72b836c20"),
                    FeishuConversationTests.replyBody(text, uuid: "fudi-\(id)-2", receiver: "oc_second"),
                ].sorted())
        }
    }

    /// A chat that fails is tried again alone: the other one is not sent the post twice.
    @Test func aChatThatFailsIsTriedAgainAlone() async throws {
        let rig = try PlatformRig(platforms: Self.qq, people: OneBotConversationTests.people)
        rig.flags.failOnce.withLock { $0 = "654321" }
        try await rig.serve { qq in
            let notice = OneBotConversationTests.message(7, text: "通知 今晚8点消防演练", from: 20_002_000, group: false)
            #expect(await qq.post("/v1/platforms/qq", notice, headers: OneBotConversationTests.signature(notice)).status == 200)
            _ = try await rig.await("/send_group_msg", count: 3)
            try await rig.settled()
            let sent = rig.received("/send_group_msg").map(\.text)
            #expect(sent.filter { $0.contains(#""group_id":123456"#) }.count == 1, "\(sent)")
            #expect(sent.filter { $0.contains(#""group_id":654321"#) }.count == 2, "\(sent)")
            #expect(try rig.store.read { try $0.outbox() }.filter { $0.webhook == "platform:qq" }.allSatisfy { $0.status == .delivered })
        }
    }

    /// A post queued before rows named their chat goes to the group's first chat; one
    /// naming a chat the corrected map gives to no group (or another) is not posted there.
    @Test func rowsOfBeforeAndOfAnOlderMapGoWhereTheMapSays() async throws {
        let rig = try PlatformRig(platforms: Self.qq, people: OneBotConversationTests.people)
        let now = rigClock()
        func row(_ id: String, _ text: String, chat: String?) -> OutboxRow {
            let named = chat.map { #","chat":\#(literal($0))"# } ?? ""
            return OutboxRow(
                eventID: id, webhook: "platform:qq", recipient: "fudi-b3", reason: "notice", text: text, refs: [],
                event: #"{"type":"post","id":\#(literal(id)),"ts":"2026-12-01T09:00:00+08:00","group":"fudi-b3","text":\#(literal(text))\#(named)}"#,
                createdAt: now, dueAt: now)
        }
        try rig.store.write { tx in
            try tx.enqueue(row("o90", "旧的通知", chat: nil))
            try tx.enqueue(row("o91", "别的楼的群", chat: "777777"))
        }
        try await rig.serve { _ in
            _ = try await rig.await("/send_group_msg", count: 1)
            try await rig.settled()
            #expect(rig.received("/send_group_msg").map(\.text) == [#"{"group_id":123456,"message":"旧的通知","auto_escape":true}"#])
            let refused = try rig.store.read { try $0.outbox() }.first { $0.eventID == "o91" }
            #expect(refused?.status == .dead)
        }
    }
}
