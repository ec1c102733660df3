import Foundation
import LinliBot
import LinliProtocol
import LinliStore
import LinliTesting
import Testing

/// What happens when the store refuses a write in the middle of a batch: only
/// that event is undone and answered with `internal`; the rest of the batch is
/// kept, and the output is what it would have been without the fault.
@Suite struct FailureTests {
    @Test func aFailingEventIsUndoneAloneAndTheBatchGoesOn() throws {
        let path = BinaryRunner.temporaryDatabase()
        defer { for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) } }
        _ = try Store(path: path)
        try Faults.failReports(withDetails: "boom", inDatabaseAt: path)
        let engine = try Fixtures.engine(store: Store(path: path))
        let lines = [
            #"{"id":"a","ts":"2026-11-28T09:00:00+08:00","group":"fudi-b3","from":"u-li","text":"report leak 501 dripping"}"#,
            #"{"id":"b","ts":"2026-11-28T09:01:00+08:00","group":"fudi-b3","from":"u-zhang","text":"report leak boom"}"#,
            #"{"id":"c","ts":"2026-11-28T09:02:00+08:00","group":"fudi-b3","from":"u-zhang","text":"report leak 502 ceiling"}"#,
        ]
        var splitter = LineSplitter(maxLine: 65_536)
        let items = Array(lines.joined(separator: "\n").utf8 + [10]).withUnsafeBytes { splitter.feed($0) }
        let out = try engine.process(items)
        let replies = out.filter { $0.type == .reply }
        #expect(replies.map(\.code) == [nil, "internal", nil])
        #expect(replies.map(\.refs) == [["R1"], [], ["R2"]], "the failed report does not use up a number")
        #expect(out.map(\.id) == (1...out.count).map { "o\($0)" }, "ids stay consecutive")
        #expect(out.filter { $0.type == .notify }.map(\.refs) == [["R1"], ["R2"]])
        // what was kept is really in the database, and the failed event can be retried
        let again = try Fixtures.engine(store: Store(path: path))
        let status = try again.process([.event(InboundEvent(id: "d", ts: nil, from: "u-zhang", text: "status"), line: 1)])
        #expect(status.first?.refs == ["R2"])
        #expect(
            try Store(path: path).read { try $0.outcome(ofEvent: "b") } == nil,
            "an internal failure is not the event's outcome: a resend is tried again")
        #expect(try Store(path: path).read { try $0.outcome(ofEvent: "c") }?.refs == ["R2"])
    }
}
