import LinliCore

/// What a time range read came to.
public enum TimeRead: Equatable, Sendable {
    case times(TimeRange)
    /// There is a time, but it is wrong: why.
    case wrong(Localized)
}

extension Grammar {
    /// Reads a whole text as a date (for tests and tools).
    public static func date(_ text: String) -> DateSpec? {
        var c = TextCursor(fold(text))
        guard let d = c.takeDate(), c.atEnd else { return nil }
        return d
    }

    /// Reads a whole text as one time of day, in minutes (for tests and tools).
    public static func startTime(_ text: String) -> Int? {
        var c = TextCursor(fold(text))
        guard let t = c.takeStartTime(), c.atEnd else { return nil }
        return t
    }

    /// A whole number written in digits or in Chinese (`30`, `三十`, `两`), and nothing else.
    public static func number(_ text: String) -> Int? {
        var c = TextCursor(text, simplified: false)
        guard let n = c.takeNumber(), c.atEnd else { return nil }
        return n
    }

    /// Reads a whole text as a time range (for tests and tools); nil when it is not one.
    public static func times(_ text: String) -> TimeRead? {
        var c = TextCursor(fold(text))
        guard let t = c.takeTimeRange() else { return nil }
        if case .times = t, !c.atEnd { return nil }
        return t
    }
}

/// Dates and times as residents write them, in Chinese and English:
/// `2026-12-03`, `12-03`, `12月3日`, today/今天, tomorrow/明天, 后天, `thu`, `周四`,
/// `星期四`, next thu/下周四; `15:00-16:30`, `3pm`, `3-4pm`, `下午3点`, `下午三点到四点`, `晚上7点半`.
extension TextCursor {
    static let chineseDigits: [Unicode.Scalar: Int] = [
        "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10,
    ]

    /// Tries `word` at the cursor (case-insensitive) and moves past it.
    /// Moves past the English word that may come before an argument of this type and
    /// means nothing more: `the pavilion`, `on Saturday`, `from 5pm to 6pm`, `at 7pm`,
    /// and before whom a record goes (an argument named `to`): `to property`.
    mutating func skipFiller(before type: ArgType, named name: String = "") {
        let words: [String] =
            switch type {
            case .venue, .service: ["the "]
            case .date: ["on ", "this "]
            case .times: ["from "]
            case .time: ["at ", "from "]
            case .record: ["一下"]  // `催一下 R1`, `催办一下R1`
            case .word where name == "to": ["to ", "给"]  // `assign R1 to property`, `转交 R1 给物业`
            default: []
            }
        let before = pos
        guard words.contains(where: { take($0) }) else { return }
        skipSpaces()
        if atEnd { pos = before }
    }

    mutating func take(_ word: String) -> Bool {
        guard let n = matchLength(Grammar.loweredScalars(word)) else { return false }
        pos += n
        return true
    }

    /// A number in digits or Chinese numerals up to 99 (`12`, `十二`, `二十三`).
    mutating func takeNumber(maxDigits: Int = 4) -> Int? {
        var j = pos
        var value = 0
        while j < chars.count, Grammar.isDigit(chars[j]), j - pos < maxDigits {
            value = value * 10 + Int(chars[j].value - 48)
            j += 1
        }
        if j > pos {
            pos = j
            return value
        }
        // Chinese: 十, 十二, 二十, 二十三, 三
        var total = 0
        var current = 0
        var seen = false
        while j < chars.count, let d = Self.chineseDigits[lower[j]] {
            seen = true
            if d == 10 {
                total += (current == 0 ? 1 : current) * 10
                current = 0
            } else {
                current = d
            }
            j += 1
        }
        guard seen else { return nil }
        pos = j
        return total + current
    }

    // MARK: Dates

    static let englishMonths: [(String, Int)] = [
        ("january", 1), ("february", 2), ("march", 3), ("april", 4), ("may", 5), ("june", 6), ("july", 7), ("august", 8), ("september", 9),
        ("october", 10), ("november", 11), ("december", 12), ("jan", 1), ("feb", 2), ("mar", 3), ("apr", 4), ("jun", 6), ("jul", 7), ("aug", 8),
        ("sept", 9), ("sep", 9), ("oct", 10), ("nov", 11), ("dec", 12),
    ]

