import LinliProtocol

/// Cuts a byte stream into LLP/1 lines, numbering them from 1. A line longer than
/// `maxLine` bytes is reported once as `line_too_long` and skipped to its newline,
/// without ever being held in memory whole.
public struct LineSplitter {
    public let maxLine: Int
    private var partial: [UInt8] = []
    private var discarding = false
    private var lineNumber = 0
    private let decoder = LineDecoder()

    public init(maxLine: Int) { self.maxLine = maxLine }

    /// The items completed by `chunk`.
    public mutating func feed(_ chunk: UnsafeRawBufferPointer) -> [InputItem] {
        var items: [InputItem] = []
        var start = 0
        let bytes = chunk.bindMemory(to: UInt8.self)
        while start < bytes.count {
            guard let nl = bytes[start...].firstIndex(of: 10) else {
                append(bytes[start...], into: &items)
                break
            }
            append(bytes[start..<nl], into: &items)
            finishLine(into: &items)
            start = nl + 1
        }
        return items
    }

    /// The last line, if the input did not end with a newline.
    public mutating func finish() -> [InputItem] {
        var items: [InputItem] = []
        if !partial.isEmpty || discarding { finishLine(into: &items) }
        return items
    }

    private mutating func append(_ slice: Slice<UnsafeBufferPointer<UInt8>>, into items: inout [InputItem]) {
        guard !discarding else { return }
        if partial.count + slice.count > maxLine + 1 {  // +1: a `\r` before the newline
            discarding = true
            partial.removeAll(keepingCapacity: false)
            items.append(.bad(LineError(.lineTooLong, "the line is longer than \(maxLine) bytes"), line: lineNumber + 1))
            return
        }
        partial.append(contentsOf: slice)
    }

    private mutating func finishLine(into items: inout [InputItem]) {
        lineNumber += 1
        defer {
            partial.removeAll(keepingCapacity: partial.count <= 65_536)
            discarding = false
        }
        guard !discarding else { return }
        var line = partial[...]
        if line.last == 13 { line = line.dropLast() }
        if line.count > maxLine {
            items.append(.bad(LineError(.lineTooLong, "the line is longer than \(maxLine) bytes"), line: lineNumber))
            return
        }
        do {
            if let event = try decoder.decode(line) { items.append(.event(event, line: lineNumber)) }
        } catch {
            items.append(.bad(error, line: lineNumber))
        }
    }
}
