import LinliCommands
import LinliCore
import LinliTesting
import Testing

private let r1 = RecordID(.workOrder, 1)

@Suite struct ParserTableTests {
    static let parser = try! Fixtures.parser()

    /// What people type, and the command it must be.
    static let phrases: [(String, Command, Lang)] = [
        ("report leak 501 kitchen ceiling dripping", .workOrders(.report(category: "leak", place: "501", details: "kitchen ceiling dripping")), .en),
        ("报修 漏水 501 厨房天花板滴水", .workOrders(.report(category: "leak", place: "501", details: "厨房天花板滴水")), .zh),
        ("报修漏水501厨房天花板滴水", .workOrders(.report(category: "leak", place: "501", details: "厨房天花板滴水")), .zh),
        ("报修　漏水　５０１　厨房天花板滴水", .workOrders(.report(category: "leak", place: "501", details: "厨房天花板滴水")), .zh),
        ("ＲＥＰＯＲＴ ｌｅａｋ ｂａｔｈｒｏｏｍ", .workOrders(.report(category: "leak", place: nil, details: "bathroom")), .en),
        ("Report Leak bathroom", .workOrders(.report(category: "leak", place: nil, details: "bathroom")), .en),
        ("报事 渗水 卫生间墙面", .workOrders(.report(category: "leak", place: nil, details: "卫生间墙面")), .zh),
        ("反映 滴水 阳台", .workOrders(.report(category: "leak", place: nil, details: "阳台")), .zh),
        ("report power whole floor dark", .workOrders(.report(category: "power", place: nil, details: "whole floor dark")), .en),
        ("报修 停电 整层楼没电", .workOrders(.report(category: "power", place: nil, details: "整层楼没电")), .zh),
        ("report water no water since 8am", .workOrders(.report(category: "water", place: nil, details: "no water since 8am")), .en),
        ("报修 停水 早上八点开始", .workOrders(.report(category: "water", place: nil, details: "早上八点开始")), .zh),
        ("report elevator stuck on 7", .workOrders(.report(category: "elevator", place: nil, details: "stuck on 7")), .en),
        ("report lift door broken", .workOrders(.report(category: "elevator", place: nil, details: "door broken")), .en),
        ("报修 电梯 困在7楼", .workOrders(.report(category: "elevator", place: nil, details: "困在7楼")), .zh),
        ("report noise drilling after 11pm", .workOrders(.report(category: "noise", place: nil, details: "drilling after 11pm")), .en),
        ("投诉 噪音 楼上每晚装修", .workOrders(.report(category: "noise", place: nil, details: "楼上每晚装修")), .zh),
        ("report garbage bins overflowing", .workOrders(.report(category: "garbage", place: nil, details: "bins overflowing")), .en),
        ("反映 垃圾 垃圾桶满了", .workOrders(.report(category: "garbage", place: nil, details: "垃圾桶满了")), .zh),
        ("report parking car blocking the gate", .workOrders(.report(category: "parking", place: nil, details: "car blocking the gate")), .en),
        ("反映 乱停车 消防通道被堵", .workOrders(.report(category: "parking", place: nil, details: "消防通道被堵")), .zh),
        ("report streetlight out by gate 2", .workOrders(.report(category: "light", place: nil, details: "out by gate 2")), .en),
        ("报修 路灯 二号门路灯不亮", .workOrders(.report(category: "light", place: nil, details: "二号门路灯不亮")), .zh),
        ("report safety loose railing", .workOrders(.report(category: "safety", place: nil, details: "loose railing")), .en),
        ("报告 安全隐患 楼道堆放杂物", .workOrders(.report(category: "safety", place: nil, details: "楼道堆放杂物")), .zh),
        ("report dispute neighbour's dog", .workOrders(.report(category: "dispute", place: nil, details: "neighbour's dog")), .en),
        ("反映 纠纷 邻居漏水不处理", .workOrders(.report(category: "dispute", place: nil, details: "邻居漏水不处理")), .zh),
        ("report other bench broken", .workOrders(.report(category: "other", place: nil, details: "bench broken")), .en),
        ("报修 其他 长椅坏了", .workOrders(.report(category: "other", place: nil, details: "长椅坏了")), .zh),
        ("报修 水管爆了", .workOrders(.report(category: "leak", place: nil, details: "水管爆了")), .zh),
        ("report leak b3-501 ceiling", .workOrders(.report(category: "leak", place: "b3-501", details: "ceiling")), .en),
        ("报修 漏水 3栋501 厨房", .workOrders(.report(category: "leak", place: "3栋501", details: "厨房")), .zh),
        ("报修 漏水 3-2-501室 厨房", .workOrders(.report(category: "leak", place: "3-2-501室", details: "厨房")), .zh),
        ("status", .workOrders(.status(nil)), .en),
        ("status R1", .workOrders(.status(r1)), .en),
        ("STATUS #r1", .workOrders(.status(r1)), .en),
        ("进度", .workOrders(.status(nil)), .zh),
        ("进度 R1", .workOrders(.status(r1)), .zh),
        ("进度R1", .workOrders(.status(r1)), .zh),
        ("查询 ＃Ｒ１", .workOrders(.status(r1)), .zh),
        ("进度，R1", .workOrders(.status(r1)), .zh),
        ("进展 R1：师傅十点上门，先关总阀", .workOrders(.note(r1, text: "师傅十点上门，先关总阀")), .zh),
        ("urge R1", .workOrders(.urge(r1, note: nil)), .en),
        ("催办 R1", .workOrders(.urge(r1, note: nil)), .zh),
        ("催 r1", .workOrders(.urge(r1, note: nil)), .zh),
        ("cancel R1", .workOrders(.cancel(r1)), .en),
        ("撤销 R1", .workOrders(.cancel(r1)), .zh),
        ("取消 R1", .workOrders(.cancel(r1)), .zh),
        ("rate R1 5", .workOrders(.rate(r1, score: 5, comment: nil)), .en),
        ("rate R1 4 quick and tidy", .workOrders(.rate(r1, score: 4, comment: "quick and tidy")), .en),
        ("评价 R1 5分 师傅很负责", .workOrders(.rate(r1, score: 5, comment: "师傅很负责")), .zh),
        ("评分 R1 3星", .workOrders(.rate(r1, score: 3, comment: nil)), .zh),
        ("reopen R1 still dripping", .workOrders(.reopen(r1, why: "still dripping")), .en),
        ("not fixed R1", .workOrders(.reopen(r1, why: nil)), .en),
        ("没解决 R1 还在滴水", .workOrders(.reopen(r1, why: "还在滴水")), .zh),
        ("accept R1", .workOrders(.accept(r1)), .en),
        ("签收 R1", .workOrders(.accept(r1)), .zh),
        ("接单R1", .workOrders(.accept(r1)), .zh),
        ("assign R1 property", .workOrders(.assign(r1, to: "property")), .en),
        ("交办 R1 u-wang", .workOrders(.assign(r1, to: "u-wang")), .zh),
        ("派单 R1 @王磊", .workOrders(.assign(r1, to: "@王磊")), .zh),
        ("note R1 plumber at 3pm", .workOrders(.note(r1, text: "plumber at 3pm")), .en),
        ("进展 R1 师傅下午三点上门", .workOrders(.note(r1, text: "师傅下午三点上门")), .zh),
        ("done R1 replaced the joint", .workOrders(.done(r1, result: "replaced the joint")), .en),
        ("办结 R1 已更换接头", .workOrders(.done(r1, result: "已更换接头")), .zh),
        ("修好了 R1 换了水管", .workOrders(.done(r1, result: "换了水管")), .zh),
        ("queue", .workOrders(.queue), .en),
        ("待办", .workOrders(.queue), .zh),
        ("help", .people(.help(topic: nil)), .en),
        ("help report", .people(.help(topic: "report")), .en),
        ("帮助", .people(.help(topic: nil)), .zh),
        ("帮助 报修", .people(.help(topic: "报修")), .zh),
        ("register 501", .people(.register(room: "501")), .en),
        ("登记 b3-501", .people(.register(room: "b3-501")), .zh),
        ("contacts", .people(.contacts), .en),
        ("联系人", .people(.contacts), .zh),
        ("lang en", .people(.lang(.en)), .en),
        ("语言 中文", .people(.lang(.zh)), .zh),
        ("language English", .people(.lang(.en)), .en),
    ]

