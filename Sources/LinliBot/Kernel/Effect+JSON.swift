import Foundation
import LinliCore
import LinliProtocol
import LinliStore

extension Effect {
    /// The push as the JSON a quiet-hours timer keeps, written directly: `JSONDecoder`
    /// reads it back as `Effect` (as it reads what `JSONEncoder` wrote before), at a
    /// fraction of `JSONEncoder`'s cost on the engine's thread.
    var json: String {
        var out = "{"
        // Keys in sorted order, as `JSONEncoder` with `.sortedKeys` wrote them; nil ones left out.
        func field(_ key: String, _ value: String?) {
            guard let value else { return }
            out += out.utf8.count == 1 ? "\"\(key)\":" : ",\"\(key)\":"
            JSON.appendString(value, to: &out)
        }
        field("group", group)
        field("priority", priority?.rawValue)
        field("reason", reason)
        out += ",\"refs\":["
        for (i, ref) in refs.enumerated() {
            if i > 0 { out += "," }
            JSON.appendString(ref, to: &out)
        }
        out += "]"
        field("replyLang", replyLang?.rawValue)
        out += ",\"text\":{\"en\":"
        JSON.appendString(text.en, to: &out)
        out += ",\"zh\":"
        JSON.appendString(text.zh, to: &out)
        out += "}"
        field("to", to)
        return out + "}"
    }

    /// The push a quiet-hours timer holds (`json`); nil when its payload cannot be read.
    init?(held timer: TimerRow) {
        guard let push = try? JSONDecoder().decode(Effect.self, from: Data(timer.payload.utf8)) else { return nil }
        self = push
    }
}
