import Foundation
import LinliCore
import Synchronization

extension Engine {
    /// Writes a timestamp in the community's offset, for outbound events.
    public var formatTime: @Sendable (Instant) -> String {
        let tz = timeZone
        // Offsets change at most at an hour boundary: remember the last hour's.
        let cache = Mutex<(hour: Int64, offset: Int)>((.min, 0))
        return { instant in
            let hour = instant.milliseconds / 3_600_000
            let offset = cache.withLock { last in
                if last.hour != hour {
                    last = (hour, tz.secondsFromGMT(for: Date(timeIntervalSince1970: Double(instant.milliseconds) / 1000)))
                }
                return last.offset
            }
            return RFC3339.format(instant, offsetSeconds: offset)
        }
    }
}
