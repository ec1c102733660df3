import Foundation
import LinliCommands
import LinliProtocol
import Synchronization

/// Reads LLP/1 from a file descriptor and writes outbound events to another.
///
/// Three threads in a pipeline, so that two cores share the work: a reader cuts
/// and decodes lines, the calling thread runs them through the engine (whatever
/// the reader has ready is one batch and one transaction), and a writer encodes
/// and writes each batch's events, which it is given only after the batch has
/// committed. Output order is input order.
public struct StdinRunner {
    public var engine: Engine
    public var encoder: EventEncoder
    public var maxLine: Int
    public var input: Int32
    public var output: Int32
    /// Told after each batch that queued pushes, so they go out while reading goes on.
    public var outbox: OutboxService?
    /// Set (say, on SIGTERM) to stop reading: what was read is still handled,
    /// committed and written, and `run` returns as at the end of input.
    public let stop: StopFlag
    /// At most this many reads wait for the engine (64 KiB each), and this many
    /// batches for the writer: memory stays flat however long the input.
    static let depth = 3

    public init(
        engine: Engine, encoder: EventEncoder, maxLine: Int, input: Int32 = 0, output: Int32 = 1, outbox: OutboxService? = nil, stop: StopFlag = StopFlag()
    ) {
        self.stop = stop
        self.outbox = outbox
        self.engine = engine
        self.encoder = encoder
        self.maxLine = maxLine
        self.input = input
        self.output = output
    }

    /// Runs to the end of input. Throws when the store fails (nothing of the failed
    /// batch has been printed or kept) or when input or output fails.
    public func run() throws {
        let lines = Handoff<(items: [InputItem], parsed: [Engine.Preparsed?])>(limit: Self.depth)
        let results = Handoff<[OutboundEvent]>(limit: Self.depth)
        let failure = FirstError()
        let reader = Self.spawn { [input, maxLine, stop, parser = engine.parser, bot = engine.bot] in
            defer { lines.close() }
            do {
                // Parsing is pure: the reader does it too, and the engine only checks for pending questions.
                try Self.read(input, maxLine: maxLine, stop: stop) { lines.put(($0, Engine.parse($0, with: parser, bot: bot))) }
            } catch {
                failure.record(error)
            }
        }
        let writer = Self.spawn { [encoder, output] in
            while let batches = results.takeAll() {
                var text = ""
                for events in batches {
                    for e in events { text += encoder.encode(e) }
                }
                do {
                    try Self.writeAll(text, to: output)
                } catch {
                    failure.record(error)
                    results.close()
                    return
                }
            }
        }
        var engineError: (any Error)?
        do {
            while let batches = lines.takeAll() {
                let queued = engine.queuedPushes
                let outs = try engine.process(groups: batches.map(\.items), parsed: batches.map(\.parsed))
                guard results.put(outs.flatMap { $0 }) else { break }
                if engine.queuedPushes != queued { outbox?.poke() }
            }
        } catch {
            engineError = error
        }
        lines.close()
        results.close()
        writer.wait()  // everything committed is written before returning or throwing
        if let engineError { throw engineError }
        if let error = failure.first { throw error }
        reader.wait()  // it closed `lines`: it has finished
    }

    /// Reads `input` to its end, handing on each read's complete lines.
    private static func read(_ input: Int32, maxLine: Int, stop: StopFlag, _ hand: ([InputItem]) -> Bool) throws {
        var splitter = LineSplitter(maxLine: maxLine)
        let size = 65_536
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 1)
        defer { buffer.deallocate() }
        while true {
            // Wait for input a tenth of a second at a time, so that a stop is noticed.
            var ready = pollfd(fd: input, events: Int16(POLLIN), revents: 0)
            while !stop.isSet, poll(&ready, 1, 100) == 0 {}
            if stop.isSet { return }
            let n = Glibc.read(input, buffer.baseAddress, size)
            if n < 0 {
                if errno == EINTR { continue }
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
            if n == 0 { break }
            let items = splitter.feed(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
            if !items.isEmpty, !hand(items) { return }
        }
        let last = splitter.finish()
        if !last.isEmpty { _ = hand(last) }
    }

    private static func writeAll(_ text: String, to output: Int32) throws {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let n = bytes.withUnsafeBytes { write(output, $0.baseAddress, $0.count) }
            if n < 0 {
                if errno == EINTR { continue }
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
            bytes = bytes.dropFirst(n)
        }
    }

    /// Runs `body` on a thread of its own; `wait()` on the result joins it.
    private static func spawn(_ body: @escaping @Sendable () -> Void) -> DispatchSemaphore {
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            body()
            done.signal()
        }
        thread.start()
        return done
    }
}

/// A queue from one thread to another that holds at most `limit` items: `put`
/// waits while it is full, `takeAll` while it is empty. Once closed, `put` refuses
/// and `takeAll` returns what is left, then nil.
final class Handoff<T>: @unchecked Sendable {
    private let condition = NSCondition()
    private var items: [T] = []
    private var closed = false
    private let limit: Int

    init(limit: Int) { self.limit = limit }

    /// Adds an item; false if the queue was closed (the other side stopped).
    @discardableResult
    func put(_ item: T) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        while items.count >= limit && !closed { condition.wait() }
        guard !closed else { return false }
        items.append(item)
        condition.broadcast()
        return true
    }

    /// Everything queued, waiting for something if there is nothing; nil once closed and empty.
    func takeAll() -> [T]? {
        condition.lock()
        defer { condition.unlock() }
        while items.isEmpty && !closed { condition.wait() }
        guard !items.isEmpty else { return nil }
        defer { items.removeAll(keepingCapacity: true) }
        condition.broadcast()
        return items
    }

    func close() {
        condition.lock()
        closed = true
        condition.broadcast()
        condition.unlock()
    }
}

/// The first error any thread met.
final class FirstError: @unchecked Sendable {
    private let lock = NSLock()
    private var error: (any Error)?

    func record(_ e: any Error) {
        lock.lock()
        if error == nil { error = e }
        lock.unlock()
    }

    var first: (any Error)? {
        lock.lock()
        defer { lock.unlock() }
        return error
    }
}

/// A flag one thread sets and others read; `also`: another way it may be set (a signal noted).
public final class StopFlag: Sendable {
    private let flag = Atomic<Bool>(false)
    private let also: @Sendable () -> Bool

    public init(also: @escaping @Sendable () -> Bool = { false }) { self.also = also }

    public var isSet: Bool { flag.load(ordering: .acquiring) || also() }

    public func set() { flag.store(true, ordering: .releasing) }
}
