import Hummingbird
import Logging

// The least a Hummingbird 2 server does for linli's two hot routes, on
// 127.0.0.1:PORT (the first argument, else BASELINE_PORT, else 18290):
// `GET /healthz` answers "ok"; `POST /v1/events` reads the whole body and answers
// a fixed JSON. No database, no signature, no parsing: what `linli serve` is
// measured against in bench/http.py.
let port = Int(CommandLine.arguments.dropFirst().first ?? "") ?? Int(Environment().get("BASELINE_PORT") ?? "") ?? 18_290
let answer = ByteBuffer(string: #"{"events":[]}"#)

let router = Router()
router.get("healthz") { _, _ in "ok" }
router.post("v1/events") { request, _ -> Response in
    var request = request
    _ = try await request.collectBody(upTo: 1 << 20)
    return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: answer))
}

var logger = Logger(label: "baseline")
logger.logLevel = .warning
let app = Application(router: router, configuration: .init(address: .hostname("127.0.0.1", port: port)), logger: logger)
try await app.runService()
