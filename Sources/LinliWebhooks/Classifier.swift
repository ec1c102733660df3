import Foundation
import LinliCore
import LinliProtocol

/// What one delivery attempt came to.
public enum Verdict: Sendable, Equatable {
    case delivered
    /// Try again later; `after` when the receiver said when (Retry-After).
    case retry(after: Span?, reason: String)
    /// No use retrying: a dead letter with the reason.
    case permanent(reason: String)
    /// 410 Gone: stop using the endpoint until its configuration changes.
    case disable(reason: String)

    /// Why it was not delivered (the robot's own code and message too).
    public var reason: String? {
        switch self {
        case .delivered: nil
        case .retry(_, let reason), .permanent(let reason), .disable(let reason): reason
        }
    }

    /// The verdict's kind, without its details: a metric label.
    public var name: String {
        switch self {
        case .delivered: "delivered"
        case .retry: "retry"
        case .permanent: "permanent"
        case .disable: "disable"
        }
    }
}

/// Reads responses the way each receiver means them: HTTP status first, then the
/// robots' own `errcode`/`code`.
public enum Classifier {
    /// Robot and API codes that mean "too fast, try later" (Feishu's API: 99991400, 230020).
    static let rateLimitCodes: [WebhookFormat: Set<Int64>] = [
        .wecom: [45009], .feishu: [11232, 99991400, 230020], .dingtalk: [130101, 660026],
    ]
    /// Robot codes that mean the configuration is wrong (key, signature, keywords, IP).
    static let configurationCodes: [WebhookFormat: Set<Int64>] = [.wecom: [93000], .dingtalk: [310000], .feishu: [19021, 19022, 19024, 9499]]

    public static func classify(_ result: Result<HTTPResponse, TransportError>, format: WebhookFormat, now: Date = Date()) -> Verdict {
        let response: HTTPResponse
        switch result {
        case .failure(let error): return .retry(after: nil, reason: error.message)
        case .success(let r): response = r
        }
        let status = response.status
        if (200..<300).contains(status) {
            guard format != .generic, let answer = JSONValue.parse(response.body), let code = robotCode(answer, format: format), code != 0
            else { return .delivered }
            let message = (answer["errmsg"] ?? answer["msg"] ?? answer["StatusMessage"])?.string ?? ""
            if rateLimitCodes[format]?.contains(code) == true {
                return .retry(after: retryAfter(response, now: now), reason: "rate limited (\(code)) \(message)")
            }
            // `-1 系统繁忙`: WeCom's and DingTalk's "busy, try again later".
            if code == -1, format == .wecom || format == .dingtalk { return .retry(after: nil, reason: "busy (\(code)) \(message)") }
            if configurationCodes[format]?.contains(code) == true { return .permanent(reason: "configuration error \(code): \(message)") }
            return .permanent(reason: "refused (\(code)): \(message)")
        }
        // Feishu's API says "too fast" with HTTP 400 and its code: retried, as a 429 is.
        if format != .generic, let answer = JSONValue.parse(response.body), let code = robotCode(answer, format: format),
            rateLimitCodes[format]?.contains(code) == true
        {
            return .retry(after: retryAfter(response, now: now), reason: "rate limited (\(code)) HTTP \(status)")
        }
        switch status {
        case 410: return .disable(reason: "HTTP 410 Gone")
        case 408, 425, 429, 500...599: return .retry(after: retryAfter(response, now: now), reason: "HTTP \(status)")
        default: return .permanent(reason: "HTTP \(status)")
        }
    }

    /// A robot's answer code: Feishu's `code` (`StatusCode` in its older answers), the others' `errcode`.
    static func robotCode(_ answer: JSONValue, format: WebhookFormat) -> Int64? {
        answer[format == .feishu ? (answer["code"] != nil ? "code" : "StatusCode") : "errcode"]?.int64
    }

    /// `Retry-After` in seconds or as an HTTP date, clamped to an hour.
    static func retryAfter(_ response: HTTPResponse, now: Date) -> Span? {
        guard let value = response.headers["retry-after"]?.trimmingCharacters(in: .whitespaces) else { return nil }
        var seconds: Int64?
        if let n = Int64(value) {
            seconds = n
        } else {
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss zzz"
            if let date = formatter.date(from: value) { seconds = Int64(date.timeIntervalSince(now).rounded(.up)) }
        }
        return seconds.map { Span.seconds(min(max($0, 0), 3_600)) }
    }
}
