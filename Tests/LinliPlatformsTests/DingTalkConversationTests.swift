import Foundation
import LinliBot
import LinliCore
import LinliPlatforms
import LinliStore
import LinliTesting
import LinliWebhooks
import Synchronization
import Testing

/// A DingTalk enterprise robot calling `linli serve`, with the fake DingTalk on 127.0.0.1.
@Suite(.serialized) struct DingTalkConversationTests {
    static let platforms = """
          - id: dd
            kind: dingtalk
            app_secret: SECtestsecret
            api_base: API
            groups: {"cidPvvXBY8Ksl3JzHCDn9w==": fudi-b3}
        """
    static let li = ("{id: u-li, name: 李菊珍, home: b3-501, lang: zh}", "{id: u-li, name: 李菊珍, home: b3-501, lang: zh, accounts: {dd: manager4721}}")

    /// A callback as DingTalk sends it, signed `skew` ms off now (or with another secret).
    static func callback(
        _ rig: PlatformRig, id: String, staff: String = "manager4721", text: String, group: Bool = true, atBot: Bool = true,
        session: String = "/session/1", expires: Int64? = nil, skew: Int64 = 0, secret: String = "SECtestsecret",
        conversation: String = "cidPvvXBY8Ksl3JzHCDn9w=="
    ) -> (String, [HTTPHeader]) {
        let body = """
            {"conversationId":\(literal(conversation)),"atUsers":[{"dingtalkId":"$:LWCP_v1:$bot"}],"chatbotUserId":"$:LWCP_v1:$Cxxxxx",\
            "msgId":\(literal(id)),"senderNick":"李菊珍","isAdmin":false,"senderStaffId":\(literal(staff)),\
            "sessionWebhookExpiredTime":\(expires ?? nowMillis() + 5_400_000),"createAt":\(nowMillis()),"conversationType":"\(group ? 2 : 1)",\
            "senderId":"$:LWCP_v1:$Ff09GIxxxxx","conversationTitle":"3栋邻里群","isInAtList":\(atBot),\
            "sessionWebhook":\(literal(rig.platform.url(session))),"text":{"content":\(literal(text))},"msgtype":"text"}
            """
        let stamp = nowMillis() + skew
        return (body, [HTTPHeader("timestamp", String(stamp)), HTTPHeader("sign", Signatures.dingTalk(secret: secret, timestampMillis: stamp))])
    }

    static func sessionBody(_ text: String, to staff: String) -> String {
        #"{"msgtype":"text","text":{"content":\#(literal(text))},"at":{"atUserIds":[\#(literal(staff))]}}"#
    }

    /// On either store (a SQLite file, or a PostgreSQL database).
    @Test(arguments: ["sqlite", "postgres"])
    func aReportInTheGroupIsAnsweredOnTheSessionWebhookOnceWhateverTheRetries(_ store: String) async throws {
        let rig = try PlatformRig(
            platforms: Self.platforms, people: [Self.li], database: store == "postgres" ? try TestPostgres.database() : nil)
        try await rig.serve { dd in
            let (body, headers) = Self.callback(rig, id: "msg01", text: " 报修 漏水 501 厨房天花板滴水")
            let answer = await dd.post("/v1/platforms/dd", body, headers: headers)
            #expect(answer.status == 200)
            let replies = try await rig.await("/session/1", count: 1)
            let text = try #require(try rig.replyText("dd:msg01"))
            #expect(!text.contains("@") && !text.contains("://"))
            #expect(replies.map(\.text) == [Self.sessionBody(text, to: "manager4721")])
            #expect(replies.first?.method == "POST" && replies.first?.headers["content-type"]?.hasPrefix("application/json") == true)
            // Filed by u-li (her account), in building b3 (the mapped group).
            let orders = try rig.workOrders()
            #expect(orders.count == 1 && orders.first?.reporter == "u-li" && orders.first?.building == "b3")
            #expect(text.contains("\(orders[0].id)"))

            // DingTalk sends the same message again (a retry, newly signed): nothing new.
            let (again, againHeaders) = Self.callback(rig, id: "msg01", text: " 报修 漏水 501 厨房天花板滴水", skew: 1_000)
            #expect(await dd.post("/v1/platforms/dd", again, headers: againHeaders).status == 200)
            // Chatter in the group that does not call the bot: no answer at all.
            let (chatter, chatterHeaders) = Self.callback(rig, id: "msg02", text: "谢谢大家", atBot: false)
            #expect(await dd.post("/v1/platforms/dd", chatter, headers: chatterHeaders).status == 200)
            try await Task.sleep(for: .milliseconds(600))
            #expect(rig.received("/session/1").count == 1)
            #expect(try rig.workOrders().count == 1)
            #expect(try rig.replyText("dd:msg02") == nil)
            // The reply was queued leased and sent straight after the commit, not by a pass.
            try await rig.settled()
            let row = try #require(try rig.store.read { try $0.outbox() }.first { $0.webhook == "platform:dd" })
            #expect(row.dueAt.milliseconds - row.createdAt.milliseconds >= OutboxService.lease.milliseconds)
            #expect(row.status == .delivered && row.attempts == 1)
        }
    }

