import Foundation
import LinliCore
import LinliTesting
import Testing

/// Open311 GeoReport v2 (issue 18, item 4): field by field against the GeoReport v2
/// list, with a small JSON schema; anonymised; Open311's error form.
@Suite struct Open311Tests {
    /// GeoReport v2's service fields and their JSON types.
    static let serviceSchema: [String: Set<String>] = [
        "service_code": ["string"], "service_name": ["string"], "description": ["string"], "metadata": ["boolean"], "type": ["string"],
        "keywords": ["string"], "group": ["string"],
    ]
    /// GeoReport v2's service request fields (GET Service Requests) and their JSON types.
    static let requestSchema: [String: Set<String>] = [
        "service_request_id": ["string"], "status": ["string"], "status_notes": ["string", "null"], "service_name": ["string"],
        "service_code": ["string"], "description": ["string"], "agency_responsible": ["string"], "service_notice": ["string", "null"],
        "requested_datetime": ["string"], "updated_datetime": ["string"], "expected_datetime": ["string", "null"], "address": ["string"],
        "address_id": ["string", "null"], "zipcode": ["string", "null"], "lat": ["number"], "long": ["number"], "media_url": ["string", "null"],
    ]
    static let required = ["service_request_id", "status", "service_code", "service_name", "requested_datetime", "address"]

    /// The schema check: an array of objects, every field known with its type, the required ones present.
    static func validate(_ json: Any, _ schema: [String: Set<String>], required: [String]) -> [String] {
        guard let items = json as? [[String: Any]] else { return ["not an array of objects"] }
        var problems: [String] = []
        for (i, item) in items.enumerated() {
            for name in required where item[name] == nil { problems.append("\(i): \(name) missing") }
            for (name, value) in item {
                guard let types = schema[name] else {
                    problems.append("\(i): \(name) is not a GeoReport v2 field")
                    continue
                }
                let type: String =
                    switch value {
                    case is NSNull: "null"
                    case let n as NSNumber where String(describing: type(of: n)).contains("Boolean"): "boolean"
                    case is NSNumber: "number"
                    case is String: "string"
                    default: "other"
                    }
                if !types.contains(type) { problems.append("\(i): \(name) is \(type)") }
            }
        }
        return problems
    }

    static func json(_ answer: DashboardRig.Answer) throws -> Any { try JSONSerialization.jsonObject(with: Data(answer.body.readableBytesView)) }

