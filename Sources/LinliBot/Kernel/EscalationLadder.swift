import LinliCore

/// 小事不出小区、大事不出社区: who a building's matters go to, and who stands above whom
/// (captain → grid leader → staff; a department reports to staff).
struct EscalationLadder {
    let directory: Directory

    /// Who a new matter in `building` goes to: its captain, else the grid leader, else the office;
    /// a rung held by the one who raised it is passed over (no one handles their own report)
    /// while there is another.
    func firstResponder(for building: Building, raisedBy raiser: String? = nil) -> (String?, Level) {
        let rungs: [(String, Level)] = [
            building.captain.map { ($0, .captain) }, directory.gridLeader(of: building).map { ($0, .grid) }, directory.firstStaff.map { ($0, .staff) },
        ].compactMap { $0 }
        guard let first = rungs.first(where: { $0.0 != raiser }) ?? rungs.first else { return (nil, .staff) }
        return first
    }

    /// The next rung above `level` for a matter of `building`, if any.
    func rung(above level: Level, building: String) -> (person: String, level: Level)? {
        switch level {
        case .captain:
            if let leader = directory.building(building).flatMap(directory.gridLeader(of:)) { return (leader, .grid) }
            return directory.firstStaff.map { ($0, .staff) }
        case .grid, .department:
            return directory.firstStaff.map { ($0, .staff) }
        case .staff:
            return nil
        }
    }

    /// The rung someone stands on for a matter of `building`: its captain, its grid
    /// leader, staff, a department; nil for anyone else (a volunteer).
    func level(of assignee: Assignee?, building: String) -> Level? {
        switch assignee {
        case .department: return .department
        case .person(let id):
            let b = directory.building(building)
            if b?.captain == id { return .captain }
            if let b, directory.gridLeader(of: b) == id { return .grid }
            if directory.person(id)?.roles.contains(.staff) == true { return .staff }
            return nil
        case nil: return nil
        }
    }

    /// Who holds a rung, as a reply names them: `楼栋长周永林`, `captain 周永林`, `何书记 at the office`.
    static func holder(_ level: Level, _ name: String, _ lang: Lang) -> String {
        switch (level, lang) {
        case (_, .zh): "\(Self.name(level, .zh))\(name)"
        case (.staff, .en): "\(name) at the office"
        default: "\(Self.name(level, .en)) \(name)"
        }
    }

    /// A rung as a reader says it.
    static func name(_ level: Level, _ lang: Lang) -> String {
        switch (level, lang) {
        case (.captain, .zh): "楼栋长"
        case (.grid, .zh): "网格长"
        case (.staff, .zh): "社区"
        case (.department, .zh): "部门"
        case (.captain, .en): "captain"
        case (.grid, .en): "grid leader"
        case (.staff, .en): "the office"
        case (.department, .en): "department"
        }
    }
}
