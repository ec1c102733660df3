extension FamilyHarness {
    /// The harness community for the staff pages: a public address, Open311 on, and a
    /// second grid with its own building (3栋, with coordinates) and captain (周队长).
    public static func dashboardCommunity(publicURL: String) -> String {
        community
            .replacingOccurrences(of: "groups: [t-office]}", with: "groups: [t-office], public_url: \"\(publicURL)\", open311: true}")
            .replacingOccurrences(
                of: "  - {id: g1, name: 一网格, leader: u-grid}", with: "  - {id: g1, name: 一网格, leader: u-grid}\n  - {id: g2, name: 二网格}"
            )
            .replacingOccurrences(
                of: "  - {id: b2, name: 2栋, grid: g1, captain: u-cap2, groups: [t-b2]}",
                with:
                    "  - {id: b2, name: 2栋, grid: g1, captain: u-cap2, groups: [t-b2]}\n  - {id: b3, name: 3栋, grid: g2, captain: u-cap3, groups: [t-b3], lat: 26.65, long: 118.17}"
            )
            .replacingOccurrences(of: "  - {id: u-ann,", with: "  - {id: u-cap3, name: 周队长, home: b3-101, roles: [captain]}\n  - {id: u-ann,")
    }
}
