import LinliCore
import Testing

@Suite struct CommunityRecordsTests {
    let t0 = Instant(seconds: 1_795_827_600)

    @Test func aWishHasOneClaimerAndTheWisherConfirms() throws {
        var w = Wish(number: 1, text: "老花镜", wisher: "u-chen-m", createdAt: t0)
        try w.claim(by: "u-wang", at: t0)
        #expect(throws: LinliError(.conflict, zh: "W1 已被认领，还没有完成。", en: "W1 has been claimed and is not fulfilled yet.", refs: ["W1"])) { try w.claim(by: "u-fang", at: t0) }
        #expect(throws: LinliError.self) { try w.fulfil(by: "u-fang", at: t0) }
        #expect(throws: LinliError.self) { try w.confirm() }
        try w.fulfil(by: "u-wang", at: t0.adding(.hours(1)))
        try w.confirm()
        #expect(w.state == .confirmed && w.claimer == "u-wang" && w.fulfilledAt == t0.adding(.hours(1)))
    }

    @Test func aReleasedClaimIsOpenToOthers() throws {
        var w = Wish(number: 2, text: "x", wisher: "u-wu", createdAt: t0)
        try w.claim(by: "u-fang", at: t0)
        w.release()
        #expect(w.state == .open && w.claimer == nil)
        try w.claim(by: "u-wang", at: t0)
        #expect(w.claimer == "u-wang")
        #expect(Wish.claimLifetime == .days(7) && Wish.confirmWindow == .days(3))
    }

    @Test func eventCapacity() {
        let e = CommunityEvent(
            number: 1, title: "邻里节", day: LocalDay(year: 2026, month: 12, day: 5), start: 540, capacity: 2, creator: "u-he", createdAt: t0)
        #expect(e.hasRoom(joined: 1) && !e.hasRoom(joined: 2))
        let open = CommunityEvent(number: 2, title: "x", day: e.day, start: 540, capacity: nil, creator: "u-he", createdAt: t0)
        #expect(open.hasRoom(joined: 10_000))
    }

    @Test func theOnDutyRotaPicksWhoeverIsOnAtThatHour() {
        let butler = Service(
            id: "butler", name: "红色管家", names: [], stock: nil, loan: nil, handler: "u-liu",
            rota: [.init(hours: TimeRange(start: 480, end: 1200), person: "u-liu"), .init(hours: TimeRange(start: 1200, end: 480), person: "u-fang")])
        #expect(butler.handler(atMinute: 9 * 60) == "u-liu")
        #expect(butler.handler(atMinute: 21 * 60) == "u-fang")
        #expect(butler.handler(atMinute: 3 * 60) == "u-fang")
        #expect(!butler.isLoan)
        let umbrella = Service(id: "umbrella", name: "爱心伞", names: [], stock: 20, loan: .days(3), handler: nil)
        #expect(umbrella.isLoan && umbrella.handler(atMinute: 600) == nil)
    }
}
