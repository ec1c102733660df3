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