    @Test func servicesAreThePublicCategories() async throws {
        let rig = try DashboardRig()
        let answer = try await rig.get("/open311/v2/services.json")
        #expect(answer.status == 200 && answer.header("Content-Type") == "application/json; charset=utf-8")
        let json = try Self.json(answer)
        #expect(
            Self.validate(json, Self.serviceSchema, required: Array(Self.serviceSchema.keys)).isEmpty,
            "\(Self.validate(json, Self.serviceSchema, required: []))")
        let services = try #require(json as? [[String: Any]])
        #expect(services.map { $0["service_code"] as? String } == ["leak", "other"], "noise is private")
        #expect(services[0]["service_name"] as? String == "漏水" && services[0]["type"] as? String == "realtime")
        #expect(services[0]["metadata"] as? Bool == false && (services[0]["keywords"] as? String)?.contains("leak") == true)
    }

    @Test func requestsAreAnonymisedAndFiltered() async throws {
        let rig = try DashboardRig()
        try rig.november()
        let answer = try await rig.get("/open311/v2/requests.json")
        let json = try Self.json(answer)
        #expect(
            Self.validate(json, Self.requestSchema, required: Self.required).isEmpty,
            "\(Self.validate(json, Self.requestSchema, required: Self.required))")
        let requests = try #require(json as? [[String: Any]])
        #expect(requests.map { $0["service_request_id"] as? String } == ["R5", "R4", "R2", "R1"], "newest first, R3 (private) absent")
        let r1 = requests[3]
        #expect(r1["status"] as? String == "closed" && r1["status_notes"] as? String == "已办结 resolved")
        #expect(r1["service_code"] as? String == "leak" && r1["description"] as? String == "厨房滴水")
        #expect(
            r1["requested_datetime"] as? String == "2026-11-10T10:00:00+08:00" && r1["updated_datetime"] as? String == "2026-11-10T13:00:00+08:00")
        #expect(r1["address"] as? String == "1栋, 测试社区" && r1["agency_responsible"] as? String == "测试社区" && r1["lat"] == nil)
        let r4 = requests[1]
        #expect(r4["status"] as? String == "open" && r4["expected_datetime"] as? String == "2026-11-22T12:00:00+08:00")
        #expect(r4["lat"] as? Double == 26.65 && r4["long"] as? Double == 118.17, "3栋 has coordinates")
        let text = answer.text
        for secret in ["李阿姨", "Ann Lee", "周队长", "u-li", "u-ann", "u-cap", "b1-502", "501", "楼上装修", "R3"] {
            #expect(!text.contains(secret), "\(secret) in \(text)")
        }
        let open = try #require(try Self.json(try await rig.get("/open311/v2/requests.json?status=open")) as? [[String: Any]])
        #expect(open.map { $0["service_request_id"] as? String } == ["R5", "R4"])
        let other = try #require(try Self.json(try await rig.get("/open311/v2/requests.json?service_code=other")) as? [[String: Any]])
        #expect(other.map { $0["service_request_id"] as? String } == ["R5"])
        let window = try await rig.get("/open311/v2/requests.json?start_date=2026-11-11T00:00:00%2B08:00&end_date=2026-11-21T23:00:00%2B08:00")
        #expect((try Self.json(window) as? [[String: Any]])?.map { $0["service_request_id"] as? String } == ["R4", "R2"])
        let some = try #require(try Self.json(try await rig.get("/open311/v2/requests.json?service_request_id=R1,R3,R4")) as? [[String: Any]])
        #expect(some.map { $0["service_request_id"] as? String } == ["R4", "R1"])
    }

    /// What residents type into a report (a phone number, their name, a room, an
    /// address) is not published with it; the rest of the text is.
    @Test func aReportsTextLosesNamesRoomsAndNumbers() async throws {
        let rig = try DashboardRig()
        try rig.bot.say("报修 漏水 501厨房滴水，师傅来前打我电话 139 1234 5678，李阿姨在家", from: "u-li", at: "2026-11-10T10:00:00+08:00")
        try rig.bot.say("报修 其他 楼下路灯坏了 我是吴晓东 住b1-302 mail wu@example.org", from: "u-ann", at: "2026-11-10T11:00:00+08:00")
        try rig.bot.say("报修 其他 楼道堆满杂物，是 u-bo 家放的", from: "u-li", at: "2026-11-10T12:00:00+08:00")
        let requests = try #require(try Self.json(try await rig.get("/open311/v2/requests.json")) as? [[String: Any]])
        let texts = requests.compactMap { $0["description"] as? String }
        #expect(texts == ["楼道堆满杂物，是 ＊ 家放的", "楼下路灯坏了 我是＊ 住b＊ mail ＊", "厨房滴水，师傅来前打我电话 ＊，＊在家"], "\(texts)")
        for secret in ["501", "139", "5678", "李阿姨", "吴晓东", "302", "wu@", "example.org", "u-bo"] {
            #expect(!texts.joined().contains(secret), "\(secret) in \(texts)")
        }
        #expect(texts.last?.contains("厨房滴水，师傅来前打我电话") == true && texts[1].hasPrefix("楼下路灯坏了"), "\(texts)")
    }

    @Test func oneRequestAndErrorsInOpen311Form() async throws {
        let rig = try DashboardRig()
        try rig.november()
        let one = try #require(try Self.json(try await rig.get("/open311/v2/requests/R2.json")) as? [[String: Any]])
        #expect(one.count == 1 && one[0]["service_request_id"] as? String == "R2")
        for (path, status) in [
            ("/open311/v2/requests/R3.json", 404), ("/open311/v2/requests/R99.json", 404),
            ("/open311/v2/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-11-01T00:00:00Z", 400),
            ("/open311/v2/requests.json?status=lost", 400), ("/open311/v2/requests.json?start_date=yesterday", 400),
            ("/open311/v2/services.xml", 400), ("/open311/v2/requests/.json", 404), ("POST /open311/v2/requests.json", 405),
        ] {
            let post = path.hasPrefix("POST ")
            let answer = try await rig.get(post ? String(path.dropFirst(5)) : path, method: post ? .post : .get)
            let error = (try Self.json(answer) as? [[String: Any]])?.first
            #expect(
                answer.status == status && error?["code"] as? Int == status && (error?["description"] as? String)?.isEmpty == false,
                "\(path): \(answer.text)")
        }
    }

    @Test func offUnlessTheCommunityFileSaysSo() async throws {
        let rig = try DashboardRig(community: DashboardRig.community.replacingOccurrences(of: ", open311: true", with: ""))
        let answer = try await rig.get("/open311/v2/services.json")
        #expect(answer.status == 404 && answer.text.hasPrefix("[{\"code\":404,"))
    }
}
