import LinliCore
import Testing

/// A published outcome names no one: not by the names in the community file, and not
/// as neighbours call each other (`楼上张先生`, `楼下李阿姨`), which went through.
@Suite struct AnonymiserTests {
    @Test func aSurnameWithHowNeighboursCallSomeoneIsHidden() {
        let anonymiser = Anonymiser(names: ["张伟"])
        let text = anonymiser.text("楼上张先生答应晚上十点后不开洗衣机，楼下李阿姨满意；张伟也同意")
        #expect(text == "楼上＊先生答应晚上十点后不开洗衣机，楼下＊阿姨满意；＊也同意", "\(text)")
        #expect(anonymiser.text("维修师傅换了水管，物业已确认") == "维修师傅换了水管，物业已确认", "no one named: unchanged")
    }

    /// A name written in letters is hidden word by word, in any case, as whole words
    /// only (`Emma` of Emma Brown; not the `lei` of `Leisure`).
    @Test func aNameInLettersIsHiddenWordByWord() {
        let anonymiser = Anonymiser(names: ["Emma Brown", "Wang Lei", "u-emma", "陈美玲"])
        let text = anonymiser.text("702陈美玲家的白色SUV已挪走，已提醒Emma和陈阿姨；told emma and Mr Brown, WANG too")
        #expect(text == "＊＊家的白色SUV已挪走，已提醒＊和＊阿姨；told ＊ and Mr ＊, ＊ too", "\(text)")
        #expect(anonymiser.text("Leisure room, Emmanuel's bike, a brownie") == "Leisure room, Emmanuel's bike, a brownie", "whole words only")
        // A name of one word in letters, too: in any case, and whole (it was matched inside words, as written).
        let single = Anonymiser(names: ["Emma", "Bo"])
        #expect(single.text("told emma and BO; Emmanuel moved the box") == "told ＊ and ＊; Emmanuel moved the box")
    }

    /// Each rule hides what it looks for, and only that; the quick tests that skip a
    /// rule for text that cannot hold its kind never skip one that can.
    @Test(arguments: [
        ("我是王小明，住三楼", "我是＊，住三楼"),
        ("本人李四，反映楼道灯", "本人＊，反映楼道灯"),
        ("联系 zhang@example.com 或 ＠王五 都行", "联系 ＊ 或 ＊ 都行"),
        ("电话 138 0013 8000，1203 室", "电话 ＊，＊ 室"),
        ("全角号码 １２０３ 室", "全角号码 ＊ 室"),
        ("楼下赵大爷说好了", "楼下＊大爷说好了"),
        ("12 号楼的灯修好了", "12 号楼的灯修好了"), ("门牌 123 号", "门牌 ＊ 号"),
        ("fixed", "fixed"),
        ("大家好，先这样", "大家好，先这样"),
    ])
    func eachRuleHidesItsKind(text: String, shown: String) {
        #expect(Anonymiser(names: []).text(text) == shown)
    }
}
