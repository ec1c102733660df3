// Written from commands/*.yaml by `LINLI_UPDATE_CATALOG=1 swift test --filter BuiltInCatalogTests`; do not edit.

extension BuiltInCatalogFiles {
    static let disputes = (
        name: "disputes.yaml",
        text: ####"""
        # Disputes by the five-step method 五事工作法 (SERVICES.md §1a): after the private
        # intake (`report dispute …`, 听邻里说事) a mediator, the captain, the grid leader or
        # the office invites both parties (邀邻里议事), records the agreement that each party
        # confirms (帮邻里办事), both rate it (请邻里评事, with `rate`), and with both parties'
        # consent posts an anonymised outcome (向邻里晒事). Data, not code: the parser's
        # words and the help text come from here, and every example is run as a test.
        family: disputes
        help: {rank: 7, title: {en: Disputes (five steps), zh: 邻里纠纷调解（五事工作法）}}
        commands:
          - id: invite
            words: {en: [invite, mediate], zh: [邀请, 邀请议事, 约调解]}
            roles: [mediator, captain, grid_leader, staff]
            args:
              - name: record
                type: record
                kinds: [R]
                prompt: {en: "Which dispute? e.g. R1", zh: "哪一件纠纷？例如 R1"}
              - name: party
                type: word
                prompt: {en: "Who is the other party? A name or a room, e.g. 502", zh: "另一方是谁？写姓名或房号，例如 502"}
              - {name: date, type: date, optional: true}
              - name: times
                type: times
                prompt: {en: "From when to when? e.g. 15:00-16:00", zh: "几点到几点？例如 下午3点到4点"}
            usage: {en: "invite R<n> <person or room> [date] <start>-<end>", zh: "邀请 R编号 <对方姓名或房号> [日期] <开始>-<结束>"}
            summary: {en: "book the mediation venue privately and invite both parties", zh: "私下预约调解场地，分别邀请双方议事"}
            examples:
              - {say: invite R1 502 tomorrow 15:00-16:00, args: {record: R1, party: "502", date: tomorrow, times: "15:00-16:00"}}
              - {say: 邀请 R1 张伟 明天 下午3点到4点, args: {record: R1, party: 张伟, date: 明天, times: 下午3点到4点}}
              - {say: 邀请 R2 b3-502 12月5日 10:00-11:00, args: {record: R2, party: b3-502, date: 12月5日, times: "10:00-11:00"}}

          - id: attend
            words: {en: [attend], zh: [参加, 参加调解, 出席]}
            roles: [resident]
            args:
              - name: record
                type: record
                kinds: [R]
                prompt: {en: "Which meeting? e.g. R1", zh: "参加哪一次议事？例如 R1"}
            usage: {en: "attend R<n>", zh: "参加 R编号"}
            summary: {en: "say you will come to a mediation meeting you were invited to (alone: the one awaiting your answer)", zh: "答复会参加调解议事（只说“参加”：等您答复的那一次）"}
            examples:
              - {say: attend R1, args: {record: R1}}
              - {say: 参加 R1, args: {record: R1}}

          - id: agree
            words: {en: [agree, agreement], zh: [达成, 达成协议, 调解协议]}
            roles: [mediator, captain, grid_leader, staff]
            args:
              - name: record
                type: record
                kinds: [R]
                prompt: {en: "Which dispute? e.g. R1", zh: "哪一件纠纷？例如 R1"}
              - name: terms
                type: text
                prompt: {en: "What did both sides agree?", zh: "双方达成了什么协议？"}
            usage: {en: "agree R<n> <terms>", zh: "达成 R编号 <协议内容>"}
            summary: {en: "record the agreement; each party confirms it privately", zh: "记录调解协议，双方分别私下确认"}
            examples:
              - {say: agree R1 the washing machine is moved off the shared wall by Friday, args: {record: R1, terms: the washing machine is moved off the shared wall by Friday}}
              - {say: 达成 R1 洗衣机周五前移离共用墙，晚十点后不用, args: {record: R1, terms: 洗衣机周五前移离共用墙，晚十点后不用}}

          - id: confirm
            words: {en: [confirm], zh: [确认, 确认协议]}
            roles: [resident]
            args:
              - name: record
                type: record
                kinds: [R]
                prompt: {en: "Which agreement? e.g. R1", zh: "确认哪一份协议？例如 R1"}
            usage: {en: "confirm R<n>", zh: "确认 R编号"}
            summary: {en: "confirm the agreement of a dispute you are a party to", zh: "确认调解协议"}
            examples:
              - {say: confirm R1, args: {record: R1}}
              - {say: 确认 R1, args: {record: R1}}

          - id: consent
            words: {en: [consent], zh: [同意公开, 同意晒事]}
            roles: [resident]
            args:
              - name: record
                type: record
                kinds: [R]
                prompt: {en: "Which dispute? e.g. R1", zh: "哪一件？例如 R1"}
            usage: {en: "consent R<n>", zh: "同意公开 R编号"}
            summary: {en: "agree that the outcome be posted, without names or rooms", zh: "同意匿名公开调解结果（不含姓名、房号）"}
            examples:
              - {say: consent R1, args: {record: R1}}
              - {say: 同意公开 R1, args: {record: R1}}

          - id: publicise
            words: {en: [publicise, publicize], zh: [公开, 晒事]}
            roles: [mediator, captain, grid_leader, staff]
            args:
              - name: record
                type: record
                kinds: [R]
                prompt: {en: "Which dispute? e.g. R1", zh: "晒哪一件？例如 R1"}
              - {name: outcome, type: text, optional: true}
            usage: {en: "publicise R<n> [outcome, no names or rooms]", zh: "公开 R编号 [结果，不写姓名房号]"}
            summary: {en: "post the anonymised outcome to the building's groups, once both parties consent", zh: "双方同意后，把匿名的调解结果晒到本楼群"}
            examples:
              - {say: publicise R1, args: {record: R1}}
              - {say: 公开 R1, args: {record: R1}}
              - {say: 晒事 R1 楼上洗衣机噪音，双方商定错开使用时间, args: {record: R1, outcome: 楼上洗衣机噪音，双方商定错开使用时间}}

        """####
    )
}
