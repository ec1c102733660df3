import Foundation
import LinliBot
import LinliCore
import LinliProtocol
import LinliStore
import LinliTesting
import LinliWebhooks
import Synchronization
import Testing

/// Pushes through the outbox and libcurl to a real receiver on 127.0.0.1.
@Suite(.serialized) struct OutboxTests {
    /// Answers with each response in turn, then repeats the last.
    final class Script: Sendable {
        let responses: Mutex<[RecordingReceiver.Response]>
        init(_ responses: [RecordingReceiver.Response]) { self.responses = Mutex(responses) }
        func next() -> RecordingReceiver.Response {
            responses.withLock { r in r.count > 1 ? r.removeFirst() : r[0] }
        }
        func set(_ response: RecordingReceiver.Response) { responses.withLock { $0 = [response] } }
    }

    struct Rig {
        let receiver: RecordingReceiver
        let engine: Engine
        let store: Store
        let outbox: OutboxService
        let client: CurlClient
        let clock: ManualClock
        let script: Script

        init(_ responses: [RecordingReceiver.Response], edit: (String) -> String = { $0 }) throws {
            let script = Script(responses)
            receiver = try RecordingReceiver { _ in script.next() }
            self.script = script
            let community: Community
            (engine, store, community) = try Fixtures.engine(webhooksAt: receiver.url(""), edit: edit)
            clock = ManualClock()
            client = CurlClient()
            let clock = clock
            outbox = OutboxService(store: store, community: community, client: client, clock: { clock.read() })
        }

        func say(_ line: String) throws -> [OutboundEvent] {
            var splitter = LineSplitter(maxLine: 65_536)
            return try engine.process(Array((line + "\n").utf8).withUnsafeBytes { splitter.feed($0) })
        }

        func rows() throws -> [OutboxRow] { try store.read { try $0.outbox() } }

        func stop() {
            client.shutdown()
            receiver.stop()
        }
    }

