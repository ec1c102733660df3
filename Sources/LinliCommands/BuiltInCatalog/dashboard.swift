// Written from commands/*.yaml by `LINLI_UPDATE_CATALOG=1 swift test --filter BuiltInCatalogTests`; do not edit.

extension BuiltInCatalogFiles {
    static let dashboard = (
        name: "dashboard.yaml",
        text: ####"""
        # The staff pages (DASHBOARD.md): a one-time sign-in link, sent privately. Data, not
        # code: the parser's words and the help text come from here, and every example is
        # run as a test.
        family: dashboard
        help: {rank: 11, title: {en: Staff pages, zh: 后台}}
        commands:
          - id: dashboard
            words: {en: [dashboard], zh: [后台, 管理后台]}
            roles: [captain, grid_leader, staff]
            usage: {en: dashboard, zh: 后台}
            summary: {en: "a one-time link to the staff pages, sent privately (10 minutes)", zh: "私信发来后台网页的一次性登录链接（10分钟内有效）"}
            examples:
              - {say: dashboard, args: {}}
              - {say: 后台, args: {}}
              - {say: 管理后台, args: {}}

        """####
    )
}
