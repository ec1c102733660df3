import Foundation
import LinliTesting
import Testing

/// The staff pages and Open311 on addresses no one types by hand: an answer, never a crash.
@Suite struct DashboardEdgeTests {
    /// Guards `Dashboard.orders`: `(page - 1) * size` overflowed for a huge page; now it is an empty page.
    @Test(arguments: ["u-office", "u-cap1"])
    func aPageFarPastTheLastIsEmpty(_ user: String) async throws {
        let rig = try DashboardRig()
        try rig.november()
        let cookie = try await rig.signIn(user)
        #expect(try await rig.get("/dashboard/orders", cookie: cookie).text.contains(">R1<"), "the first page lists R1")
        for page in ["184467440737095518", "9223372036854775807"] {
            let answer = try await rig.get("/dashboard/orders?page=\(page)", cookie: cookie)
            #expect(answer.status == 200 && !answer.text.contains(">R1<"), "page \(page): \(answer.status)")
        }
    }

    /// Guards `Span(parsing:)` under the pages' `period` and the bookings' `week`: a period or
    /// a year no calendar reaches overflowed an instant; now it is a usage error (400).
    @Test func aPeriodOrWeekBeyondTheCalendarIs400() async throws {
        let rig = try DashboardRig()
        let cookie = try await rig.signIn("u-office")
        for path in ["/dashboard?period=999999999999d", "/dashboard/orders?period=999999999999d", "/dashboard/bookings?week=99999999999999-01-01"] {
            #expect(try await rig.get(path, cookie: cookie).status == 400, "\(path)")
        }
        for path in ["/dashboard?period=7d", "/dashboard/orders?period=36525d", "/dashboard/bookings?week=2026-11-23"] {
            #expect(try await rig.get(path, cookie: cookie).status == 200, "\(path)")
        }
    }

    /// Guards the Open311 catch-all: an unknown `/open311/v2/` path was the router's bare 404;
    /// now it is Open311's error form, and the known routes still answer.
    @Test func anUnknownOpen311PathIsNotFoundInOpen311Form() async throws {
        let rig = try DashboardRig()
        for path in ["/open311/v2/nope.json", "/open311/v2/services/extra.json", "/open311/v2/requests/R1/more"] {
            let answer = try await rig.get(path)
            let error = (try? Open311Tests.json(answer) as? [[String: Any]])?.first
            #expect(answer.status == 404 && answer.header("Content-Type") == "application/json; charset=utf-8", "\(path)")
            #expect(error?["code"] as? Int == 404 && (error?["description"] as? String)?.isEmpty == false, "\(path): \(answer.text)")
        }
        #expect(try await rig.get("/open311/v2/services.json").status == 200)
        #expect(try await rig.get("/open311/v2/requests.json").status == 200)
        #expect(try await rig.get("/open311/v2/services.xml").status == 400, "a known route's own error")
    }
}
