import LinliCore
import Testing

@testable import LinliCommands

/// The parser reads a record id straight from the message's scalars; it must read
/// exactly what `RecordID(parsing:)` reads from the same token.
@Suite struct RecordTokenTests {
    static let letters = ["R", "r", "B", "s", "E", "w", "P", "v", "A", "a", "X", "z", "#R", "#b", "#", ""]
    static let numbers = ["", "0", "00", "1", "01", "007", "42", "123456789", "000000001", "1234567890", "99999999999999999999"]
    static let after = ["", " ", " 好的", "x", "9x", "号", ",", "-1", ".5", "楼"]

    @Test func readsWhatRecordIDParsingReads() {
        var read = 0
        for letter in Self.letters {
            for number in Self.numbers {
                for tail in Self.after {
                    var cursor = TextCursor(letter + number + tail)
                    let token = letter + number + (tail.first.map { Grammar.isWordChar($0.unicodeScalars.first!) } == true ? tail : "")
                    let expected = RecordID(parsing: Substring(token))
                    let got = cursor.takeRecord()
                    #expect(got == expected, "\(letter + number + tail)")
                    if let got {
                        read += 1
                        #expect(cursor.pos == (letter + number).unicodeScalars.count)
                        #expect(got.description == got.kind.rawValue + String(Int(number)!))
                    } else {
                        #expect(cursor.pos == 0)
                    }
                }
            }
        }
        // R, r, B, s, E, w, P, v, A, a, #R, #b with the six good numbers, before the
        // eight tails that end the token.
        #expect(read == 12 * 6 * 8)
    }
}

/// A message of record ids, numbers and marks alone is in no language (PROTOCOL.md §2.3);
/// `hasWords` reads the text as typed, as it would read it folded.
@Suite struct WordlessTests {
    @Test(arguments: [
        ("R1", false), ("+1 P1", false), ("Ｒ１", false), ("ａ1", false), ("b3-1203", false), ("１２ ３", false),
        ("ok", true), ("a", true), ("a\u{200B}1", true), ("ｏｋ", true), ("好", true), ("R1 thanks", true), ("　R1　", false),
    ])
    func wordsAreFoundAsInTheFoldedText(text: String, words: Bool) {
        #expect(CommandParser.hasWords(text) == words)
        #expect(CommandParser.hasWords(Grammar.fold(text)) == words)
    }
}
