import Foundation
import Logging

/// Linli's log: one line a message on stderr (data goes to stdout), for every part
/// of `linli` and for Hummingbird. Its metadata is formatted only when a message is
/// written: Hummingbird sets a request id on every request's logger, and swift-log's
/// `StreamLogHandler` formats its metadata on every set (1.5% of the server's time under load).
public struct LinliLogHandler: LogHandler {
    public var logLevel: Logger.Level = .info
    public var metadata: Logger.Metadata = [:]

    public init() {}

    public subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    public func log(event: LogEvent) {
        var line = "linli: \(event.level) [\(event.source)] \(event.message)"
        let all = metadata.merging(event.metadata ?? [:]) { _, new in new }
        for (key, value) in all.sorted(by: { $0.key < $1.key }) { line += " \(key)=\(value)" }
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

extension Logger {
    /// A logger that writes through `LinliLogHandler`; `label` names the part (its `[source]`).
    public static func linli(_ label: String = "linli") -> Logger { Logger(label: label) { _ in LinliLogHandler() } }
}
