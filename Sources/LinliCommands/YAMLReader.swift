import Yams

/// A problem in a YAML file, with the file and line it was found at.
public struct YAMLFileError: Error, CustomStringConvertible, Sendable {
    public var file: String
    public var line: Int?
    public var problem: String

    public init(file: String, line: Int?, problem: String) {
        self.file = file
        self.line = line
        self.problem = problem
    }

    /// Further problems of the same file, when its reader went on past the first.
    public var more: [YAMLFileError] = []

    /// The problem as `file:line: problem`, then each further one on a line of its own.
    public var description: String {
        ([self] + more).map { e in e.line.map { "\(e.file):\($0): \(e.problem)" } ?? "\(e.file): \(e.problem)" }.joined(separator: "\n")
    }

    /// Every problem, the first included.
    public var all: [YAMLFileError] { [self] + more }
}

/// A node of a YAML document that knows where it stands, so that every
/// refusal names the file, the line and the key path.
public struct YAMLValue {
    let node: Node
    let file: String
    /// How YAML writes "nothing" in a plain scalar.
    static let nulls: Set<String> = ["", "~", "null", "Null", "NULL"]
    /// The key path, e.g. `categories[2].accept`.
    public let path: String
    /// Keys seen but not read by the caller, reported as warnings.
    private let unread: Unread

    final class Unread {
        var keys: [(String, Int?)] = []
    }

    /// Parses `text`; a syntax error is thrown as a `YAMLFileError`.
    public static func parse(_ text: String, file: String) throws(YAMLFileError) -> YAMLValue {
        do {
            // Every scalar is read as text and converted here, so no tag is resolved by
            // pattern: the default resolver's regular expressions, run for each key of
            // each mapping, were most of the time a 2,000-person community file took to load.
            guard let root = try Yams.compose(yaml: text, .basic) else {
                throw YAMLFileError(file: file, line: 1, problem: "the file is empty")
            }
            return YAMLValue(node: root, file: file, path: "", unread: Unread())
        } catch let error as YAMLFileError {
            throw error
        } catch let error as YamlError {
            throw YAMLFileError(file: file, line: Self.line(of: error), problem: Self.problem(of: error))
        } catch {
            throw YAMLFileError(file: file, line: nil, problem: "\(error)")
        }
    }

    private init(node: Node, file: String, path: String, unread: Unread) {
        self.node = node
        self.file = file
        self.path = path
        self.unread = unread
    }

    /// The line this value starts on (1-based).
    public var line: Int? { node.mark?.line }

    /// An error about this value.
    public func error(_ problem: String) -> YAMLFileError {
        YAMLFileError(file: file, line: line, problem: path.isEmpty ? problem : "\(path): \(problem)")
    }

    /// The value of `key` in this mapping, if present and not null.
    public subscript(_ key: String) -> YAMLValue? {
        guard let mapping = node.mapping else { return nil }
        for (k, v) in mapping where k.string == key {
            if case .scalar(let s) = v, s.tag == .init(.null) || (s.style == .plain && Self.nulls.contains(s.string)) { return nil }
            return child(v, path.isEmpty ? key : "\(path).\(key)")
        }
        return nil
    }

    /// The value of a key that must be there.
    public func required(_ key: String) throws(YAMLFileError) -> YAMLValue {
        guard node.mapping != nil else { throw error("expected a mapping") }
        guard let v = self[key] else { throw error("missing key '\(key)'") }
        return v
    }

    /// Requires a mapping and remembers keys outside `known` as unread, except those of
    /// the file's own (`x-…`).
    public func expectMapping(known: Set<String>) throws(YAMLFileError) {
        guard let mapping = node.mapping else { throw error("expected a mapping") }
        for (k, _) in mapping {
            let name = k.string ?? "?"
            if !known.contains(name), !name.hasPrefix("x-") { unread.keys.append((path.isEmpty ? name : "\(path).\(name)", k.mark?.line)) }
        }
    }

    /// Keys the reader did not know, as `file:line: key` warnings.
    public var warnings: [String] { unread.keys.map { "\(file):\($0.1.map(String.init) ?? "?"): unknown key '\($0.0)' ignored" } }

    /// Keys the reader did not know, as errors.
    public var unknownKeys: [YAMLFileError] {
        unread.keys.map { YAMLFileError(file: file, line: $0.1, problem: "\($0.0): unknown key (a key of your own starts with x-)") }
    }

    /// A scalar as text.
    public func string() throws(YAMLFileError) -> String {
        guard case .scalar(let s) = node else { throw error("expected a single value") }
        return s.string
    }

    /// A whole number.
    public func int() throws(YAMLFileError) -> Int {
        guard case .scalar(let s) = node, let n = Int(s.string) else { throw error("expected a whole number") }
        return n
    }

    /// `true` or `false` (also yes/no).
    public func bool() throws(YAMLFileError) -> Bool {
        guard case .scalar(let s) = node else { throw error("expected true or false") }
        switch s.string.lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw error("expected true or false, found '\(s.string)'")
        }
    }

    /// A sequence.
    public func list() throws(YAMLFileError) -> [YAMLValue] {
        guard case .sequence(let seq) = node else { throw error("expected a list") }
        return seq.enumerated().map { child($1, "\(path)[\($0)]") }
    }

    /// A list of scalars; a single scalar is taken as a list of one.
    public func strings() throws(YAMLFileError) -> [String] {
        if case .scalar(let s) = node { return [s.string] }
        var out: [String] = []
        for item in try list() { out.append(try item.string()) }
        return out
    }

    /// The mapping's entries in file order.
    public func entries() throws(YAMLFileError) -> [(key: String, value: YAMLValue)] {
        guard let mapping = node.mapping else { throw error("expected a mapping") }
        return mapping.map { (k, v) in
            let key = k.string ?? "?"
            return (key, child(v, path.isEmpty ? key : "\(path).\(key)"))
        }
    }

    private func child(_ node: Node, _ path: String) -> YAMLValue {
        YAMLValue(node: node, file: file, path: path, unread: unread)
    }

    private static func line(of error: YamlError) -> Int? {
        switch error {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark.line
        case .duplicatedKeysInMapping(_, let context): context.mark.line
        default: nil
        }
    }

    private static func problem(of error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): problem
        case .duplicatedKeysInMapping(let duplicates, _): "a key written twice in one mapping: \(duplicates.joined(separator: ", "))"
        default: "\(error)"
        }
    }
}
