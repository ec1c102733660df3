import LinliCore
import LinliWebhooks
import Testing

/// Which marks `WebhookFormatter.neutralised` turns full-width, per robot format and mode.
@Suite struct NeutralisedTagsTests {
    static let link = #"<a href="//evil.example/y">A2</a>"#

    /// Guards the WeCom fix: in a WeCom app's text message `<a href>` was a live link; its `<` `>` are now full-width.
    @Test func weComTextHasNoTags() {
        #expect(WebhookFormatter.neutralised(Self.link, for: .wecom, markdown: false) == #"＜a href="//evil.example/y"＞A2＜/a＞"#)
        #expect(WebhookFormatter.neutralised("[x](y) *b*", for: .wecom, markdown: false) == "[x](y) *b*", "text reads no markdown")
    }

    /// Feishu's text is unchanged by the fix: tags full-width, nothing else.
    @Test(arguments: [false, true])
    func feishuHasNoTags(markdown: Bool) {
        #expect(WebhookFormatter.neutralised(Self.link + " *b*", for: .feishu, markdown: markdown) == #"＜a href="//evil.example/y"＞A2＜/a＞ *b*"#)
    }

    /// DingTalk's text reads no tags: `<` is left as written.
    @Test func dingTalkTextLeavesTags() {
        #expect(WebhookFormatter.neutralised(Self.link, for: .dingtalk, markdown: false) == Self.link)
    }

    /// In markdown, WeCom's and DingTalk's every markdown mark is full-width.
    @Test(arguments: [WebhookFormat.wecom, .dingtalk])
    func markdownHasNoMarks(_ format: WebhookFormat) {
        let marks = #"<>[]()!*_`#~|\"#
        #expect(WebhookFormatter.neutralised(marks, for: format, markdown: true) == "＜＞［］（）！＊＿｀＃～｜＼")
        #expect(WebhookFormatter.neutralised(Self.link, for: format, markdown: true) == #"＜a href="//evil.example/y"＞A2＜/a＞"#)
    }
}