    /// Two servers on one PostgreSQL database (issue 21): DingTalk's retry reaches the
    /// other one; the report is filed once and answered once, whichever deliverer
    /// claims the reply; a message through the second server carries on from the first.
    @Test func throughTwoServersOnOneDatabaseACallbackAndItsRetryTakeEffectOnce() async throws {
        try await Self.twoServers { a, b, first, second in
            let (body, headers) = Self.callback(a, id: "t1", text: " 报修 漏水 501 厨房天花板滴水", session: "/session/t")
            #expect(await first.post("/v1/platforms/dd", body, headers: headers).status == 200)
            let (again, againHeaders) = Self.callback(a, id: "t1", text: " 报修 漏水 501 厨房天花板滴水", session: "/session/t", skew: 1_000)
            #expect(await second.post("/v1/platforms/dd", again, headers: againHeaders).status == 200)
            let (status, statusHeaders) = Self.callback(a, id: "t2", text: " 进度", session: "/session/t")
            #expect(await second.post("/v1/platforms/dd", status, headers: statusHeaders).status == 200)
            let replies = try await a.await("/session/t", count: 2)
            try await Task.sleep(for: .milliseconds(600))
            #expect(a.received("/session/t").count == 2 && b.received("/session").isEmpty, "\(replies.map(\.text))")
            #expect(try a.workOrders().count == 1)
            #expect(try a.replyText("dd:t2")?.contains("R1") == true)
        }
    }

    @Test func forgedStaleAndUnsignedCallbacksAreRefusedAndChangeNothing() async throws {
        let rig = try PlatformRig(platforms: Self.platforms, people: [Self.li])
        try await rig.serve { dd in
            let report = " 报修 漏水 501 厨房天花板滴水"
            let (forged, forgedHeaders) = Self.callback(rig, id: "f1", text: report, secret: "SECwrong")
            let (stale, staleHeaders) = Self.callback(rig, id: "f2", text: report, skew: -3_700_000)
            let (unsigned, _) = Self.callback(rig, id: "f3", text: report)
            for (body, headers) in [(forged, forgedHeaders), (stale, staleHeaders), (unsigned, [])] {
                let answer = await dd.post("/v1/platforms/dd", body, headers: headers)
                #expect(answer.status == 401, "\(answer.text)")
            }
            // DingTalk's signature covers only its timestamp: taken by one message, it carries no other.
            let (first, firstHeaders) = Self.callback(rig, id: "a1", text: "进度", session: "/session/a")
            #expect(await dd.post("/v1/platforms/dd", first, headers: firstHeaders).status == 200)
            let (captured, _) = Self.callback(rig, id: "a2", text: report, session: "/session/a")
            let replayed = await dd.post("/v1/platforms/dd", captured, headers: firstHeaders)
            #expect(replayed.status == 401 && replayed.text.contains("replayed_signature"))
            #expect(await dd.post("/v1/platforms/dd", first, headers: firstHeaders).status == 200)  // its own retry
            _ = try await rig.await("/session/a", count: 1)
            // A platform id the community file does not name.
            #expect(await dd.post("/v1/platforms/nope", forged, headers: forgedHeaders).status == 404)
            try await Task.sleep(for: .milliseconds(300))
            #expect(try rig.workOrders().isEmpty)
            #expect(rig.platform.requests.map(\.path) == ["/session/a"])
            #expect(try rig.store.read { tx in try ["dd:f1", "dd:f2", "dd:f3", "dd:a2"].compactMap { try tx.outcome(ofEvent: $0) } }.isEmpty)
        }
    }

