import Foundation
import LinliCore

extension Engine {
    /// The community's UTC offset at `instant`, in seconds.
    func offset(at instant: Instant) -> Int {
        timeZone.secondsFromGMT(for: Date(timeIntervalSince1970: Double(instant.milliseconds) / 1000))
    }

    /// Writes a timestamp in the community's offset, for outbound events.
    public var formatTime: @Sendable (Instant) -> String {
        let tz = timeZone
        return { instant in
            RFC3339.format(instant, offsetSeconds: tz.secondsFromGMT(for: Date(timeIntervalSince1970: Double(instant.milliseconds) / 1000)))
        }
    }
}