    static let wecomOK = RecordingReceiver.Response(status: 200, body: #"{"errcode":0,"errmsg":"ok"}"#)

    @Test func aReportIsPushedToTheCaptainsWeComRobot() throws {
        let rig = try Rig([Self.wecomOK])
        defer { rig.stop() }
        let out = try rig.say("@2026-11-28T09:00:00+08:00 [fudi-b3] u-li: 报修 漏水 501 厨房天花板滴水")
        let notify = try #require(out.first { $0.type == .notify })
        #expect(try rig.rows().map(\.status) == [.queued], "queued in the same transaction as the report")
        #expect(try rig.outbox.deliverDue() == 1)
        let request = try #require(rig.receiver.requests.first)
        #expect(request.path == "/hooks/wecom-b3")
        #expect(request.json?["msgtype"] as? String == "text")
        #expect((request.json?["text"] as? [String: Any])?["content"] as? String == notify.text)
        #expect((request.json?["text"] as? [String: Any])?["mentioned_mobile_list"] as? [String] == ["13800000301"], "the captain is @-mentioned")
        #expect(try rig.rows().map(\.status) == [.delivered])
        #expect(try rig.outbox.deliverDue() == 0, "delivered once")
    }

    @Test func genericReceiversGetTheSignedEventAndRetriesKeepTheID() throws {
        let rig = try Rig([.init(status: 500), .init(status: 204)])
        defer { rig.stop() }
        try rig.say("@2026-11-28T09:00:00+08:00 [fudi-b1] u-wu: 报修 停水 整栋楼没水")
        let out = try rig.say("@2026-11-28T09:05:00+08:00 u-he: 吹哨 R1 water ref:12345-9 市政管网")
        let pushed = try #require(out.first { $0.type == .notify && $0.to == "water" })
        try rig.outbox.deliverDue()
        #expect(try rig.rows().first { $0.recipient == "water" }?.attempts == 1)
        #expect(try rig.outbox.deliverDue() == 0, "not again before the backoff")
        rig.clock.advance(.seconds(6))
        try rig.outbox.deliverDue()
        let hits = rig.receiver.requests.filter { $0.path == "/hooks/water" }
        #expect(hits.count == 2)
        #expect(Set(hits.map { $0.headers["webhook-id"] ?? "" }) == ["fudi-\(pushed.id)"], "the same id on every try")
        let key = try #require(StandardWebhooksKey(secret: "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"))
        for hit in hits {
            let ts = try #require(hit.headers["webhook-timestamp"].flatMap { Int64($0) })
            #expect(key.verify(id: hit.headers["webhook-id"] ?? "", timestamp: ts, body: hit.body, header: hit.headers["webhook-signature"] ?? ""))
            #expect(hit.json?["type"] as? String == "notify" && hit.json?["to"] as? String == "water" && hit.json?["id"] as? String == pushed.id)
        }
        let row = try #require(try rig.rows().first { $0.recipient == "water" })
        #expect(row.status == .delivered && row.attempts == 2)
        #expect(try rig.store.read { try $0.attempts(row.id) } == [500, 204])
    }

    @Test func permanentFailuresAreDeadLettersThatCanBeQueuedAgain() throws {
        let rig = try Rig([.init(status: 400, body: "bad")])
        defer { rig.stop() }
        try rig.say("@2026-11-28T09:00:00+08:00 [fudi-b3] u-li: 报修 漏水 厨房")
        try rig.outbox.deliverDue()
        let dead = try rig.store.read { try $0.deadLetters() }
        #expect(dead.count == 1 && dead[0].lastError == "HTTP 400")
        rig.clock.advance(.hours(1))
        #expect(try rig.outbox.deliverDue() == 0, "no retry of a permanent failure")
        rig.script.set(Self.wecomOK)
        #expect(try rig.store.write { try $0.retryDead(now: rig.clock.read()) } == 1)
        #expect(try rig.outbox.deliverDue() == 1)
        #expect(try rig.rows().map(\.status) == [.delivered])
    }

    /// A sign-in link (DASHBOARD.md §1) reaches its person and leaves no usable copy:
    /// never through a robot (a robot posts into a group), no token in what a repeat
    /// is answered from, and none in a push once it is sent.
    @Test func signInLinksLeaveNoCopyAndNeverGoThroughARobot() throws {
        let rig = try Rig([.init(status: 204)]) {
            $0.replacingOccurrences(of: "  groups: [fudi-office]\n", with: "  groups: [fudi-office]\n  public_url: https://linli.test\n")
                .replacingOccurrences(of: "roles: [staff], lang: zh}", with: "roles: [staff], lang: zh, webhook: generic-water}")
        }
        defer { rig.stop() }
        func token(_ text: String?) -> String? {
            text?.range(of: "login?token=").map { String(text![$0.upperBound...].prefix { $0.isLetter || $0.isNumber || "-_".contains($0) }) }
        }
        let captain = try rig.say(#"{"id":"d1","ts":"2026-11-28T09:00:00+08:00","group":"fudi-b3","from":"u-zhou","text":"@小邻 后台","mentions":["linli"]}"#)
        let theirs = try #require(token(captain.first { $0.type == .notify && $0.to == "u-zhou" }?.text))
        #expect(theirs.count == 43, "the bridge gets the link to pass on privately")
        #expect(try rig.rows().isEmpty, "not through u-zhou's WeCom group robot")
        let office = try rig.say(#"{"id":"d2","ts":"2026-11-28T09:01:00+08:00","group":"fudi-office","from":"u-he","text":"@小邻 后台","mentions":["linli"]}"#)
        let his = try #require(token(office.first { $0.type == .notify && $0.to == "u-he" }?.text))
        #expect(try rig.rows().map(\.recipient) == ["u-he"], "a generic receiver is the person's own")
        #expect(try rig.outbox.deliverDue() == 1)
        #expect(rig.receiver.requests.first.map { String(decoding: $0.body, as: UTF8.self).contains(his) } == true, "sent as made")
        for row in try rig.rows() {
            #expect(row.status == .delivered && !row.text.contains(his) && !row.event.contains(his) && row.text.contains("token=redacted"))
        }
        for id in ["d1", "d2"] {
            let kept = try #require(try rig.store.read { try $0.outcome(ofEvent: id) })
            #expect(!(kept.events ?? "").contains(theirs) && !(kept.events ?? "").contains(his) && kept.events?.contains("redacted") == true)
        }
        let repeated = try rig.say(#"{"id":"d1","ts":"2026-11-28T09:02:00+08:00","group":"fudi-b3","from":"u-zhou","text":"@小邻 后台","mentions":["linli"]}"#)
        #expect(repeated.contains { $0.type == .notify && $0.text.contains("token=redacted") }, "a repeat gets the answer without the token")
    }

    /// In `linli serve` the clock fires timers with no request to answer: what they
    /// cause for someone no other route reaches goes to the bridge's webhook
    /// (`community: bridge:`); what a request's clock move fires is in its answer.
    @Test func whatTheClockCausesReachesTheBridge() throws {
        let clock = ManualClock(try #require(RFC3339.parse("2026-11-28T09:00:00+08:00")))
        let text = try Fixtures.communityText(webhooksAt: "http://127.0.0.1:9")
            .replacingOccurrences(of: "  groups: [fudi-office]\n", with: "  groups: [fudi-office]\n  bridge: generic-water\n")
        let community = try CommunityFile.parse(text, file: "fudi.yaml")
        #expect(community.bridge == "generic-water")
        let store = try Store(path: ":memory:")
        let engine = try Engine(community: community, catalog: try Fixtures.load().1, store: store, wallClock: { clock.read() })
        var splitter = LineSplitter(maxLine: 65_536)
        func say(_ line: String) throws -> [OutboundEvent] {
            try engine.process(Array((line + "\n").utf8).withUnsafeBytes { splitter.feed($0) })
        }
        #expect(try say("@2026-11-28T09:00:00+08:00 u-li: 预约 凉亭 今天 10:00-11:00").first?.refs == ["B1"])
        #expect(try say("@2026-11-28T09:00:00+08:00 u-zhang: 预约 凉亭 今天 11:00-12:00").first?.refs == ["B2"])
        clock.advance(.minutes(31))
        let ticked = try engine.process([.event(InboundEvent(type: .tick), line: 0)])
        #expect(ticked.contains { $0.type == .notify && $0.to == "u-li" && $0.reason == "reminder" })
        let rows = try store.read { try $0.outbox() }
        #expect(rows.map(\.webhook) == ["generic-water"] && rows.map(\.recipient) == ["u-li"] && rows.first?.reason == "reminder", "\(rows)")
        // A tick the bridge sends is answered with what it fired: nothing more is queued.
        let answered = try say("@2026-11-28T10:31:00+08:00")
        #expect(answered.contains { $0.to == "u-zhang" && $0.reason == "reminder" })
        #expect(try store.read { try $0.outbox() }.count == 1)
    }

    @Test func aRobotConfigurationErrorIsADeadLetter() throws {
        let rig = try Rig([.init(status: 200, body: #"{"errcode":93000,"errmsg":"invalid webhook url"}"#)])
        defer { rig.stop() }
        try rig.say("@2026-11-28T09:00:00+08:00 [fudi-b3] u-li: 报修 漏水 厨房")
        try rig.outbox.deliverDue()
        #expect(try rig.rows().first?.status == .dead)
        #expect(try rig.rows().first?.lastError?.contains("93000") == true)
    }

    @Test func retryAfterIsHonoured() throws {
        let rig = try Rig([.init(status: 429, headers: [("Retry-After", "120")]), Self.wecomOK])
        defer { rig.stop() }
        try rig.say("@2026-11-28T09:00:00+08:00 [fudi-b3] u-li: 报修 漏水 厨房")
        try rig.outbox.deliverDue()
        #expect(try rig.rows().first?.dueAt == rig.clock.read().adding(.seconds(120)))
        rig.clock.advance(.seconds(119))
        #expect(try rig.outbox.deliverDue() == 0)
        rig.clock.advance(.seconds(1))
        #expect(try rig.outbox.deliverDue() == 1)
        #expect(try rig.rows().first?.status == .delivered)
    }

    @Test func goneDisablesTheEndpointUntilItsConfigurationChanges() throws {
        let rig = try Rig([.init(status: 410)])
        defer { rig.stop() }
        try rig.say("@2026-11-28T09:00:00+08:00 [fudi-b3] u-li: 报修 漏水 厨房")
        try rig.outbox.deliverDue()
        try rig.say("@2026-11-28T09:01:00+08:00 [fudi-b3] u-zhang: 报修 漏水 卫生间")
        try rig.outbox.deliverDue()
        #expect(rig.receiver.requests.count == 1, "the second push is not sent to a gone endpoint")
        #expect(try rig.rows().map(\.status) == [.dead, .dead])
        #expect(try rig.rows().last?.lastError?.contains("410") == true)
        // a new URL (a changed configuration) enables it again
        let moved = try CommunityFile.parse(Fixtures.communityText(webhooksAt: rig.receiver.url("/moved")), file: "fudi.yaml")
        rig.script.set(Self.wecomOK)
        try rig.store.write { _ = try $0.retryDead(now: rig.clock.read()) }
        let clock = rig.clock
        let fresh = OutboxService(store: rig.store, community: moved, client: rig.client, clock: { clock.read() })
        #expect(try fresh.deliverDue() + fresh.deliverDue() == 2, "one at a time")
        #expect(rig.receiver.requests.last?.path == "/moved/hooks/wecom-b3")
    }

    @Test func aBacklogForOneRobotBecomesOneDigest() throws {
        let rig = try Rig([Self.wecomOK])
        defer { rig.stop() }
        for i in 0..<25 {
            try rig.say("@2026-11-28T09:\(String(format: "%02d", i)):00+08:00 [fudi-b3] u-li: report light corridor \(i)")
        }
        #expect(try rig.rows().count == 25)
        #expect(try rig.outbox.deliverDue() == 1, "25 pushes over a 20-a-minute robot: one digest")
        let request = try #require(rig.receiver.requests.first)
        let content = (request.json?["text"] as? [String: Any])?["content"] as? String ?? ""
        let taken = try rig.rows().filter { $0.status == .delivered }.count
        #expect(taken > 1 && taken < 25 && content.contains("汇总 \(taken)"))
        #expect(content.utf8.count <= 2_048, "a digest fits the robot's limit; the rest waits")
        for _ in taken..<25 { try rig.outbox.deliverDue() }
        #expect(try rig.rows().allSatisfy { $0.status == .delivered })
        let texts = rig.receiver.requests.map { ($0.json?["text"] as? [String: Any])?["content"] as? String ?? "" }.joined()
        #expect((0..<25).allSatisfy { texts.contains("corridor \($0)") }, "nothing is dropped")
    }

    @Test func aRobotsPushesGoOneAfterAnotherInOrder() throws {
        // The robot answers slowly: pushes sent side by side could show in either order.
        let busy = Atomic<Int>(0)
        let most = Atomic<Int>(0)
        let receiver = try RecordingReceiver { _ in
            let now = busy.add(1, ordering: .relaxed).newValue
            most.max(now, ordering: .relaxed)
            Thread.sleep(forTimeInterval: 0.2)
            busy.subtract(1, ordering: .relaxed)
            return Self.wecomOK
        }
        defer { receiver.stop() }
        let (engine, store, community) = try Fixtures.engine(webhooksAt: receiver.url(""))
        let client = CurlClient()
        defer { client.shutdown() }
        var splitter = LineSplitter(maxLine: 65_536)
        let lines = ["u-li: 报修 漏水 501 厨房", "u-zhang: 报修 路灯 楼道灯不亮", "u-li: 报修 路灯 电梯口灯不亮"]
        let notices = try lines.flatMap { line in
            try engine.process(Array("@2026-11-28T09:00:00+08:00 [fudi-b3] \(line)\n".utf8).withUnsafeBytes { splitter.feed($0) })
                .filter { $0.type == .notify && $0.to == "u-zhou" }.map(\.text)
        }
        let outbox = OutboxService(store: store, community: community, client: client, clock: { Instant(milliseconds: 1_790_000_000_000) })
        for _ in 0..<5 { try outbox.deliverDue() }
        #expect(notices.count == 3)
        #expect(receiver.requests.map { ($0.json?["text"] as? [String: Any])?["content"] as? String } == notices, "in the order made")
        #expect(most.load(ordering: .relaxed) == 1, "one at a time")
    }

    @Test func aPushIsGivenUpAfter24Hours() throws {
        let rig = try Rig([.init(status: 503)])
        defer { rig.stop() }
        try rig.say("@2026-11-28T09:00:00+08:00 [fudi-b3] u-li: 报修 漏水 厨房")
        for _ in 0..<30 {
            rig.clock.advance(.hours(1))
            try rig.outbox.deliverDue()
        }
        let row = try #require(try rig.rows().first)
        #expect(row.status == .dead)
        #expect(row.lastError?.hasPrefix("gave up after 24 h") == true)
        #expect(row.attempts >= 20 && row.attempts <= 26)
    }
}

/// The real `linli run`: it delivers while it reads, drains at the end of input
/// for up to `--drain-timeout`, and leaves the rest queued for `linli deliver`.
@Suite(.serialized) struct DrainTests {
    func communityFile(_ base: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("linli-community-\(UUID().uuidString).yaml").path
        try Fixtures.communityText(webhooksAt: base).write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test func pushesAreDeliveredBeforeTheProcessExits() throws {
        let receiver = try RecordingReceiver { _ in .init(status: 200, body: #"{"errcode":0}"#) }
        defer { receiver.stop() }
        let community = try communityFile(receiver.url(""))
        let db = BinaryRunner.temporaryDatabase()
        let input = "@2026-11-28T09:00:00+08:00 [fudi-b3] u-li: 报修 漏水 501 厨房天花板滴水\n"
        let result = try BinaryRunner.run(
            ["run", "--community", community, "--commands", Fixtures.commandsPath, "--db", db], input: Data(input.utf8))
        #expect(result.status == 0)
        #expect(receiver.requests.map(\.path) == ["/hooks/wecom-b3"])
    }

    @Test func whatCannotBeDeliveredStaysQueuedForDeliver() throws {
        let down = try RecordingReceiver { _ in .init() }
        let base = down.url("")
        down.stop()
        let community = try communityFile(base)
        let db = BinaryRunner.temporaryDatabase()
        let input = "@2026-11-28T09:00:00+08:00 [fudi-b3] u-li: 报修 漏水 501 厨房天花板滴水\n"
        let started = Date()
        let result = try BinaryRunner.run(
            ["run", "--community", community, "--commands", Fixtures.commandsPath, "--db", db, "--drain-timeout", "1"],
            input: Data(input.utf8))
        #expect(result.status == 0)
        #expect(Date().timeIntervalSince(started) < 5, "waits at most about the drain timeout")
        let queued = try Store(path: db).read { try $0.outbox() }
        #expect(queued.map(\.status) == [.queued] && queued[0].attempts >= 1)
        // the receiver comes back on the same port: `linli deliver` sends what was left
        let port = UInt16(base.split(separator: ":").last!)!
        guard let back = try? RecordingReceiver(port: port, { _ in .init(status: 200, body: #"{"errcode":0}"#) }) else { return }
        defer { back.stop() }
        let deliver = try BinaryRunner.run(
            ["deliver", "--community", community, "--commands", Fixtures.commandsPath, "--db", db, "--flush", "--seconds", "2"],
            input: Data())
        #expect(deliver.status == 0)
        #expect(back.requests.count == 1)
        #expect(try Store(path: db).read { try $0.outbox() }.map(\.status) == [.delivered])
    }
}
