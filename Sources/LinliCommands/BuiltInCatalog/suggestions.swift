// Written from commands/*.yaml by `LINLI_UPDATE_CATALOG=1 swift test --filter BuiltInCatalogTests`; do not edit.

extension BuiltInCatalogFiles {
    static let suggestions = (
        name: "suggestions.yaml",
        text: ####"""
        # Suggestions residents support and the office answers (SERVICES.md §4).
        # Data, not code: the parser's words and the help text come from here, and every
        # example is run as a test.
        family: suggestions
        help: {rank: 6, title: {en: Suggestions, zh: 建议}}
        commands:
          - id: suggest
            words: {en: [suggest, suggestion], zh: [建议, 提建议]}
            roles: [resident, staff]
            args:
              - name: text
                type: text
                prompt: {en: "What do you suggest?", zh: "您的建议是什么？"}
            usage: {en: "suggest <text>", zh: "建议 <内容>"}
            summary: {en: "a suggestion for the community (民情收集)", zh: "给社区提建议（民情收集）"}
            examples:
              - {say: suggest more benches by the pavilion, args: {text: more benches by the pavilion}}
              - {say: 建议 凉亭边多放几张长椅, args: {text: 凉亭边多放几张长椅}}

          - id: support
            words: {en: ["+1", support], zh: [附议, 支持]}
            roles: [resident, staff]
            args:
              - name: record
                type: record
                kinds: [P]
                prompt: {en: "Which suggestion? e.g. P1", zh: "支持哪条建议？例如 P1"}
            usage: {en: "+1 P<n>", zh: "附议 P编号"}
            summary: {en: "support a suggestion (once per household)", zh: "附议建议（每户一次）"}
            examples:
              - {say: +1 P1, args: {record: P1}}
              - {say: 附议 P1, args: {record: P1}}

          - id: suggestions
            words: {en: [suggestions], zh: [建议列表, 民情]}
            roles: [anyone]
            usage: {en: suggestions, zh: 建议列表}
            summary: {en: "open suggestions, most supported first", zh: "未答复的建议，按支持数排序"}
            examples:
              - {say: suggestions, args: {}}
              - {say: 建议列表, args: {}}

          - id: answer
            words: {en: [answer, reply], zh: [答复, 回复]}
            roles: [staff]
            args:
              - name: record
                type: record
                kinds: [P]
                prompt: {en: "Which suggestion? e.g. P1", zh: "答复哪条建议？例如 P1"}
              - name: text
                type: text
                prompt: {en: "What is the answer?", zh: "答复内容？"}
            usage: {en: "answer P<n> <text>", zh: "答复 P编号 <内容>"}
            summary: {en: "answer a suggestion; its supporters are told", zh: "答复建议，通知提议人和附议人"}
            examples:
              - {say: answer P1 two benches arrive next week, args: {record: P1, text: two benches arrive next week}}
              - {say: 答复 P1 下周增设两张长椅, args: {record: P1, text: 下周增设两张长椅}}

        """####
    )
}
