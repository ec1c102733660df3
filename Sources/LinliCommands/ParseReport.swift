import Foundation
import LinliCore

/// What `linli parse` prints: a parse result as people read it, or as JSON for tools.
///
/// ```
/// report (workorders, zh)
///   category: leak
///   place: 501
///   details: 厨房天花板滴水
/// ```
public struct ParseReport: Sendable, Equatable {
    /// `command`, `incomplete` or `error`.
    public var kind: String
    public var command: String?
    public var family: String?
    public var lang: Lang
    /// The command's arguments in order, as text (times as `15:00-16:00`, dates as written in ISO or words).
    public var args: [(name: String, value: String)]
    /// The argument a follow-up question asks for, and the question.
    public var missing: String?
    public var question: String?
    public var code: String?
    public var message: String?

    public static func == (a: ParseReport, b: ParseReport) -> Bool { a.json == b.json }

    public init(_ result: ParseResult) {
        args = []
        switch result {
        case .command(let command, let lang):
            kind = "command"
            self.lang = lang
            self.command = command.name
            family = type(of: command.family).family
            args = Self.arguments(of: command.family)
        case .incomplete(let id, _, let missing, let lang):
            kind = "incomplete"
            self.lang = lang
            command = id
            self.missing = missing.name
            question = missing.prompt?(lang)
        case .failure(let error, let lang):
            kind = "error"
            self.lang = lang
            code = error.code.rawValue
            message = error.message(lang)
        }
    }

    /// The associated values of a command's case, labelled, absent ones left out.
    static func arguments(of command: any FamilyCommand) -> [(name: String, value: String)] {
        guard let payload = Mirror(reflecting: command).children.first?.value else { return [] }
        // Several values are a tuple; one is the value itself (an optional one unwrapped).
        let mirror = Mirror(reflecting: payload)
        let values: [(String?, Any)] =
            switch mirror.displayStyle {
            case .tuple: mirror.children.map { ($0.label, $0.value) }
            case .optional: mirror.children.first.map { [(nil, $0.value)] } ?? []
            default: [(nil, payload)]
            }
        return values.enumerated().compactMap { i, field in
            let unlabelled = field.1 is RecordID ? "record" : field.1 is Lang ? "lang" : "arg\(i + 1)"
            return text(field.1).map { ((field.0.flatMap { $0.hasPrefix(".") ? nil : $0 }) ?? unlabelled, $0) }
        }
    }

    private static func text(_ value: Any) -> String? {
        switch value {
        case let t as TimeRange: return t.end == t.start ? Booking.clock(t.start) : "\(Booking.clock(t.start))-\(Booking.clock(t.end))"
        case let r as RecordID: return r.description
        case let l as Lang: return l.rawValue
        case let d as DateSpec: return date(d)
        case let s as String: return s
        case let n as Int: return String(n)
        default:
            let m = Mirror(reflecting: value)
            if m.displayStyle == .optional { return m.children.first.flatMap { text($0.value) } }
            return "\(value)"
        }
    }

    /// `2026-12-03`, `12-05`, `today`, `tomorrow`, `+3 days`, `sat`, `next sat`.
    private static func date(_ d: DateSpec) -> String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        switch d {
        case .absolute(let y, let m, let day): return "\(y)-\(two(m))-\(two(day))"
        case .monthDay(let m, let day): return "\(two(m))-\(two(day))"
        case .relative(let n): return n == 0 ? "today" : n == 1 ? "tomorrow" : n == -1 ? "yesterday" : n > 0 ? "+\(n) days" : "\(n) days"
        case .weekday(let w, let next):
            let name = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"][(w - 1) % 7]
            return next ? "next \(name)" : name
        }
    }

    /// The readable form.
    public var text: String {
        switch kind {
        case "command":
            return (["\(command ?? "") (\(family ?? ""), \(lang.rawValue))"] + args.map { "  \($0.name): \($0.value)" }).joined(separator: "\n")
        case "incomplete": return "\(command ?? "") (\(lang.rawValue)): missing \(missing ?? ""); asks: \(question ?? "")"
        default: return "error \(code ?? ""): \(message ?? "")"
        }
    }

    /// One JSON object: kind, command, family, lang, args (an object, in order), missing, question, code, message.
    public var json: String {
        var fields: [(String, String)] = [("kind", Self.quoted(kind))]
        if let command { fields.append(("command", Self.quoted(command))) }
        if let family { fields.append(("family", Self.quoted(family))) }
        fields.append(("lang", Self.quoted(lang.rawValue)))
        if kind == "command" {
            fields.append(("args", "{" + args.map { "\(Self.quoted($0.name)):\(Self.quoted($0.value))" }.joined(separator: ",") + "}"))
        }
        if let missing { fields.append(("missing", Self.quoted(missing))) }
        if let question { fields.append(("question", Self.quoted(question))) }
        if let code { fields.append(("code", Self.quoted(code))) }
        if let message { fields.append(("message", Self.quoted(message))) }
        return "{" + fields.map { "\(Self.quoted($0.0)):\($0.1)" }.joined(separator: ",") + "}"
    }

    private static func quoted(_ s: String) -> String {
        let data = (try? JSONSerialization.data(withJSONObject: [s], options: [.withoutEscapingSlashes])) ?? Data("[\"\"]".utf8)
        return String(decoding: data.dropFirst().dropLast(), as: UTF8.self)
    }
}