    static let englishWeekdays: [(String, Int)] = [
        ("monday", 1), ("tuesday", 2), ("wednesday", 3), ("thursday", 4), ("friday", 5), ("saturday", 6), ("sunday", 7),
        ("tues", 2), ("thurs", 4), ("thur", 4), ("mon", 1), ("tue", 2), ("wed", 3), ("thu", 4), ("fri", 5), ("sat", 6), ("sun", 7),
    ]
    static let chineseWeekdays: [Unicode.Scalar: Int] = [
        "一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "日": 7, "天": 7, "1": 1, "2": 2, "3": 3, "4": 4, "5": 5, "6": 6, "7": 7,
    ]

    /// A date at the cursor; the cursor does not move when there is none.
    mutating func takeDate() -> DateSpec? {
        let start = pos
        if let d = dateWord() { return d }
        pos = start
        if let d = numericDate() { return d }
        pos = start
        return nil
    }

    private mutating func dateWord() -> DateSpec? {
        for (word, days) in [
            ("day after tomorrow", 2), ("大后天", 3), ("后天", 2), ("today", 0), ("今天", 0), ("今日", 0), ("tomorrow", 1), ("明天", 1), ("明日", 1),
            ("tmrw", 1), ("tmr", 1), ("yesterday", -1), ("昨天", -1), ("前天", -2),
        ] where take(word) {
            return .relative(days: days)
        }
        // `今晚7点`, `明早8点`: the day, and its half left for the times.
        for (word, days) in [("今晚", 0), ("今早", 0), ("明晚", 1), ("明早", 1)] where take(word) {
            pos -= 1
            return .relative(days: days)
        }
        // `dec 5`, `December 5th`, `5 Dec`
        for (word, month) in Self.englishMonths where take(word) {
            _ = take(".")  // `Dec. 5`
            skipSpaces()
            guard let day = takeNumber(maxDigits: 2) else { return nil }
            _ = take("st") || take("nd") || take("rd") || take("th")
            return boundaryAfterDate() ? .monthDay(month: month, day: day) : nil
        }
        let start = pos
        if let day = takeNumber(maxDigits: 2), !chars[start].properties.isIdeographic {
            _ = take("st") || take("nd") || take("rd") || take("th")
            skipSpaces()
            if let (_, month) = Self.englishMonths.first(where: { take($0.0) }), boundaryAfterDate() { return .monthDay(month: month, day: day) }
        }
        pos = start
        var next = false
        if take("next ") || take("下周") || take("下星期") || take("下礼拜") {
            next = true
            if let w = chineseWeekday() { return .weekday(w, nextWeek: true) }
        } else if take("this ") || take("本周") || take("这周") {
            if let w = chineseWeekday() { return .weekday(w, nextWeek: false) }
        }
        if take("周") || take("星期") || take("礼拜") {
            if let w = chineseWeekday() { return .weekday(w, nextWeek: next) }
            return nil
        }
        for (word, w) in Self.englishWeekdays where take(word) { return .weekday(w, nextWeek: next) }
        return nil
    }

    private mutating func chineseWeekday() -> Int? {
        guard pos < chars.count, let w = Self.chineseWeekdays[chars[pos]] else { return nil }
        pos += 1
        return w
    }

    private func boundaryAfterDate() -> Bool {
        pos == chars.count || !(Grammar.isWordChar(chars[pos]) || chars[pos] == ":" || chars[pos] == "：")
    }

    private mutating func numericDate() -> DateSpec? {
        let start = pos
        guard let first = takeNumber() else { return nil }
        let fourDigits = pos - start == 4  // `0001-01-01` is a year too (refused later as out of range)
        // `2026年12月5日`
        if fourDigits, pos < chars.count, chars[pos] == "年" {
            pos += 1
            guard let month = takeNumber(maxDigits: 2), pos < chars.count, chars[pos] == "月" else { return nil }
            pos += 1
            guard let day = takeNumber(maxDigits: 2) else { return nil }
            if pos < chars.count, chars[pos] == "日" || chars[pos] == "号" { pos += 1 }
            return .absolute(year: first, month: month, day: day)
        }
        if pos < chars.count, chars[pos] == "月" {
            pos += 1
            guard let day = takeNumber(maxDigits: 2), day >= 1, day <= 31 else { return nil }
            if pos < chars.count, chars[pos] == "日" || chars[pos] == "号" { pos += 1 }
            return (1...12).contains(first) ? .monthDay(month: first, day: day) : nil
        }
        guard pos < chars.count, chars[pos] == "-" || chars[pos] == "/" || chars[pos] == "." else { return nil }
        let separator = chars[pos]
        pos += 1
        guard let second = takeNumber(maxDigits: 2) else { return nil }
        if first >= 1000 || fourDigits {
            guard pos < chars.count, chars[pos] == separator else { return nil }
            pos += 1
            guard let third = takeNumber(maxDigits: 2), boundaryAfterDate() else { return nil }
            return .absolute(year: first, month: second, day: third)
        }
        guard (1...12).contains(first), (1...31).contains(second), boundaryAfterDate() else { return nil }
        return .monthDay(month: first, day: second)
    }

