/// How much of a household's file (一户一档) someone may read.
public enum HouseholdView: Sendable, Equatable, Comparable {
    /// Nothing.
    case none
    /// Members and records, without visit notes.
    case file
    /// Also the visits and their notes.
    case withVisits
}

/// Who a viewer is to one household, and what that lets them read: members see
/// their own file; its building's grid leader the file; staff, its captain and the
/// party members paired with it the visits too.
public struct HouseholdAccess: Sendable, Equatable {
    public var isMember = false
    public var isStaff = false
    public var isCaptain = false
    public var isGridLeader = false
    public var isPaired = false

    public init(isMember: Bool = false, isStaff: Bool = false, isCaptain: Bool = false, isGridLeader: Bool = false, isPaired: Bool = false) {
        self.isMember = isMember
        self.isStaff = isStaff
        self.isCaptain = isCaptain
        self.isGridLeader = isGridLeader
        self.isPaired = isPaired
    }

    public var view: HouseholdView {
        if isStaff || isCaptain || isPaired { return .withVisits }
        if isMember || isGridLeader { return .file }
        return .none
    }
}
