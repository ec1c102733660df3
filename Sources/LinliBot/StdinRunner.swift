import Foundation
import LinliProtocol

/// Reads LLP/1 from a file descriptor and writes outbound events to another.
/// Each read (up to 64 KiB: whatever the pipe or file has ready) is one batch and
/// one transaction; its output is written only after it commits.
public struct StdinRunner {
    public var engine: Engine
    public var encoder: EventEncoder
    public var maxLine: Int
    public var input: Int32
    public var output: Int32
    /// Told after each batch that queued pushes, so they go out while reading goes on.
    public var outbox: OutboxService?

    public init(engine: Engine, encoder: EventEncoder, maxLine: Int, input: Int32 = 0, output: Int32 = 1, outbox: OutboxService? = nil) {
        self.outbox = outbox
        self.engine = engine
        self.encoder = encoder
        self.maxLine = maxLine
        self.input = input
        self.output = output
    }

    /// Runs to the end of input. Throws only when the store fails, after which
    /// nothing of the failed batch has been printed or kept.
    public func run() throws {
        var splitter = LineSplitter(maxLine: maxLine)
        let size = 65_536
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: size, alignment: 1)
        defer { buffer.deallocate() }
        while true {
            let n = read(input, buffer.baseAddress, size)
            if n < 0 {
                if errno == EINTR { continue }
                throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO)
            }
            if n == 0 { break }
            let items = splitter.feed(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
            try emit(items)
        }
        try emit(splitter.finish())
    }

    private func emit(_ items: [InputItem]) throws {
        guard !items.isEmpty else { return }
        let queued = engine.queuedPushes
        let events = try engine.process(items)
        var text = ""
        for e in events { text += encoder.encode(e) }
        try writeAll(text)
        if engine.queuedPushes != queued { outbox?.poke() }
    }

    private func writeAll(_ text: String) throws {
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
}
