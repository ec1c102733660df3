/// RFC 3339 timestamps, parsed and written without Foundation's formatters
/// (they are slow and their output varies between platforms).
public enum RFC3339 {
    /// Parses `2026-11-28T09:00:00+08:00`, `2026-11-28T01:00:00Z`, with optional
    /// fractional seconds and a `t`/space separator. Returns nil for anything else.
    public static func parse(_ text: String) -> Instant? {
        let b = Array(text.utf8)
        var i = 0
        func digits(_ n: Int) -> Int? {
            guard i + n <= b.count else { return nil }
            var v = 0
            for k in i..<(i + n) {
                let c = b[k]
                guard c >= 48, c <= 57 else { return nil }
                v = v * 10 + Int(c - 48)
            }
            i += n
            return v
        }
        func expect(_ set: [UInt8]) -> Bool {
            guard i < b.count, set.contains(b[i]) else { return false }
            i += 1
            return true
        }
        guard let year = digits(4), expect([45]), let month = digits(2), expect([45]), let day = digits(2),
            expect([84, 116, 32]), let hour = digits(2), expect([58]), let minute = digits(2), expect([58]),
            let second = digits(2)
        else { return nil }
        guard (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year),
            hour < 24, minute < 60, second < 61
        else { return nil }
        var millis = 0
        if i < b.count, b[i] == 46 {
            i += 1
            var scale = 100
            var count = 0
            while i < b.count, b[i] >= 48, b[i] <= 57 {
                millis += Int(b[i] - 48) * scale
                scale /= 10
                count += 1
                i += 1
            }
            guard count > 0 else { return nil }
        }
        guard i < b.count else { return nil }
        var offset = 0
        switch b[i] {
        case 90, 122: i += 1
        case 43, 45:
            let sign = b[i] == 45 ? -1 : 1
            i += 1
            guard let oh = digits(2), expect([58]), let om = digits(2), oh < 24, om < 60 else { return nil }
            offset = sign * (oh * 3600 + om * 60)
        default: return nil
        }
        guard i == b.count else { return nil }
        let days = daysFromCivil(year: year, month: month, day: day)
        let seconds = Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + min(second, 59)) - Int64(offset)
        return Instant(milliseconds: seconds * 1000 + Int64(millis))
    }

    /// Writes `2026-11-28T09:00:00+08:00` (or `Z` for a zero offset); milliseconds
    /// are written only when they are not zero.
    public static func format(_ instant: Instant, offsetSeconds: Int) -> String {
        let local = instant.milliseconds + Int64(offsetSeconds) * 1000
        let millis = Int(((local % 1000) + 1000) % 1000)
        let totalSeconds = (local - Int64(millis)) / 1000
        let days = Int(floorDivide(totalSeconds, 86_400))
        let secondOfDay = Int(totalSeconds - Int64(days) * 86_400)
        let (y, m, d) = civilFromDays(days)
        // Digits into one buffer: this runs for every event written, so no string per field.
        var out: [UInt8] = []
        out.reserveCapacity(32)
        func digits(_ v: Int, _ width: Int) {
            var divisor = 1
            for _ in 1..<width { divisor *= 10 }
            guard v >= 0, v / divisor < 10 else {  // wider than `width`: as many digits as it takes
                out += Array(String(v).utf8)
                return
            }
            while divisor > 0 {
                out.append(UInt8(48 + v / divisor % 10))
                divisor /= 10
            }
        }
        digits(y, 4)
        out.append(45)
        digits(m, 2)
        out.append(45)
        digits(d, 2)
        out.append(84)
        digits(secondOfDay / 3600, 2)
        out.append(58)
        digits(secondOfDay / 60 % 60, 2)
        out.append(58)
        digits(secondOfDay % 60, 2)
        if millis != 0 {
            out.append(46)
            digits(millis, 3)
        }
        if offsetSeconds == 0 {
            out.append(90)
        } else {
            let a = abs(offsetSeconds)
            out.append(offsetSeconds < 0 ? 45 : 43)
            digits(a / 3600, 2)
            out.append(58)
            digits(a / 60 % 60, 2)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Division rounding towards minus infinity.
    public static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 { a >= 0 ? a / b : -((-a + b - 1) / b) }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm).
    public static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The civil date of a day count since 1970-01-01.
    public static func civilFromDays(_ days: Int) -> (year: Int, month: Int, day: Int) {
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }
}
