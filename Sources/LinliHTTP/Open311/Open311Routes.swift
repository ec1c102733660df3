import Hummingbird
import LinliBot
import LinliCore
import LinliProtocol
import LinliWebhooks

/// Open data as Open311 GeoReport v2 (DASHBOARD.md §3), when the community file says
/// `open311: true`: the public categories as services, the work orders as anonymised
/// requests; errors in Open311's form.
public enum Open311Routes {
    public static func add(to router: Router<BasicRequestContext>, gate: EngineGate) {
        router.get("open311/v2/services.{format}") { _, context in
            try await answer(gate, format: context.parameters.get("format")) { d in
                "[" + (try d.open311Services()).map(json).joined(separator: ",") + "]"
            }
        }
        router.get("open311/v2/requests.{format}") { request, context in
            let p = request.uri.queryParameters
            var q = Open311Query()
            func value(_ name: String) -> String? { p[Substring(name)].map { String($0) } }
            (q.startDate, q.endDate, q.status, q.serviceCodes, q.requestIDs) =
                (value("start_date"), value("end_date"), value("status"), value("service_code"), value("service_request_id"))
            let query = q
            return try await answer(gate, format: context.parameters.get("format")) { d in
                "[" + (try d.open311Requests(query)).map(json).joined(separator: ",") + "]"
            }
        }
        router.get("open311/v2/requests/:request") { _, context in
            let name = context.parameters.get("request") ?? ""
            let (id, format) = name.lastIndex(of: ".").map { (String(name[..<$0]), String(name[name.index(after: $0)...])) } ?? (name, "")
            // `requests/.json`: no id is no request (not the list).
            guard !id.isEmpty else { return error(.notFound, "no service request id") }
            return try await answer(gate, format: format) { d in
                var q = Open311Query()
                q.requestIDs = id
                let found = try d.open311Requests(q)
                guard !found.isEmpty else { throw LinliError(.notFound, zh: "没有 \(id)", en: "no service request \(id)") }
                return "[" + found.map(json).joined(separator: ",") + "]"
            }
        }
        // Any other Open311 path is not found, said in Open311's form too; nothing is posted
        // (GeoReport's create call): requests are made in the chats.
        router.get("open311/v2/**") { _, _ in error(.notFound, "no such Open311 resource") }
        for path in ["open311/v2/requests.{format}", "open311/v2/**"] {
            router.post(RouterPath(path)) { _, _ in
                error(.methodNotAllowed, "this server publishes requests; they are made in the community's chats")
            }
        }
    }

    private static func answer(_ gate: EngineGate, format: String?, _ body: @escaping @Sendable (Dashboard) throws -> String) async throws -> Response
    {
        guard format == "json" else { return error(.badRequest, "only the json format is served") }
        do {
            let json = try await gate.withDashboard { d -> String? in d.open311Enabled ? try body(d) : nil }
            guard let json else { return error(.notFound, "open data is not enabled for this community") }
            return Response(
                status: .ok, headers: [.contentType: "application/json; charset=utf-8", .accessControlAllowOrigin: "*"],
                body: .init(byteBuffer: ByteBuffer(string: json)))
        } catch let e as LinliError {
            return error(e.code == .notFound ? .notFound : .badRequest, e.message(.en))
        }
    }

    /// `[{"code":400,"description":"…"}]`
    static func error(_ status: HTTPResponse.Status, _ description: String) -> Response {
        var json = "[{\"code\":\(status.code),\"description\":"
        JSON.appendString(description, to: &json)
        json += "}]"
        return Response(status: status, headers: [.contentType: "application/json; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: json)))
    }

    static func json(_ s: Open311Service) -> String {
        var out = "{"
        field(&out, "service_code", s.code)
        field(&out, "service_name", s.name)
        field(&out, "description", s.description)
        out += ",\"metadata\":false,\"type\":\"realtime\""
        field(&out, "keywords", s.keywords.joined(separator: ","))
        field(&out, "group", s.group)
        return out + "}"
    }

    static func json(_ r: Open311Request) -> String {
        var out = "{"
        field(&out, "service_request_id", r.id)
        field(&out, "status", r.status)
        field(&out, "status_notes", r.statusNotes)
        field(&out, "service_name", r.serviceName)
        field(&out, "service_code", r.serviceCode)
        field(&out, "description", r.description)
        field(&out, "agency_responsible", r.agency)
        field(&out, "service_notice", r.serviceNotice)
        field(&out, "requested_datetime", r.requested)
        field(&out, "updated_datetime", r.updated)
        field(&out, "expected_datetime", r.expected)
        field(&out, "address", r.address)
        field(&out, "address_id", nil)
        field(&out, "zipcode", nil)
        if let lat = r.latitude, let long = r.longitude { out += ",\"lat\":\(lat),\"long\":\(long)" }
        return out + "}"
    }

    /// `"name":"value"` (or `null`), after a comma unless it is the first.
    private static func field(_ out: inout String, _ name: String, _ value: String?) {
        if out.utf8.last != UInt8(ascii: "{") { out += "," }  // not `count`, which walks the whole string
        out += "\"\(name)\":"
        // Resident text without bidirectional controls (a city system would show it reversed).
        if let value {
            JSON.appendString(WebhookFormatter.neutralised(value, for: .generic, markdown: false), to: &out)
        } else {
            out += "null"
        }
    }
}
