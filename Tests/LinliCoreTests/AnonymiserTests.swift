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
}
