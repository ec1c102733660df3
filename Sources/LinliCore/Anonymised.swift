import Foundation

/// Free text as it may be shown to people it is not about (Open311, a group): what
/// identifies someone, a room or a phone number becomes `＊`.
public enum Anonymised {
    /// `text` with runs of three or more digits (rooms, phone numbers), `names` (the
    /// community file's people), what follows 我是, 我叫 or 本人, and anything around an
    /// `@` replaced by `＊`.
    public static func text(_ text: String, names: [String]) -> String {
        var text = text
        for name in Set(names).sorted(by: { $0.count > $1.count }) where name.count >= 2 {
            text = text.replacingOccurrences(of: name, with: "＊")
        }
        for (pattern, replacement) in identifying {
            text = text.replacingOccurrences(of: pattern, with: replacement, options: .regularExpression)
        }
        return text
    }

    /// What gives a person or a room away in free text, and what it becomes.
    private static let identifying = [
        (#"(我是|我叫|本人)\p{Han}{1,3}"#, "$1＊"),
        (#"\S*[@＠]\S*"#, "＊"),
        (#"[0-9０-９][0-9０-９\- ]*[0-9０-９][0-9０-９]"#, "＊"),
    ]
}