    // MARK: Times

    /// A time of day: the start of a range, or one time (`19:00`, `7pm`, `晚上7点`).
    mutating func takeStartTime() -> Int? {
        let start = pos
        if case .times(let t)? = takeTimeRange() { return t.start }
        pos = start
        guard let (h, m, half, explicit) = clockTime(asEnd: true), explicit, let minutes = minutes(h, m, half), minutes < 1440 else {
            pos = start
            return nil
        }
        return minutes
    }

    private enum Half { case am, pm, noon, evening }

    /// The words for a half of the day that may stand before a clock time.
    private static let halves: [(String, Half)] = [
        ("上午", .am), ("早上", .am), ("早晨", .am), ("凌晨", .am), ("中午", .noon), ("下午", .pm), ("傍晚", .pm), ("晚上", .evening), ("夜里", .evening),
        ("in the morning", .am), ("in the afternoon", .pm), ("in the evening", .evening), ("morning", .am), ("afternoon", .pm), ("evening", .evening),
        ("晚", .evening), ("早", .am),  // after `今晚`, `明早` (the day read)
    ]

    /// Whether all that is left is a half of the day with no clock time (`明天下午`,
    /// `tomorrow afternoon`): the times are still to be asked for.
    var isHalfOfTheDayAlone: Bool {
        let rest = self.rest.lowercased().split { $0.isWhitespace || $0.isPunctuation }.joined(separator: " ")
        return Self.halves.contains { $0.0 == rest }
    }

    /// What stands between a range's start and end (`15:00～16:00`: the tilde Chinese input writes full-width).
    static let rangeMarks: [Unicode.Scalar] = ["-", "~", "～", "〜", "到", "至", "–", "—"]

    /// A time range at the cursor: nil when there is none (cursor unmoved), or the
    /// problem with one that is there but wrong (end before start, a bad hour).
    mutating func takeTimeRange() -> TimeRead? {
        let start = pos
        guard let (h1, m1, half1, explicit1) = clockTime(asEnd: false) else {
            pos = start
            return nil
        }
        skipSpaces()
        guard Self.rangeMarks.contains(where: { take(String($0)) }) || take("to ") else {
            // A start alone (`下午3点`, `3pm`, `15:00`): the venue's minimum length, decided by the booking.
            guard explicit1, let b = minutes(h1, m1, half1), b < 1440 else {
                return .wrong(Localized(zh: "请写开始和结束时间，例如 15:00-16:30 或 下午3点到5点。", en: "Give a start and an end, e.g. 15:00-16:30 or 3-4pm."))
            }
            // `3pm for 2 hours`, `下午3点 两个小时`: a start and a length. `三点` without 上午/下午:
            // which half of the day, the booking decides, as for 三点到四点.
            let ambiguous = half1 == nil && b < 12 * 60 && !chars[start..<pos].contains(where: { $0 == ":" || $0 == "：" })
            let length = takeDuration() ?? 0
            return .times(TimeRange(start: b, end: min(b + length, 1440), ambiguous: ambiguous))
        }
        skipSpaces()
        let second = pos
        guard let (h2, m2, half2, explicit2) = clockTime(asEnd: true) else {
            if !explicit1 {
                pos = start
                return nil
            }
            return .wrong(Localized(zh: "看不懂结束时间。", en: "The end time is unclear."))
        }
        // `12-03` is a date, not 12 to 3; `5-6` is five to six (which half of the day, the booking decides, as for 三点到四点).
        guard explicit1 || explicit2 || (h1 < h2 && h2 <= 12 && chars[second] != "0") else {
            pos = start
            return nil
        }
        // A half-day word on one side carries to the other: 3-4pm, 下午三点到四点.
        var end = minutes(h2, m2, half2 ?? half1)
        var begin = minutes(h1, m1, half1 ?? half2)
        if half1 == nil, let half2, let b = begin, let e = end, b >= e { begin = minutes(h1, m1, half2 == .pm ? .am : half2) }
        if half2 == nil, half1 != nil, let b = begin, let e = end, e <= b { end = minutes(h2, m2, .pm) }
        // `11点到1点`, `11:30-1:30`: an end on the clock's face past noon (people write 1 for 13 there).
        // Not `9点到9点` or `10点到9点`: a slip, not a twelve-hour booking.
        if half1 == nil, half2 == nil, h2 < 12, let b = begin, let e = end, e < b, e + 720 - b <= 360 { end = e + 720 }
        guard let b = begin, let e = end, b < 1440, e <= 1440 else {
            return .wrong(Localized(zh: "时间不对：小时是 0-24，分钟是 0-59。", en: "That is not a time of day."))
        }
        guard b < e else {
            return .wrong(Localized(zh: "结束时间要晚于开始时间（不能跨过午夜）。", en: "The end must be after the start (a booking cannot cross midnight)."))
        }
        let ambiguous = half1 == nil && half2 == nil && e <= 12 * 60 && !chars[start..<pos].contains(where: { $0 == ":" || $0 == "：" })
        return .times(TimeRange(start: b, end: e, ambiguous: ambiguous))
    }

