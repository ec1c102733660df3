import Foundation
import LinliCommands
import LinliCore
import LinliTesting
import Testing

/// Commands are declared once: a family's `ID` cases are exactly the ids of its
/// catalog file, and everything else (known ids, names, routing) is derived.
@Suite struct FamilyCatalogTests {
    static let catalog = try! Catalog.load(directory: Fixtures.commandsPath)

    @Test(arguments: Command.families.map { $0.family })
    func aFamilysIDsAreItsCatalogFilesIDs(_ family: String) throws {
        let type = try #require(Command.families.first { $0.family == family })
        let file = Fixtures.root.appendingPathComponent("commands/\(family).yaml").path
        #expect(FileManager.default.fileExists(atPath: file), "a family has a catalog file of its name")
        var own = Catalog(commands: [])
        try own.merge(yaml: try String(contentsOfFile: file, encoding: .utf8), file: file)
        #expect(own.commands.allSatisfy { $0.family == family }, "the file says family: \(family)")
        #expect(own.commands.map(\.id).sorted() == type.ids.sorted())
    }

    @Test func theKnownIDsAreEveryFamilysAndEachIDHasOneFamily() {
        let all = Command.families.flatMap { $0.ids }
        #expect(Set(all) == Command.knownIDs)
        #expect(all.count == Set(all).count, "an id belongs to one family")
        #expect(Set(Self.catalog.commands.map(\.id)) == Command.knownIDs)
    }

    @Test func theCatalogReadsTheFamiliesInTheirOrder() {
        let families = Self.catalog.commands.map(\.family).reduce(into: [String]()) { if $0.last != $1 { $0.append($1) } }
        #expect(families == Command.families.map { $0.family })
    }

    /// `cancel` is the work orders' word; a booking's record sends it to bookings,
    /// and this is decided in one place (`Command.init(id:args:)`).
    @Test func aSharedVerbGoesToTheFamilyThatOwnsTheRecordKind() {
        let r1 = Arguments(["record": .record(RecordID(.workOrder, 1))])
        let b2 = Arguments(["record": .record(RecordID(.booking, 2))])
        #expect(Command(id: "cancel", args: r1) == .workOrders(.cancel(RecordID(.workOrder, 1))))
        #expect(Command(id: "cancel", args: b2) == .bookings(.cancel(RecordID(.booking, 2))))
        #expect(Command(id: "cancel", args: b2)?.name == "cancel")
        #expect(Command(id: "cancel", args: Arguments()) == nil, "a required record missing")
        #expect(Command(id: "no-such-command", args: r1) == nil)
    }

    @Test func argumentsAreReadThroughTypedAccessors() {
        let args = Arguments(["n": .int(3), "t": .text("hi"), "r": .record(RecordID(.wish, 4)), "l": .lang(.en)])
        #expect(args.int("n") == 3 && args.text("t") == "hi" && args.record("r") == RecordID(.wish, 4) && args.lang("l") == .en)
        #expect(args.text("n") == nil && args.int("t") == nil && args.record() == nil, "a wrong type or name reads as absent")
    }
}

/// Words mean one thing: a word may start two commands only when the kind of the
/// record that follows tells them apart (`完成 W2` fulfils, `完成 R2 …` resolves).
@Suite struct WordsMeanOneThingTests {
    @Test func aSharedWordIsToldApartByItsRecordKinds() throws {
        let catalog = try Catalog.load(directory: Fixtures.commandsPath)
        var specsByWord: [String: [CommandSpec]] = [:]
        for spec in catalog.commands {
            for word in Set(spec.words.map { Grammar.fold($0.text).lowercased() }) { specsByWord[word, default: []].append(spec) }
        }
        for (word, specs) in specsByWord where specs.count > 1 {
            #expect(specs.filter(\.recordKinds.isEmpty).count <= 1, "“\(word)” starts \(specs.map(\.id)), more than one of which takes no record")
            for (i, a) in specs.enumerated() {
                for b in specs[(i + 1)...] {
                    #expect(Set(a.recordKinds).isDisjoint(with: b.recordKinds), "“\(word)” starts \(a.id) and \(b.id) for the same record kind")
                }
            }
        }
        #expect(specsByWord["完成"]?.map(\.id).sorted() == ["done", "fulfil"])
        #expect(specsByWord["通过"]?.map(\.id).sorted() == ["approve", "approve_member"])
    }

    @Test func theParserChoosesByTheRecord() throws {
        let parser = try Fixtures.parser()
        #expect(parser.parse("通过 B2") == .command(.bookings(.approve(RecordID(.booking, 2))), lang: .zh))
        #expect(parser.parse("通过 u-li") == .command(.people(.approveMember("u-li")), lang: .zh), "no record: the command that takes none")
        #expect(parser.parse("reject u-li wrong room") == .command(.people(.rejectMember("u-li", why: "wrong room")), lang: .en))
        #expect(parser.parse("完成 W2") == .command(.wishes(.fulfil(RecordID(.wish, 2))), lang: .zh))
        #expect(parser.parse("完成 R2 换了水管") == .command(.workOrders(.done(RecordID(.workOrder, 2), result: "换了水管")), lang: .zh))
    }
}
