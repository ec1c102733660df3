// Written from commands/*.yaml by `LINLI_UPDATE_CATALOG=1 swift test --filter BuiltInCatalogTests`; do not edit.

extension BuiltInCatalogFiles {
    static let announcements = (
        name: "announcements.yaml",
        text: ####"""
        # Announcements (SERVICES.md §5): a captain posts to their building's groups, a
        # grid leader to the grid's, staff to every group. Data, not code: the parser's
        # words and the help text come from here, and every example is run as a test.
        family: announcements
        help: {rank: 8, title: {en: Notices, zh: 通知}}
        commands:
          - id: announce
            words: {en: [announce, notice], zh: [通知, 公告]}
            roles: [captain, grid_leader, staff]
            args:
              - name: text
                type: text
                prompt: {en: "What should the groups be told?", zh: "请问要通知什么内容？"}
            usage: {en: "announce <text>", zh: "通知 <内容>"}
            summary: {en: "post a notice to the groups you look after", zh: "向您负责的楼栋群发通知"}
            examples:
              - {say: "announce water off tomorrow 9-11am for repairs", args: {text: "water off tomorrow 9-11am for repairs"}}
              - {say: 通知 明天上午9点到11点停水检修, args: {text: 明天上午9点到11点停水检修}}
              - {say: "通知：周六上午大扫除，请大家参加", args: {text: 周六上午大扫除，请大家参加}}

        """####
    )
}
