import LinliCore
import Testing

/// Role changes applied over a community, in order.
@Suite struct RoleChangeTests {
    let t0 = Instant(seconds: 1_795_827_600)
    let community = Community(
        id: "t", name: "t", timezone: "Asia/Shanghai", grids: [Grid(id: "g1", name: "一网格", leader: "u-grid")],
        buildings: [
            Building(id: "b1", name: "1栋", grid: "g1", captain: "u-cap", groups: []),
            Building(id: "b2", name: "2栋", grid: "g1", captain: "u-cap", groups: []),
        ],
        people: [
            Person(id: "u-grid", name: "马网格", roles: [.gridLeader]), Person(id: "u-cap", name: "刘队长", home: "b1-101", roles: [.captain, .resident]),
            Person(id: "u-li", name: "李阿姨", home: "b1-502", roles: [.resident]),
        ])

    func change(_ person: String, _ role: Role, _ scope: String? = nil, granted: Bool = true) -> RoleChange {
        RoleChange(person: person, name: nil, role: role, scope: scope, granted: granted, actor: "u-office", at: t0)
    }

    @Test func aNewCaptainReplacesTheOldWhoKeepsTheRoleWhileTheyHoldABuilding() {
        let one = community.applying([change("u-li", .captain, "b1")])
        #expect(one.buildings.map(\.captain) == ["u-li", "u-cap"])
        #expect(one.people.first { $0.id == "u-li" }?.roles.contains(.captain) == true)
        #expect(one.people.first { $0.id == "u-cap" }?.roles.contains(.captain) == true, "still captain of b2")
        let both = community.applying([change("u-li", .captain, "b1"), change("u-li", .captain, "b2")])
        #expect(both.people.first { $0.id == "u-cap" }?.roles == [.resident])
    }

    @Test func takingBackWithNoPlaceNamedTakesEveryBuilding() {
        let c = community.applying([change("u-cap", .captain, granted: false), change("u-grid", .gridLeader, "g1", granted: false)])
        #expect(c.buildings.map(\.captain) == [nil, nil] && c.grids.map(\.leader) == [nil])
        #expect(c.people.allSatisfy { $0.roles.isDisjoint(with: [.captain, .gridLeader]) })
    }

    @Test func someoneTheFileDoesNotListIsAddedWhenGivenARole() {
        var given = change("u-new", .mediator)
        given.name = "新人"
        let c = community.applying([given, change("u-li", .volunteer), change("u-li", .volunteer, granted: false)])
        #expect(c.people.last?.id == "u-new" && c.people.last?.name == "新人" && c.people.last?.roles == [.mediator])
        #expect(c.people.first { $0.id == "u-li" }?.roles == [.resident])
        #expect(community.applying([change("u-nobody", .volunteer, granted: false)]).people.count == 3, "taking back adds no one")
    }
}
