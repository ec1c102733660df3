import Dispatch
import LinliCore
import LinliProtocol
import LinliStore

/// What the events of the batch being handled came to, kept so that a repeat of an
/// event id gets the same outbound events (PROTOCOL.md §4).
///
/// Encoding those events as JSON is a sixth of the engine's work, and it depends on
/// nothing but the events: in a batch of more than a chunk (the replay's) it runs on
/// a queue of its own, a chunk at a time, while the engine goes on with the batch. The outcomes are inserted just before the
/// batch commits, in the same transaction as what the events did.
///
/// ```swift
/// kept.begin()
/// kept.keep(key, outcome, at: ms, events: out[first...], group: g, from: first)
/// let encoded = try kept.finish(tx)  // each kept event's JSON, to print
/// ```
final class KeptOutcomes: @unchecked Sendable {
    /// One event's outcome and the outbound events it caused.
    struct Entry: Sendable {
        var key: String
        var outcome: StoredOutcome
        var at: Int64
        var events: [OutboundEvent]
        /// Where the events are in the batch's output: the group and the first index.
        var group: Int
        var first: Int
    }

    private let encoder: EventEncoder
    private let queue = DispatchQueue(label: "linli.kept-outcomes")
    /// Engine thread: this batch's entries, and which entry holds a key.
    private(set) var entries: [Entry] = []
    private var byKey: [ExactKey: Int] = [:]
    /// Engine thread: how many entries were handed to the queue.
    private var handed = 0
    /// The queue's: each handed entry's events, encoded, in order.
    private var encoded: [[String]] = []
    /// Entries are handed on this many at a time.
    static let chunk = 32

    init(encoder: EventEncoder) {
        self.encoder = encoder
    }

    /// Forgets whatever an earlier (failed) run of a batch left.
    func begin() {
        if handed > 0 { queue.sync { encoded.removeAll(keepingCapacity: true) } }  // the last batch's, encoded on the queue
        entries.removeAll(keepingCapacity: true)
        byKey.removeAll(keepingCapacity: true)
        handed = 0
    }

    /// Keeps the outcome of event `key` with the events it caused.
    func keep(_ key: String, _ outcome: StoredOutcome, at: Int64, events: ArraySlice<OutboundEvent>, group: Int, from first: Int) {
        byKey[ExactKey(key)] = entries.count
        entries.append(Entry(key: key, outcome: outcome, at: at, events: Array(events), group: group, first: first))
        if entries.count - handed >= Self.chunk { handOn() }
    }

    /// The events an event of this batch with this key caused, if one was kept.
    func events(of key: String) -> [OutboundEvent]? {
        byKey[ExactKey(key)].map { entries[$0].events }
    }

    /// Inserts every kept outcome (waiting for the last encodings) and returns each
    /// entry's events as JSON, in the order of `entries`.
    func finish(_ tx: StoreTransaction) throws -> [[String]] {
        let strings: [[String]]
        if handed == 0 {
            // Under a chunk (an HTTP request's batch): waking the queue and waiting for it
            // costs more than encoding here.
            strings = entries.map { $0.events.map(encoder.jsonObject) }
        } else {
            handOn()
            strings = queue.sync { encoded }
        }
        for (entry, json) in zip(entries, strings) {
            var outcome = entry.outcome
            // A sign-in link's token goes to its person, never into the database.
            outcome.text = SignInLink.redacted(outcome.text)
            outcome.events = SignInLink.redacted(json.joined(separator: "\n"))
            try tx.saveOutcome(outcome, ofEvent: entry.key, at: entry.at)
        }
        return strings
    }

    private func handOn() {
        guard handed < entries.count else { return }
        let chunk = entries[handed...].map(\.events)
        handed = entries.count
        queue.async { [encoder] in
            for events in chunk { self.encoded.append(events.map(encoder.jsonObject)) }
        }
    }
}

/// An event's id as its bytes: Swift's `==` takes `café` written with `é` and with
/// `e` and a combining accent for one string, but they are two ids (PROTOCOL.md §2),
/// as the store compares them.
struct ExactKey: Hashable {
    let key: String

    init(_ key: String) { self.key = key }

    static func == (a: ExactKey, b: ExactKey) -> Bool { a.key.utf8.elementsEqual(b.key.utf8) }

    /// The bytes at once (one `combine` a byte was a tenth of the engine's hashing).
    func hash(into hasher: inout Hasher) {
        var key = key
        key.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
