/// Where the store's SQL differs between SQLite and PostgreSQL, in one place. The
/// store writes SQLite's SQL, kept to what both read alike; PostgreSQL gets it
/// through `postgres(_:)`. What a rewrite cannot cover is in the schema instead
/// (`Schema+Postgres.swift`: a `rowid` column where a table is read in insertion
/// order; C collation, so text sorts by bytes as in SQLite).
enum Dialect {
    /// A statement as PostgreSQL reads it: `?` and `?N` become `$n` and `$N`; the
    /// column name `user` (a reserved word there) is quoted; `instr(a, b)` is
    /// `strpos(a, b)`; SQLite's unary plus before a column (`WHERE +building IN …`,
    /// which keeps its planner off an index) is dropped. Literals and quoted names are left alone.
    static func postgres(_ sql: String) -> String {
        let bytes = Array(sql.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 16)
        var next = 0
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case UInt8(ascii: "'"), UInt8(ascii: "\""):
                // A literal or a quoted name, to its closing quote (a doubled quote stays inside).
                var j = i + 1
                while j < bytes.count {
                    if bytes[j] == b {
                        guard j + 1 < bytes.count, bytes[j + 1] == b else { break }
                        j += 1
                    }
                    j += 1
                }
                out.append(contentsOf: bytes[i...min(j, bytes.count - 1)])
                i = j + 1
            case UInt8(ascii: "?"):
                var j = i + 1
                while j < bytes.count, isDigit(bytes[j]) { j += 1 }
                out.append(UInt8(ascii: "$"))
                if j > i + 1 {
                    out.append(contentsOf: bytes[(i + 1)..<j])
                } else {
                    next += 1
                    out.append(contentsOf: Array(String(next).utf8))
                }
                i = j
            case UInt8(ascii: "+") where i + 1 < bytes.count && isWordStart(bytes[i + 1]) && isOperandStart(out):
                // SQLite's unary plus on a column keeps the planner off its index; PostgreSQL has no unary plus for text.
                i += 1
            case _ where isWordStart(b):
                var j = i + 1
                while j < bytes.count, isWordStart(bytes[j]) || isDigit(bytes[j]) { j += 1 }
                let word = String(decoding: bytes[i..<j], as: UTF8.self)
                switch word.lowercased() {
                case "user": out.append(contentsOf: Array("\"user\"".utf8))
                case "instr" where j < bytes.count && bytes[j] == UInt8(ascii: "("): out.append(contentsOf: Array("strpos".utf8))
                default: out.append(contentsOf: bytes[i..<j])
                }
                i = j
            default:
                out.append(b)
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether what was written so far ends where an operand begins: after `(`, `,`
    /// or a keyword that comes before an expression.
    private static func isOperandStart(_ out: [UInt8]) -> Bool {
        var end = out.count
        while end > 0, out[end - 1] == UInt8(ascii: " ") || out[end - 1] == UInt8(ascii: "\n") { end -= 1 }
        guard end > 0 else { return true }
        if out[end - 1] == UInt8(ascii: "(") || out[end - 1] == UInt8(ascii: ",") { return true }
        var start = end
        while start > 0, isWordStart(out[start - 1]) { start -= 1 }
        let word = String(decoding: out[start..<end], as: UTF8.self).lowercased()
        return ["where", "and", "or", "not", "on", "by", "select", "when", "then", "else"].contains(word)
    }

    private static func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

    private static func isWordStart(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z")) || b == UInt8(ascii: "_")
            || b >= 0x80
    }
}
