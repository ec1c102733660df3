import LinliCore
import Testing

/// The rules of 一户一档 and 党员包户 as tables: visit coverage, and who may read
/// how much of a household's file.
@Suite struct HouseholdRulesTests {
    static let now = Instant(milliseconds: 1_795_827_600_000)
    static func daysAgo(_ n: Int64) -> Instant { now.adding(Span(milliseconds: -Span.days(n).milliseconds)) }

    struct CoverageCase: Sendable, CustomTestStringConvertible {
        var households: [String]
        var last: [String: Instant]
        var visited: Int
        var overdue: [String]
        var never: [String]
        var percent: Int
        var testDescription: String { "\(households) → \(visited)/\(households.count)" }
    }

    @Test(arguments: [
        CoverageCase(households: [], last: [:], visited: 0, overdue: [], never: [], percent: 100),
        CoverageCase(households: ["b1-501"], last: [:], visited: 0, overdue: ["b1-501"], never: ["b1-501"], percent: 0),
        CoverageCase(households: ["b1-501"], last: ["b1-501": daysAgo(29)], visited: 1, overdue: [], never: [], percent: 100),
        // Exactly the period ago is overdue: "within 30 days" means less than 30 days.
        CoverageCase(households: ["b1-501"], last: ["b1-501": daysAgo(30)], visited: 0, overdue: ["b1-501"], never: [], percent: 0),
        CoverageCase(
            households: ["b1-502", "b1-501", "b2-302"], last: ["b1-501": daysAgo(3), "b2-302": daysAgo(45)], visited: 1,
            overdue: ["b1-502", "b2-302"], never: ["b1-502"], percent: 33),
        // A household paired with two members counts once.
        CoverageCase(households: ["b1-501", "b1-501"], last: ["b1-501": daysAgo(1)], visited: 1, overdue: [], never: [], percent: 100),
    ])
    func coverage(_ c: CoverageCase) {
        let got = Coverage(households: c.households, lastVisit: c.last, now: Self.now, every: .days(30))
        #expect(got.paired == Set(c.households).count)
        #expect(got.visited == c.visited)
        #expect(got.overdue == c.overdue)
        #expect(got.neverVisited == c.never)
        #expect(got.percent == c.percent)
    }

    @Test(arguments: [
        (HouseholdAccess(), HouseholdView.none),
        (HouseholdAccess(isMember: true), .file),
        (HouseholdAccess(isGridLeader: true), .file),
        (HouseholdAccess(isCaptain: true), .withVisits),
        (HouseholdAccess(isPaired: true), .withVisits),
        (HouseholdAccess(isStaff: true), .withVisits),
        (HouseholdAccess(isMember: true, isPaired: true), .withVisits),
    ])
    func whoMaySeeAHousehold(_ access: HouseholdAccess, _ view: HouseholdView) {
        #expect(access.view == view)
    }
}

/// Which rooms a building has: its list, its pattern, or a plausible 3–4 digits.
@Suite struct RoomRuleTests {
    @Test(arguments: [
        (RoomRule.plausible, "501", true), (.plausible, "1206", true), (.plausible, "4030", true), (.plausible, "101", true),
        (.plausible, "4101", false), (.plausible, "531", false), (.plausible, "500", false), (.plausible, "12", false),
        (.plausible, "12345", false), (.plausible, "50a", false), (.plausible, "", false),
        (.pattern("[1-6]0[1-4]"), "604", true), (.pattern("[1-6]0[1-4]"), "705", false), (.pattern("[1-6]0[1-4]"), "1604", false),
        (.pattern("A[0-9]{3}|B[0-9]{3}"), "B201", true), (.pattern("A[0-9]{3}|B[0-9]{3}"), "xB201", false),
        (.list(["101", "A201"]), "A201", true), (.list(["101", "A201"]), "201", false),
    ])
    func aRoomIsOneOfTheBuildings(_ rule: RoomRule, _ room: String, _ accepted: Bool) {
        #expect(rule.accepts(room) == accepted, "\(room)")
    }

    @Test func aBrokenPatternIsNamed() {
        #expect(RoomRule.problem(of: "[1-6") != nil)
        #expect(RoomRule.problem(of: "[1-6]0[1-4]") == nil)
    }
}