    @Test func aPrivateChatFromAnUnknownAccountIsAnsweredAsThatAccount() async throws {
        let rig = try PlatformRig(platforms: Self.platforms, people: [Self.li])
        try await rig.serve { dd in
            let (body, headers) = Self.callback(rig, id: "p1", staff: "zhang9", text: "进度", group: false, atBot: false, session: "/session/p")
            #expect(await dd.post("/v1/platforms/dd", body, headers: headers).status == 200)
            let replies = try await rig.await("/session/p", count: 1)
            let text = try #require(try rig.replyText("dd:p1"))
            #expect(replies.map(\.text) == [Self.sessionBody(text, to: "zhang9")])
            let stored = try rig.store.read { try $0.outcome(ofEvent: "dd:p1") }
            #expect(stored?.events?.contains(#""to":"dd:zhang9""#) == true)
            #expect(try rig.kept("dd:p1", type: "reply").first?["group"] == nil)

            // A group chat the map does not name is the group `dd:<chat id>`.
            let (other, otherHeaders) = Self.callback(rig, id: "g1", text: "进度", session: "/session/g", conversation: "cidOther")
            #expect(await dd.post("/v1/platforms/dd", other, headers: otherHeaders).status == 200)
            _ = try await rig.await("/session/g", count: 1)
            #expect(try rig.kept("dd:g1", type: "reply").first?["group"] as? String == "dd:cidOther")
        }
    }

    @Test func aRestartBetweenAMessageAndItsRetryCreatesNothingTwice() async throws {
        let database = BinaryRunner.temporaryDatabase()
        let first = try PlatformRig(platforms: Self.platforms, people: [Self.li], database: database)
        try await first.serve { dd in
            let (body, headers) = Self.callback(first, id: "r1", text: " 报修 漏水 501 厨房天花板滴水", session: "/session/r")
            #expect(await dd.post("/v1/platforms/dd", body, headers: headers).status == 200)
            _ = try await first.await("/session/r", count: 1)
        }
        let restarted = try PlatformRig(platforms: Self.platforms, people: [Self.li], database: database)
        try await restarted.serve { dd in
            let (body, headers) = Self.callback(restarted, id: "r1", text: " 报修 漏水 501 厨房天花板滴水", session: "/session/r")
            #expect(await dd.post("/v1/platforms/dd", body, headers: headers).status == 200)
            try await Task.sleep(for: .milliseconds(800))
        }
        #expect(first.received("/session/r").count == 1)
        #expect(restarted.received("/session/r").isEmpty)
        #expect(try restarted.workOrders().count == 1)
        #expect(try restarted.store.read { try $0.outbox() }.filter { $0.webhook == "platform:dd" }.count == 1)
    }

    /// A signature captured before a restart carries no other message after it (the
    /// signatures taken were kept in memory only): they are kept with the events.
    @Test func aSignatureCapturedBeforeARestartCarriesNoOtherMessageAfterIt() async throws {
        let database = BinaryRunner.temporaryDatabase()
        let first = try PlatformRig(platforms: Self.platforms, people: [Self.li], database: database)
        let taken = Mutex<(body: String, headers: [HTTPHeader])>(("", []))
        try await first.serve { dd in
            let (body, headers) = Self.callback(first, id: "c1", text: " 进度", session: "/session/c")
            #expect(await dd.post("/v1/platforms/dd", body, headers: headers).status == 200)
            _ = try await first.await("/session/c", count: 1)
            taken.withLock { $0 = (body, headers) }
        }
        let (genuine, captured) = taken.withLock { $0 }
        let restarted = try PlatformRig(platforms: Self.platforms, people: [Self.li], database: database)
        try await restarted.serve { dd in
            let (forged, _) = Self.callback(restarted, id: "c2", staff: "manager4721", text: " 报修 漏水 501 伪造的报修", session: "/session/evil")
            let refused = await dd.post("/v1/platforms/dd", forged, headers: captured)
            #expect(refused.status == 401 && refused.text.contains("replayed_signature"), "\(refused.text)")
            #expect(await dd.post("/v1/platforms/dd", genuine, headers: captured).status == 200, "a repeat of what was handled")
            let (fresh, freshHeaders) = Self.callback(restarted, id: "c3", text: " 进度", session: "/session/c", skew: 1)
            #expect(await dd.post("/v1/platforms/dd", fresh, headers: freshHeaders).status == 200)
            _ = try await restarted.await("/session/c", count: 1)
        }
        #expect(try restarted.workOrders().isEmpty)
        #expect(restarted.received("/session/evil").isEmpty)
        #expect(try restarted.store.read { try $0.outcome(ofEvent: "dd:c2") } == nil)
    }