    /// A time of day: hour, minute, half-day word, and whether it is unmistakably a
    /// time (a colon, 点, am/pm or 上午/下午) rather than a bare number.
    private mutating func clockTime(asEnd: Bool) -> (Int, Int, Half?, Bool)? {
        let start = pos
        var half: Half?
        // `下午 3点到5点`, `下午 下午3点到5点`: an answer to “几点到几点？” after `预约凉亭明天下午`.
        while let (_, h) = Self.halves.first(where: { take($0.0) }) {
            half = h
            skipSpaces()
        }
        guard let hour = takeNumber(maxDigits: 2) else {
            pos = start
            return nil
        }
        var minute = 0
        var explicit = half != nil
        if pos < chars.count, chars[pos] == ":" || chars[pos] == "：" {
            explicit = true
            pos += 1
            guard let m = takeNumber(maxDigits: 2) else { return nil }
            minute = m
        } else if pos < chars.count, chars[pos] == "点" || chars[pos] == "时" {
            explicit = true
            pos += 1
            if take("钟") {
                // 三点钟: on the hour.
            } else if take("半") {
                minute = 30
            } else if take("一刻") {
                minute = 15
            } else if take("三刻") {
                minute = 45
            } else {
                // 3点30分, and 3点30 as people write it; not 7点30人 (a count after the time).
                let before = pos
                if let m = takeNumber(maxDigits: 2), m < 60, !(pos < chars.count && "人名位个".unicodeScalars.contains(chars[pos])) {
                    if pos < chars.count, chars[pos] == "分" { pos += 1 }
                    minute = m
                } else {
                    pos = before
                }
            }
        } else if half == nil {
            // A bare number is a time only with am/pm after it (3pm, 3 pm) or in a range (3-4pm).
            let before = pos
            skipSpaces()
            if !(take("am") || take("a.m.") || take("pm") || take("p.m.")) {
                pos = before
                guard asEnd || (pos < chars.count && Self.rangeMarks.contains(chars[pos])) || isRangeWordAhead() else {
                    pos = start
                    return nil
                }
                return (hour, 0, nil, false)
            }
            pos = before
        }
        let before = pos
        skipSpaces()
        if take("am") || take("a.m.") {
            half = .am
            explicit = true
        } else if take("pm") || take("p.m.") {
            half = .pm
            explicit = true
        } else {
            pos = before
        }
        return (hour, minute, half, explicit)
    }

    private func isRangeWordAhead() -> Bool {
        var probe = self
        probe.skipSpaces()
        return probe.take("to ")
    }

    /// Minutes after midnight, or nil for an impossible hour.
    private func minutes(_ hour: Int, _ minute: Int, _ half: Half?) -> Int? {
        var h = hour
        switch half {
        case .am?:
            guard (0...12).contains(h) else { return nil }
            if h == 12 { h = 0 }
        case .pm?, .evening?:
            // `下午15:00`: a 24-hour clock time after the half of the day is as written.
            guard (0...23).contains(h) else { return nil }
            if h < 12 { h += 12 } else if h == 12, half == .evening { h = 24 }
        case .noon?:
            guard (11...13).contains(h) || (1...2).contains(h) else { return nil }
            if h <= 2 { h += 12 }
        case nil:
            guard (0...24).contains(h) else { return nil }
        }
        guard minute < 60, h < 24 || minute == 0 else { return nil }
        return h * 60 + minute
    }
}
