import Foundation
import LinliCore
import LinliTesting
import LinliWebhooks
import Testing

@testable import LinliPlatforms

/// How callbacks are read, as a platform tester sent them: public chats of every kind,
/// mentions and codes in the text, and XML whose text looks like its own fields.
@Suite struct CallbackReadingTests {
    static let now = Instant(milliseconds: 1_795_827_600_000)

    static func read(_ platform: Platform, _ body: String, headers: [String: String] = [:]) -> PlatformMessage? {
        guard case .message(let m) = Callback.read(CallbackRequest(method: "POST", headers: headers, body: Array(body.utf8)), platform: platform, now: now)
        else { return nil }
        return m
    }

    /// A Feishu topic group (`topic_group`) is public like a group: only a mention calls the bot.
    @Test func aFeishuTopicGroupIsPublic() throws {
        let fs = Platform(id: "fs", kind: .feishu, settings: ["verification_token": "t", "bot_open_id": "ou_bot"])
        let body = FeishuConversationTests.event(id: "e1", message: "om_1", text: "楼上好吵", token: "t", chatType: "topic_group")
            .replacingOccurrences(of: #""open_id":"ou_bot0001""#, with: #""open_id":"ou_other""#)
        let m = try #require(Self.read(fs, body))
        #expect(m.chat == "oc_5ad11d72b830411d72b836c20" && !m.mentioned)
        let p2p = try #require(Self.read(fs, FeishuConversationTests.event(id: "e2", message: "om_2", text: "进度", token: "t", chatType: "p2p")))
        #expect(p2p.chat == nil)
    }

    /// Feishu's `@_user_1` taken out does not cut the front off `@_user_10`.
    @Test func feishuMentionsPastNineStayWhole() throws {
        let fs = Platform(id: "fs", kind: .feishu, settings: ["verification_token": "t", "bot_open_id": "ou_bot"])
        let content = #"{"text":"@_user_1 报修 其他 @_user_10 家门口堆了杂物"}"#
        let body = """
            {"schema":"2.0","header":{"event_id":"e3","token":"t","event_type":"im.message.receive_v1"},\
            "event":{"message":{"chat_id":"oc_1","chat_type":"group","content":\(literal(content)),"message_id":"om_3","message_type":"text",\
            "mentions":[{"id":{"open_id":"ou_bot"},"key":"@_user_1","name":"小邻"},{"id":{"open_id":"ou_n"},"key":"@_user_10","name":"邻居"}]},\
            "sender":{"sender_id":{"open_id":"ou_li"},"sender_type":"user"}}}
            """
        let m = try #require(Self.read(fs, body))
        #expect(m.mentioned && m.text == "报修 其他 @邻居 家门口堆了杂物", "\(m.text)")
    }

    /// A Feishu app with no bot_open_id takes a mention at the very start for its own,
    /// but not @所有人 (`@_all`) nor a neighbour's by name.
    @Test(arguments: [("@_all", "所有人", false), ("@_user_1", "老王", false), ("@_user_1", "小邻", true)])
    func withNoBotOpenIDOnlyTheBotsOwnMentionCalls(key: String, name: String, calls: Bool) throws {
        let fs = Platform(id: "fs", kind: .feishu, settings: ["verification_token": "t"])
        let content = #"{"text":"\#(key) 明天开会，进度怎么样"}"#
        let body = """
            {"schema":"2.0","header":{"event_id":"e4","token":"t","event_type":"im.message.receive_v1"},\
            "event":{"message":{"chat_id":"oc_1","chat_type":"group","content":\(literal(content)),"message_id":"om_4","message_type":"text",\
            "mentions":[{"id":{"open_id":"ou_x"},"key":\(literal(key)),"name":\(literal(name))}]},\
            "sender":{"sender_id":{"open_id":"ou_li"},"sender_type":"user"}}}
            """
        let request = CallbackRequest(method: "POST", headers: [:], body: Array(body.utf8))
        guard case .message(let m) = Callback.read(request, platform: fs, now: Self.now, botNames: ["小邻", "linli"]) else {
            Issue.record("not read")
            return
        }
        #expect(m.mentioned == calls, "\(m.text)")
    }

    /// QQ's codes: the bot's @ calls it, another's is an @-name, a reply's quote and a face
    /// go, an image is a mark (never its URL); a QQ channel (`guild`) is public.
    @Test func oneBotCodesAreRead() {
        let (text, mentioned) = Callback.cqText(
            "[CQ:reply,id=-2147483],[CQ:at,qq=10001000,name=小邻] [CQ:at,qq=555,name=老王] 进度[CQ:face,id=14] 看图[CQ:image,file=a.jpg,url=https://x.example/a.jpg] &#91;急&#93;",
            selfID: "10001000")
        #expect(mentioned && text == ", @老王  进度 看图[图片] [急]", "\(text)")
        #expect(Callback.cqText("[CQ:at,qq=555] 你好", selfID: "10001000") == ("@555  你好", false))
        let qq = Platform(id: "qq", kind: .onebot, settings: ["secret": "s", "self_id": "10001000"])
        let body = #"{"time":\#(Self.now.milliseconds / 1000),"post_type":"message","message_type":"guild","message_id":"g1","user_id":"7","guild_id":"88","channel_id":"9","raw_message":"大家好"}"#
        let signature = PlatformCrypto.oneBotSignature(secret: "s", body: Array(body.utf8))
        let m = Self.read(qq, body, headers: ["x-signature": signature])
        #expect(m?.chat == "88/9" && m?.mentioned == false)
        let nowhere = #"{"time":\#(Self.now.milliseconds / 1000),"post_type":"message","message_type":"group","message_id":"g2","user_id":"7","raw_message":"进度"}"#
        #expect(Self.read(qq, nowhere, headers: ["x-signature": PlatformCrypto.oneBotSignature(secret: "s", body: Array(nowhere.utf8))]) == nil)
    }

    /// A WeCom app message is read field by field in order: a `<MsgId>` typed in its
    /// content is text, and a `]]>` split across two CDATA sections is whole again.
    @Test func weComXMLIsReadInOrder() {
        let xml = "<xml><ToUserName><![CDATA[corp]]></ToUserName><FromUserName><![CDATA[Li]]></FromUserName>"
            + "<MsgType><![CDATA[text]]></MsgType><Content><![CDATA[报修 <MsgId>777</MsgId> a]]]]><![CDATA[>b &amp;]]></Content>"
            + "<MsgId>4561</MsgId><Note>x &lt;y&gt; &amp; z</Note></xml>"
        let f = Callback.fields(xml)
        #expect(f["MsgId"] == "4561" && f["Content"] == "报修 <MsgId>777</MsgId> a]]>b &amp;" && f["Note"] == "x <y> & z", "\(f)")
        #expect(Callback.fields("<xml><A>1</A><B><C>2</C></B></xml>") == ["A": "1"], "a nested element ends the reading")
        #expect(Callback.fields("no xml") == [:])
        #expect(Callback.fields("<xml><Content><![CDATA[\u{301}报修]]></Content><MsgId>9</MsgId></xml>") == ["Content": "\u{301}报修", "MsgId": "9"])
    }

    /// A WeCom 智能机器人 mention ends at any space WeChat puts after it (U+2005, no-break).
    @Test func aWeComBotMentionEndsAtAnySpace() throws {
        for space in ["\u{2005}", "\u{00A0}", " ", "\u{3000}"] {
            let plain = #"{"msgid":"m1","chattype":"group","chatid":"c1","from":{"userid":"li"},"msgtype":"text","text":{"content":"@小邻\#(space)进度"},"response_url":"http://127.0.0.1/x"}"#
            guard case .message(let m) = Callback.botMessage(Array(plain.utf8)) else {
                Issue.record("not a message")
                return
            }
            #expect(m.text == "进度" && m.mentioned, "\(m.text.unicodeScalars.map { $0.value })")
        }
    }

    /// A robot whose name holds a space (`Linli Bot`): its whole name is taken off, not its first word.
    @Test(arguments: ["@Linli Bot\u{2005}status R1", "@linli bot status R1", "@Linli Bot status R1"])
    func aWeComBotNameWithASpaceIsTakenOffWhole(_ content: String) throws {
        let plain = #"{"msgid":"m2","chattype":"group","chatid":"c1","from":{"userid":"li"},"msgtype":"text","text":{"content":\#(literal(content))},"response_url":"http://127.0.0.1/x"}"#
        guard case .message(let m) = Callback.botMessage(Array(plain.utf8), botNames: ["小邻", "Linli Bot", "Linli"]) else {
            Issue.record("not a message")
            return
        }
        #expect(m.text == "status R1", "\(m.text)")
    }
}