    @Test(arguments: phrases.indices)
    func parses(_ i: Int) {
        let (text, command, lang) = Self.phrases[i]
        #expect(Self.parser.parse(text) == .command(command, lang: lang), "\(text)")
    }

    @Test func thereAreEnoughPhrasesInBothLanguages() {
        #expect(Self.phrases.count >= 60)
        #expect(Self.phrases.filter { $0.2 == .zh }.count >= 25)
        #expect(Self.phrases.filter { $0.2 == .en }.count >= 25)
    }

    static let unknown: [(String, String?)] = [
        ("reprot leak", "report"),
        ("stauts", "status"),
        ("acept R1", "accept"),
        ("报休 漏水", "报修"),
        ("签受 R1", "签收"),
        ("hello there", nil),
        ("今天天气不错", nil),
    ]

    @Test(arguments: unknown.indices)
    func unknownWordsGetDidYouMean(_ i: Int) {
        let (text, suggestion) = Self.unknown[i]
        guard case .failure(let error, _) = Self.parser.parse(text) else {
            Issue.record("\(text) should not parse")
            return
        }
        #expect(error.code == .unknownCommand)
        if let suggestion {
            #expect(error.message.zh.contains(suggestion) || error.message.en.contains(suggestion), "\(error.message)")
        } else {
            #expect(!error.message.en.contains("Did you mean"))
        }
    }

