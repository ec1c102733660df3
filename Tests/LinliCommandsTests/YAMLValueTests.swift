import LinliCommands
import Testing

/// The YAML reader every configuration file goes through.
@Suite struct YAMLValueTests {
    @Test(arguments: ["~", "null", "Null", "NULL", "", "!!null x"])
    func everySpellingOfNothingIsAbsent(_ written: String) throws {
        let root = try YAMLValue.parse("captain: \(written)\nname: x\n", file: "t.yaml")
        #expect(root["captain"] == nil)
        #expect(try root.required("name").string() == "x")
    }

    @Test func scalarsAreTextReadAsAskedAndQuotedNothingIsText() throws {
        let root = try YAMLValue.parse("n: 012\nb: yes\nq: \"null\"\nt: 3.10\n", file: "t.yaml")
        #expect(try root.required("n").string() == "012", "no number resolved behind the reader's back")
        #expect(try root.required("n").int() == 12)
        #expect(try root.required("b").bool())
        #expect(try root.required("q").string() == "null")
        #expect(try root.required("t").string() == "3.10")
    }

    @Test func duplicateKeysAreStillRefusedWithTheirLine() throws {
        #expect {
            try YAMLValue.parse("a: 1\nb: 2\na: 3\n", file: "t.yaml")
        } throws: { error in
            guard let e = error as? YAMLFileError else { return false }
            return e.file == "t.yaml" && e.description.contains("a")
        }
    }
}
