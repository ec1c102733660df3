import LinliCore

/// Quantities of items (`借两把伞`, `借 2 把伞`, `borrow two umbrellas`).
extension TextCursor {
    /// What a quantity at the cursor reads as.
    enum Quantity: Equatable {
        /// A count, the cursor past it and before any measure word.
        case count(Int)
        /// Meant as a quantity but not a usable one (`0`, `-1`, `很多`).
        case wrong(Localized)
    }

    /// Chinese measure words that may follow a count (`两把伞`, `3个充电宝`).
    static let measureWords: Set<Unicode.Scalar> = [
        "把", "个", "台", "件", "只", "份", "套", "顶", "本", "支", "块", "张", "副", "辆", "部", "双", "条", "根", "瓶", "盒", "袋", "包", "次", "位",
    ]

    static let englishNumbers: [(String, Int)] = [
        ("one", 1), ("two", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6), ("seven", 7), ("eight", 8), ("nine", 9), ("ten", 10),
        ("eleven", 11), ("twelve", 12), ("a couple of", 2), ("a pair of", 2), ("an", 1), ("a", 1),
    ]

    /// Words for "some" or "many": a quantity, but not a number.
    static let vagueAmounts = ["很多", "好多", "许多", "一些", "一点", "若干", "几", "some", "many", "a few", "a lot of", "lots of", "several"]

    /// A count at the cursor, nil (cursor unmoved) when there is none. A Chinese numeral
    /// counts only before a measure word or a separator (`一般` is not 1); digits and
    /// English words only as a word of their own.
    mutating func takeQuantity() -> Quantity? {
        let howMany = Localized(
            zh: "请写明数量（正整数），例如：借 2 把伞。", en: "Say how many as a whole number, e.g. borrow 2 umbrellas.")
        if pos + 1 < chars.count, chars[pos] == "-", Grammar.isDigit(chars[pos + 1]) { return .wrong(howMany) }
        for word in Self.vagueAmounts {
            let w = Grammar.loweredScalars(word)
            guard let n = matchLength(w) else { continue }
            if w.allSatisfy(\.isASCII), pos + n < chars.count, chars[pos + n] != " " { continue }
            return .wrong(howMany)
        }
        var probe = self
        var n: Int?
        // `umbrella x2`, `借伞×2`: a count written as a multiplication.
        let times = pos + 1 < chars.count && ["x", "×", "*"].contains(lower[pos]) && Grammar.isDigit(chars[pos + 1]) ? 1 : 0
        if pos + times < chars.count, Grammar.isDigit(chars[pos + times]) {
            probe.pos += times
            let start = probe.pos
            var j = start
            while j < chars.count, Grammar.isDigit(chars[j]) { j += 1 }
            guard j == chars.count || !Grammar.isASCIILetter(chars[j]) else { return nil }
            guard j - start <= 9 else { return .wrong(howMany) }
            if j + 1 < chars.count, chars[j] == ".", Grammar.isDigit(chars[j + 1]) { return .wrong(howMany) }
            n = Int(Self.string(chars[start..<j]))
            probe.pos = j
        } else if pos < chars.count, Grammar.isCJK(chars[pos]) {
            guard let value = probe.takeNumber(), probe.pos < chars.count,
                Self.measureWords.contains(probe.lower[probe.pos]) || Self.separators.contains(chars[probe.pos])
            else { return nil }
            n = value
        } else {
            for (word, value) in Self.englishNumbers {
                let w = Grammar.loweredScalars(word)
                guard let len = probe.matchLength(w), pos + len < chars.count, chars[pos + len] == " " else { continue }
                probe.pos += len
                n = value
                break
            }
        }
        guard let n else { return nil }
        guard n >= 1 else { return .wrong(Localized(zh: "数量至少是 1。", en: "The quantity is at least 1.")) }
        self = probe
        return .count(n)
    }

    /// Moves past a measure word (and the spaces around it) at the cursor, if there is one.
    mutating func skipMeasureWord() {
        skipSpaces()
        guard pos < chars.count, Self.measureWords.contains(lower[pos]) else { return }
        pos += 1
        skipSpaces()
    }

    /// A length after a start time (`3pm for 2 hours`, `下午3点 两个小时`, `一个半小时`, `90分钟`,
    /// `half an hour`), in minutes; nil, the cursor unmoved, when there is none.
    mutating func takeDuration() -> Int? {
        let start = pos
        if take("for") { skipSpaces() }
        if let minutes = Self.lengths.first(where: { take($0.0) })?.1 { return minutes }
        if let n = takeNumber() ?? Self.englishNumbers.prefix(12).first(where: { take($0.0) })?.1 {
            skipSpaces()
            let half = take("个半") || take("半") ? 30 : 0
            skipSpaces()
            _ = take("个")
            if Self.hourWords.contains(where: { take($0) }) { return n * 60 + half }
            if half == 0, Self.minuteWords.contains(where: { take($0) }) { return n }
        }
        pos = start
        return nil
    }

    static let lengths = [("半个小时", 30), ("半小时", 30), ("half an hour", 30), ("an hour and a half", 90), ("an hour", 60), ("one hour", 60)]
    static let hourWords = ["小时", "钟头", "hours", "hour", "hrs", "hr"]
    static let minuteWords = ["分钟", "minutes", "minute", "mins", "min"]
}