    static let usage: [String] = ["rate R1 9", "rate R1 fivefold", "rate R1 an excellent job", "status B1", "评价 R1 十分", "lang fr", "urge 1"]

    /// A polite word where a record is missing is no record: the record is asked for.
    @Test(arguments: [("accept please", "accept"), ("cancel my booking please", "cancel my booking"), ("签收 谢谢", "签收")])
    func aPoliteWordForAMissingRecordAsksForIt(_ text: String, _ soFar: String) {
        guard case .incomplete(_, let said, let missing, _) = Self.parser.parse(text) else {
            Issue.record("\(text) should ask for its record")
            return
        }
        #expect(said == soFar && missing.name == "record", "\(text): \(said)")
    }

    @Test(arguments: usage)
    func badArgumentsAreUsage(_ text: String) {
        guard case .failure(let error, _) = Self.parser.parse(text) else {
            Issue.record("\(text) should be refused")
            return
        }
        #expect(error.code == .usage, "\(text)")
        #expect(error.message.en.contains("Usage:"))
    }

    static let incomplete: [(String, String, String)] = [
        ("report", "report", "category"),
        ("报修", "report", "category"),
        ("report leak", "report", "details"),
        ("报修 漏水 501", "report", "details"),
        ("accept", "accept", "record"),
        ("rate R1", "rate", "score"),
        ("register", "register", "room"),
        ("done R2", "done", "result"),
    ]

    @Test(arguments: incomplete.indices)
    func missingArgumentsAskAQuestion(_ i: Int) {
        let (text, id, arg) = Self.incomplete[i]
        guard case .incomplete(let commandID, let soFar, let missing, _) = Self.parser.parse(text) else {
            Issue.record("\(text) should ask a question")
            return
        }
        #expect(commandID == id)
        #expect(missing.name == arg)
        #expect(missing.prompt != nil)
        #expect(soFar == text)
    }

    @Test func answeringTheQuestionCompletesTheCommand() {
        #expect(Self.parser.parse("报修 漏水" + " " + "厨房滴水") == .command(.workOrders(.report(category: "leak", place: nil, details: "厨房滴水")), lang: .zh))
        #expect(Self.parser.parse("rate R1" + " " + "4") == .command(.workOrders(.rate(r1, score: 4, comment: nil)), lang: .en))
    }
}

