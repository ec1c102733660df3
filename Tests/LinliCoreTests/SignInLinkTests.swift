import LinliCore
import Testing

@Suite struct SignInLinkTests {
    static let cases: [(String, String)] = [
        ("no link here", "no link here"),
        ("", ""),
        ("login?token", "login?token"),
        ("https://x.test/dashboard/login?token=AbC-_9z", "https://x.test/dashboard/login?token=redacted"),
        ("点 http://x/dashboard/login?token=abc 登录；再点 http://x/dashboard/login?token=def。", "点 http://x/dashboard/login?token=redacted 登录；再点 http://x/dashboard/login?token=redacted。"),
        ("{\"text\":\"http:\\/\\/x\\/dashboard\\/login?token=Zz1\"}", "{\"text\":\"http:\\/\\/x\\/dashboard\\/login?token=redacted\"}"),
        ("ends with login?token=", "ends with login?token=redacted"),
        ("llogin?token=q login?tok", "llogin?token=redacted login?tok"),
    ]

    @Test(arguments: cases.indices)
    func everyTokenIsReplacedAndNothingElse(_ i: Int) {
        let (text, expected) = Self.cases[i]
        #expect(SignInLink.redacted(text) == expected)
        #expect(SignInLink.appears(in: text) == (text != expected || text.hasSuffix("login?token=")))
    }
}
