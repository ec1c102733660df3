import LinliCore

/// A command family's value: one case per command, declared once. The catalog ids
/// of the family are its `ID` cases; a test checks them against the family's
/// `commands/<family>.yaml`.
///
/// ```swift
/// public enum WishesCommand: FamilyCommand {
///     public enum ID: String, CaseIterable, Sendable { case wish, claim }
///     case wish(String)
///     case claim(RecordID)
///     …
/// }
/// ```
public protocol FamilyCommand: Equatable, Sendable {
    associatedtype ID: RawRepresentable & CaseIterable & Sendable where ID.RawValue == String
    /// The `family:` of its catalog file.
    static var family: String { get }
    /// The record kinds this family owns: a verb shared by several families
    /// (`cancel R1`, `cancel B1`) goes to the owner of its record's kind.
    static var recordKinds: Set<RecordKind> { get }
    /// The command `id` with the arguments its grammar read; nil when a required one is missing.
    init?(id: ID, args: Arguments)
    /// A verb declared by another family that this one takes for its own record kinds.
    init?(sharedVerb verb: String, args: Arguments)
    /// The catalog id: what metrics and logs call it.
    var name: String { get }
    /// The command as a `Command`.
    var command: Command { get }
}

extension FamilyCommand {
    public static var recordKinds: Set<RecordKind> { [] }
    public init?(sharedVerb verb: String, args: Arguments) { nil }
    /// This family's catalog ids.
    public static var ids: [String] { ID.allCases.map(\.rawValue) }

    /// Builds a command from a catalog id, its own or a shared one.
    static func make(_ id: String, _ args: Arguments) -> Command? {
        if let own = ID(rawValue: id) { return Self(id: own, args: args)?.command }
        return Self(sharedVerb: id, args: args)?.command
    }
}

/// The arguments a grammar read, by name, with typed accessors.
public struct Arguments: Sendable, Equatable {
    public var values: [String: ArgValue]

    public init(_ values: [String: ArgValue] = [:]) { self.values = values }

    public func record(_ name: String = "record") -> RecordID? { if case .record(let r) = values[name] { r } else { nil } }
    public func text(_ name: String) -> String? { if case .text(let t) = values[name] { t } else { nil } }
    public func int(_ name: String) -> Int? { if case .int(let n) = values[name] { n } else { nil } }
    public func date(_ name: String) -> DateSpec? { if case .date(let d) = values[name] { d } else { nil } }
    public func times(_ name: String) -> TimeRange? { if case .times(let t) = values[name] { t } else { nil } }
    public func lang(_ name: String) -> Lang? { if case .lang(let l) = values[name] { l } else { nil } }

    /// The first record argument, whatever its name: what shared verbs are routed by.
    var anyRecord: RecordID? {
        values.values.lazy.compactMap { if case .record(let r) = $0 { r } else { nil } }.first
    }
}
