// Written from commands/*.yaml by `LINLI_UPDATE_CATALOG=1 swift test --filter BuiltInCatalogTests`; do not edit.

extension BuiltInCatalogFiles {
    static let people = (
        name: "people.yaml",
        text: ####"""
        # People and the community (SERVICES.md §5). Data, not code: the parser's words
        # and the help text come from here, and every example is run as a test.
        family: people
        help: {rank: 9, title: {en: You and Linli, zh: 我和小邻}}
        commands:
          - id: help
            words: {en: [help, commands], zh: [帮助, 菜单, 命令]}
            roles: [anyone]
            args:
              - {name: topic, type: command, optional: true}
            usage: {en: "help [command]", zh: "帮助 [命令]"}
            summary: {en: "what you can do here", zh: "看看能做什么"}
            examples:
              - {say: help, args: {}}
              - {say: "help report", args: {topic: report}}
              - {say: 帮助, args: {}}
              - {say: 帮助 报修, args: {topic: 报修}}

          - id: register
            words: {en: [register, "sign up"], zh: [登记, 注册, 绑定]}
            roles: [anyone]
            args:
              - name: room
                type: word
                prompt: {en: "Which room do you live in? e.g. 501 (in a building group) or b3-501", zh: "请问您住哪一户？例如 501（在楼栋群里），或 b3-501"}
            usage: {en: "register <room>", zh: "登记 <房号>"}
            summary: {en: "tell Linli which household you belong to", zh: "登记您的住户信息"}
            examples:
              - {say: register 501, args: {room: "501"}}
              - {say: register b3-501, args: {room: b3-501}}
              - {say: 登记 502, args: {room: "502"}}
              - {say: 登记 b4-1201, args: {room: b4-1201}}

          - id: contacts
            words: {en: [contacts, contact, who], zh: [联系人, 联系方式, 找谁]}
            roles: [resident, staff]
            usage: {en: contacts, zh: 联系人}
            summary: {en: "your building captain, grid leader and the community office", zh: "我的楼栋长、网格长和社区"}
            examples:
              - {say: contacts, args: {}}
              - {say: 联系人, args: {}}

          - id: lang
            words: {en: [lang, language], zh: [语言]}
            roles: [anyone]
            args:
              - name: lang
                type: lang
                prompt: {en: "Which language: zh or en?", zh: "用哪种语言：zh（中文）还是 en（英文）？"}
            usage: {en: "lang zh|en", zh: "语言 zh|en"}
            summary: {en: "choose the language Linli answers you in", zh: "设置回复语言"}
            examples:
              - {say: lang en, args: {lang: en}}
              - {say: language zh, args: {lang: zh}}
              - {say: 语言 中文, args: {lang: zh}}
              - {say: 语言 英文, args: {lang: en}}

          - id: approve_member
            words: {en: [approve, admit], zh: [通过, 确认登记]}
            roles: [captain, grid_leader, staff]
            args:
              - name: person
                type: word
                prompt: {en: "Whose registration? e.g. u-tom", zh: "确认谁的登记？例如 u-tom"}
            usage: {en: "approve <person>", zh: "通过 <人员>"}
            summary: {en: "confirm a registration waiting for you", zh: "确认住户登记"}
            examples:
              - {say: approve u-tom, args: {person: u-tom}}
              - {say: 通过 u-tom, args: {person: u-tom}}
              - {say: 确认登记 张伟, args: {person: 张伟}}

          - id: reject_member
            words: {en: [reject, refuse], zh: [拒绝, 拒绝登记]}
            roles: [captain, grid_leader, staff]
            args:
              - name: person
                type: word
                prompt: {en: "Whose registration? e.g. u-tom", zh: "拒绝谁的登记？例如 u-tom"}
              - {name: why, type: text, optional: true}
            usage: {en: "reject <person> [why]", zh: "拒绝 <人员> [原因]"}
            summary: {en: "turn down a registration waiting for you", zh: "不通过住户登记"}
            examples:
              - {say: reject u-tom not a resident of 905, args: {person: u-tom, why: not a resident of 905}}
              - {say: 拒绝 u-tom 房号不对, args: {person: u-tom, why: 房号不对}}

        """####
    )
}
