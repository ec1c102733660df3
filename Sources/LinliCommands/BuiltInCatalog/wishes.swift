// Written from commands/*.yaml by `LINLI_UPDATE_CATALOG=1 swift test --filter BuiltInCatalogTests`; do not edit.

extension BuiltInCatalogFiles {
    static let wishes = (
        name: "wishes.yaml",
        text: ####"""
        # Micro-wishes (微心愿) that volunteers fulfil (SERVICES.md §4).
        # Data, not code: the parser's words and the help text come from here, and every
        # example is run as a test.
        family: wishes
        help: {rank: 5, title: {en: Micro-wishes, zh: 微心愿}}
        commands:
          - id: wish
            words: {en: [wish], zh: [微心愿, 心愿]}
            roles: [resident, staff, grid_leader]
            args:
              - name: text
                type: text
                prompt: {en: "What is your wish?", zh: "您的心愿是什么？"}
            usage: {en: "wish <text>", zh: "微心愿 <内容>"}
            summary: {en: "a small wish volunteers can fulfil (the volunteers of your grid are told)", zh: "发布微心愿，告诉本网格的志愿者，志愿者认领"}
            examples:
              - {say: wish someone to fix my radio, args: {text: someone to fix my radio}}
              - {say: 微心愿 想要一副老花镜, args: {text: 想要一副老花镜}}

          - id: wishes
            words: {en: [wishes, "wish list"], zh: [心愿列表, 微心愿列表, 心愿墙]}
            roles: [anyone]
            usage: {en: wishes, zh: 心愿列表}
            summary: {en: "the wishes waiting for a volunteer", zh: "等待认领的微心愿"}
            examples:
              - {say: wishes, args: {}}
              - {say: 微心愿列表, args: {}}

          - id: claim
            words: {en: [claim], zh: [认领]}
            roles: [volunteer, party_member, captain]
            args:
              - name: record
                type: record
                kinds: [W]
                prompt: {en: "Which wish? e.g. W1", zh: "认领哪个心愿？例如 W1"}
            usage: {en: "claim W<n>", zh: "认领 W编号"}
            summary: {en: "take on a wish", zh: "认领微心愿"}
            examples:
              - {say: claim W1, args: {record: W1}}
              - {say: 认领 W1, args: {record: W1}}

          - id: fulfil
            words: {en: [fulfil, fulfill, fulfilled], zh: [完成, 已完成, 实现]}
            roles: [volunteer, party_member, captain]
            args:
              - name: record
                type: record
                kinds: [W]
                prompt: {en: "Which wish? e.g. W1", zh: "完成了哪个心愿？例如 W1"}
            usage: {en: "fulfil W<n>", zh: "实现 W编号"}
            summary: {en: "say a claimed wish is done; the wisher confirms", zh: "心愿已完成，请心愿人确认"}
            examples:
              - {say: fulfil W1, args: {record: W1}}
              - {say: 实现 W1, args: {record: W1}}
              - {say: 完成 W2, args: {record: W2}}

          - id: thanks
            words: {en: [thanks, "thank you"], zh: [谢谢, 感谢]}
            roles: [resident]
            args:
              - name: record
                type: record
                kinds: [W]
                prompt: {en: "Which wish? e.g. W1", zh: "哪个心愿？例如 W1"}
            usage: {en: "thanks W<n>", zh: "谢谢 W编号"}
            summary: {en: "confirm your wish came true", zh: "确认心愿已实现"}
            examples:
              - {say: thanks W1, args: {record: W1}}
              - {say: 谢谢 W1, args: {record: W1}}

        """####
    )
}
