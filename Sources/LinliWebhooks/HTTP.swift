/// One HTTP request to send: a POST (webhooks), or a GET (health checks, tests).
public struct HTTPRequest: Sendable, Equatable {
    public enum Method: String, Sendable {
        case get = "GET"
        case post = "POST"
    }

    public var url: String
    public var method: Method
    /// Header lines in order, `(name, value)`.
    public var headers: [HTTPHeader]
    public var body: [UInt8]

    public init(url: String, method: Method = .post, headers: [HTTPHeader] = [], body: [UInt8] = []) {
        self.url = url
        self.method = method
        self.headers = headers
        self.body = body
    }
}

public struct HTTPHeader: Sendable, Equatable {
    public var name: String
    public var value: String
    public init(_ name: String, _ value: String) {
        self.name = name
        self.value = value
    }
}

/// What came back.
public struct HTTPResponse: Sendable, Equatable {
    public var status: Int
    /// Header names in lower case; the last of repeated headers wins.
    public var headers: [String: String]
    public var body: [UInt8]

    public init(status: Int, headers: [String: String] = [:], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// Why a request got no HTTP response.
public enum TransportError: Error, Sendable, Equatable {
    case timeout(String)
    case connect(String)
    case other(code: Int, message: String)

    public var message: String {
        switch self {
        case .timeout(let m), .connect(let m): m
        case .other(let code, let m): "curl \(code): \(m)"
        }
    }
}