@Suite struct CatalogTests {
    static let parser = try! Fixtures.parser()

    static var examples: [(String, CommandExample)] {
        parser.catalog.commands.flatMap { spec in spec.examples.map { (spec.id, $0) } }
    }

    /// Every example in commands/ is a test case: it parses to its command with its arguments.
    @Test(arguments: examples.indices)
    func exampleParses(_ i: Int) {
        let (id, example) = Self.examples[i]
        guard case .command(let command, _) = Self.parser.parse(example.say) else {
            Issue.record("example “\(example.say)” of \(id) does not parse: \(Self.parser.parse(example.say))")
            return
        }
        #expect(command.name == id, "the command's name is its catalog id")
        let spec = Self.parser.catalog.spec(id)!
        var expected: [String: ArgValue] = [:]
        for arg in spec.args {
            guard let text = example.args[arg.name] else { continue }
            switch arg.type {
            case .record: expected[arg.name] = RecordID(parsing: Substring(text)).map(ArgValue.record)
            case .int, .quantity: expected[arg.name] = Int(text).map(ArgValue.int)
            case .lang: expected[arg.name] = Lang(rawValue: text).map(ArgValue.lang)
            case .date: expected[arg.name] = Grammar.date(text).map(ArgValue.date)
            case .times: if case .times(let t)? = Grammar.times(text) { expected[arg.name] = .times(t) }
            case .time: expected[arg.name] = Grammar.startTime(text).map(ArgValue.int)
            default: expected[arg.name] = .text(text)
            }
        }
        #expect(Command(id: id, args: expected) == command, "“\(example.say)”")
    }

    @Test func everyCommandHasExamplesInBothLanguagesAndIsKnown() {
        for spec in Self.parser.catalog.commands {
            #expect(Command.knownIDs.contains(spec.id), "\(spec.id)")
            #expect(spec.examples.contains { CommandParser.guessLang($0.say) == .zh }, "\(spec.id) has no Chinese example")
            #expect(spec.examples.contains { CommandParser.guessLang($0.say) == .en }, "\(spec.id) has no English example")
            #expect(spec.words.contains { $0.lang == .zh } && spec.words.contains { $0.lang == .en })
        }
        #expect(Set(Self.parser.catalog.commands.map(\.id)) == Command.knownIDs)
    }

    @Test func aLocalFileAddsSynonymsWithoutARebuild() throws {
        var catalog = Self.parser.catalog
        try catalog.merge(yaml: "family: local\ncommands:\n  - id: report\n    words: {zh: [报个修]}\n", file: "local.yaml")
        let parser = CommandParser(catalog: catalog, categories: try Fixtures.load().0.categories)
        #expect(parser.parse("报个修 漏水 厨房") == .command(.workOrders(.report(category: "leak", place: nil, details: "厨房")), lang: .zh))
    }

    @Test func aBrokenCatalogNamesFileAndLine() {
        var catalog = Catalog(commands: [])
        #expect {
            try catalog.merge(yaml: "commands:\n  - id: x\n    words: {en: [x]}\n    args:\n      - {name: a, type: colour}\n", file: "bad.yaml")
        } throws: { error in
            let e = error as? YAMLFileError
            return e?.file == "bad.yaml" && e?.line == 5 && e?.problem.contains("colour") == true
        }
    }
}

@Suite struct GrammarTests {
    @Test(arguments: [
        ("ＡＢＣ１２３", "ABC123"), ("报修　漏水", "报修 漏水"), ("  a \t b  ", "a b"), ("进度，R1。", "进度，R1。"), ("？", "?"), ("＃Ｒ１", "#R1"), ("", ""),
    ])
    func folds(input: String, output: String) {
        #expect(Grammar.fold(input) == output)
    }

    @Test(arguments: [
        ("report", "reprot", 1), ("status", "stauts", 1), ("报修", "报休", 1), ("", "abc", 3), ("kitten", "sitting", 3), ("same", "same", 0),
    ])
    func editDistance(a: String, b: String, d: Int) {
        #expect(Grammar.editDistance(Array(a), Array(b)) == d)
    }
}
