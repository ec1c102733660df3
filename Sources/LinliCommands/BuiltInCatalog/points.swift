// Written from commands/*.yaml by `LINLI_UPDATE_CATALOG=1 swift test --filter BuiltInCatalogTests`; do not edit.

extension BuiltInCatalogFiles {
    static let points = (
        name: "points.yaml",
        text: ####"""
        # The volunteer and party-member points ledger (SERVICES.md §4).
        # Data, not code: the parser's words and the help text come from here, and every
        # example is run as a test.
        family: points
        help: {rank: 7, title: {en: Points, zh: 积分}}
        commands:
          - id: points
            words: {en: [points, score, "my points"], zh: [积分, 我的积分]}
            roles: [anyone]
            args:
              - {name: person, type: word, optional: true}
            usage: {en: "points [person]", zh: "积分 [人员]"}
            summary: {en: "the points ledger (yours; staff: anyone's)", zh: "积分（自己的；社区可查他人）"}
            examples:
              - {say: points, args: {}}
              - {say: 积分 u-wang, args: {person: u-wang}}

          - id: award
            words: {en: [award], zh: [加分, 记分]}
            roles: [staff]
            args:
              - name: person
                type: word
                prompt: {en: "Who? e.g. u-wang", zh: "给谁？例如 u-wang"}
              - name: item
                type: word
                prompt: {en: "Which item? e.g. patrol, cleanup, absent", zh: "哪一项？例如 巡楼、大扫除、缺席"}
              - {name: note, type: text, optional: true}
            usage: {en: "award <person> <item> [note]", zh: "加分 <人员> <项目> [说明]"}
            summary: {en: "record points for an item of the ledger", zh: "按积分项目记分"}
            examples:
              - {say: award u-wang patrol night patrol of b3, args: {person: u-wang, item: patrol, note: night patrol of b3}}
              - {say: 加分 u-fang 大扫除, args: {person: u-fang, item: 大扫除}}

          - id: leaderboard
            words: {en: [leaderboard, ranking], zh: [排行, 积分榜, 排行榜, 积分排行, 积分排行榜]}
            roles: [anyone]
            usage: {en: leaderboard, zh: 积分榜}
            summary: {en: "the points leaderboard of each grid", zh: "各网格积分排行"}
            examples:
              - {say: leaderboard, args: {}}
              - {say: 积分榜, args: {}}

        """####
    )
}
