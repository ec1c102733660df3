/// The two languages Linli speaks.
public enum Lang: String, Sendable, CaseIterable, Codable {
    case zh, en
}

/// A text in both languages; the reply picks one.
public struct Localized: Sendable, Equatable, Codable {
    public var zh: String
    public var en: String

    public init(zh: String, en: String) {
        self.zh = zh
        self.en = en
    }

    /// The text in `lang`.
    public func callAsFunction(_ lang: Lang) -> String { lang == .zh ? zh : en }
}

/// English counts: `1 household`, `2 households`, `1 person`, `3 people`.
public enum English {
    public static func count(_ n: Int, _ noun: String, plural: String? = nil) -> String {
        "\(n) \(n == 1 ? noun : plural ?? noun + "s")"
    }
}

extension String {
    /// The text as a sentence in `lang`: a full stop after it, unless it ends with one
    /// already (`水漫到客厅了！` is not followed by `。`).
    public func closed(_ lang: Lang) -> String {
        guard let last = unicodeScalars.last, !"。！？!?.…~～".unicodeScalars.contains(last) else { return self }
        return self + (lang == .zh ? "。" : ".")
    }
}
