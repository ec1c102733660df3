import Foundation
import Logging

/// The server's log: one line a message on stderr, as the rest of `linli` writes.
/// Its metadata is formatted only when a message is written: Hummingbird sets a
/// request id on every request's logger, and swift-log's `StreamLogHandler`
/// formats its metadata on every set (1.5% of the server's time under load).
struct ServerLogHandler: LogHandler {
    var logLevel: Logger.Level = .info
    var metadata: Logger.Metadata = [:]

    subscript(metadataKey key: String) -> Logger.Metadata.Value? {
        get { metadata[key] }
        set { metadata[key] = newValue }
    }

    func log(event: LogEvent) {
        var line = "linli: \(event.level) [\(event.source)] \(event.message)"
        let all = metadata.merging(event.metadata ?? [:]) { _, new in new }
        for (key, value) in all.sorted(by: { $0.key < $1.key }) { line += " \(key)=\(value)" }
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }
}

extension Logger {
    /// The logger `linli serve` gives Hummingbird.
    static var server: Logger { Logger(label: "linli") { _ in ServerLogHandler() } }
}
