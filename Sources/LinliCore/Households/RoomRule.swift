import Foundation

/// Which rooms a building has (`rooms:` on a building in the community file): a
/// list, or a pattern the whole room must match. Without one, a room is 3–4 digits
/// with a plausible floor and door: `501`, `1206` (floor 1–40, door 1–30).
public enum RoomRule: Sendable, Equatable {
    case list(Set<String>)
    /// A regular expression (ICU syntax) matched against the whole room.
    case pattern(String)

    /// The rule of a building with no `rooms:`.
    public static let plausible = RoomRule.pattern("[0-9]{3,4}")

    /// A pattern's problem, or nil when it compiles (what `linli check` reports).
    public static func problem(of pattern: String) -> String? {
        (try? NSRegularExpression(pattern: pattern)) == nil ? "'\(pattern)' is not a regular expression" : nil
    }

    /// Whether `room` (`501`, no building) is one of the building's.
    public func accepts(_ room: String) -> Bool {
        switch self {
        case .list(let rooms): return rooms.contains(room)
        case .pattern(let pattern):
            guard let regex = try? NSRegularExpression(pattern: "^(?:\(pattern))$"),
                regex.firstMatch(in: room, range: NSRange(room.startIndex..., in: room)) != nil
            else { return false }
            guard self == .plausible, let n = Int(room) else { return true }
            return (1...40).contains(n / 100) && (1...30).contains(n % 100)
        }
    }
}