    /// A signature that came with a picture, or with a body not read, is spent too: a
    /// text message forged under it is refused (it would post as the captain).
    @Test func aSignatureSpentOnACallbackWithoutAMessageCarriesNoOther() async throws {
        let rig = try PlatformRig(platforms: Self.platforms, people: [Self.li])
        try await rig.serve { dd in
            let (text, _) = Self.callback(rig, id: "p2", text: " 通知 今晚燃气检修，请开门", session: "/session/evil")
            for (n, first) in [#"{"msgtype":"picture","msgId":"p1","content":{"downloadCode":"x"}}"#, "{not json"].enumerated() {
                let (_, headers) = Self.callback(rig, id: "unused", text: "", skew: Int64(n))
                #expect(await dd.post("/v1/platforms/dd", first, headers: headers).status < 500)
                let forged = await dd.post("/v1/platforms/dd", text, headers: headers)
                #expect(forged.status == 401 && forged.text.contains("replayed_signature"), "\(n): \(forged.text)")
                // Kept in the store too: after a restart, and for another server on a shared store.
                let sign = try #require(headers.first { $0.name == "sign" }?.value)
                #expect(try rig.store.read { try $0.signatureTaken(platform: "dd", sign: sign) }?.hasPrefix("body:") == true)
            }
        }
        #expect(try rig.store.read { try $0.outcome(ofEvent: "dd:p2") } == nil)
        #expect(rig.received("/session/evil").isEmpty)
    }

    /// Two servers on one PostgreSQL database: a signature taken by one carries no other
    /// message through the other.
    @Test func aSignatureTakenByOneServerCarriesNoOtherMessageThroughTheOther() async throws {
        try await Self.twoServers { a, _, first, second in
            let (body, headers) = Self.callback(a, id: "s1", text: " 进度", session: "/session/s")
            #expect(await first.post("/v1/platforms/dd", body, headers: headers).status == 200)
            let (forged, _) = Self.callback(a, id: "s2", text: " 报修 漏水 501 伪造的报修", session: "/session/evil")
            let refused = await second.post("/v1/platforms/dd", forged, headers: headers)
            #expect(refused.status == 401 && refused.text.contains("replayed_signature"), "\(refused.text)")
            #expect(await second.post("/v1/platforms/dd", body, headers: headers).status == 200, "its own retry")
            let orders = try a.workOrders()
            #expect(orders.isEmpty, "the forged report filed nothing")
        }
    }

    /// Two servers (rigs `a` and `b`) on one PostgreSQL database, serving together.
    static func twoServers(_ body: @Sendable (PlatformRig, PlatformRig, Caller, Caller) async throws -> Void) async throws {
        let database = try TestPostgres.database()
        let (a, b) = try (
            PlatformRig(platforms: platforms, people: [li], database: database), PlatformRig(platforms: platforms, people: [li], database: database)
        )
        try await a.serve { first in try await b.serve { second in try await body(a, b, first, second) } }
    }

    @Test func afterTheSessionExpiresTheReplyGoesThroughTheGroupsRobot() async throws {
        let robot = ("    groups: [fudi-b3]", "    groups: [{id: fudi-b3, webhook: wecom-b3}]")
        let rig = try PlatformRig(platforms: Self.platforms, people: [Self.li, robot])
        try await rig.serve { dd in
            let (body, headers) = Self.callback(rig, id: "y1", text: "进度", session: "/session/y", expires: nowMillis() - 1)
            #expect(await dd.post("/v1/platforms/dd", body, headers: headers).status == 200)
            let text = try #require(try rig.replyText("dd:y1"))
            var delivered: [RecordingReceiver.Request] = []
            for _ in 0..<200 where delivered.isEmpty {
                try await Task.sleep(for: .milliseconds(50))
                delivered = rig.received("/hooks/wecom-b3").filter {
                    (($0.json?["text"] as? [String: Any])?["content"] as? String)?.contains(text) == true
                }
            }
            #expect(delivered.count == 1 && delivered.first?.json?["msgtype"] as? String == "text")
            #expect(rig.received("/session/y").isEmpty)
        }
    }

    @Test func afterTheSessionExpiresAReplyThatHasNoRobotIsADeadLetter() async throws {
        let rig = try PlatformRig(platforms: Self.platforms, people: [Self.li])
        try await rig.serve { dd in
            let (body, headers) = Self.callback(rig, id: "x1", text: "进度", session: "/session/x", expires: nowMillis() - 1)
            #expect(await dd.post("/v1/platforms/dd", body, headers: headers).status == 200)
            for _ in 0..<100 where try rig.store.read({ try $0.deadLetters() }).isEmpty { try await Task.sleep(for: .milliseconds(50)) }
        }
        let dead = try rig.store.read { try $0.deadLetters() }
        #expect(dead.map(\.webhook) == ["platform:dd"])
        #expect(dead.first?.lastError?.contains("session webhook expired") == true)
        #expect(rig.received("/session/x").isEmpty)
    }
}
