// Written from commands/*.yaml by `LINLI_UPDATE_CATALOG=1 swift test --filter BuiltInCatalogTests`; do not edit.

extension BuiltInCatalogFiles {
    static let accountability = (
        name: "accountability.yaml",
        text: ####"""
        # Public accountability 晒事 (SERVICES.md §1b): each month's figures posted to the
        # groups they concern. Data, not code: the parser's words and the help text come
        # from here, and every example is run as a test.
        family: accountability
        help: {rank: 9, title: {en: Public figures, zh: 晒数据}}
        commands:
          - id: publish
            words: {en: [publish], zh: [晒数据, 公开数据]}
            roles: [staff]
            args:
              - {name: what, type: text, optional: true}
            usage: {en: "publish [building] [period] [again]", zh: "晒数据 [楼栋] [时段] [重发]"}
            summary: {en: "post a month's figures to the groups (last month unless named; once a month, unless again)", zh: "把一个月的办结率、满意率晒到群里（默认上个月；每月一次，要再发请加“重发”）"}
            examples:
              - {say: publish, args: {}}
              - {say: publish b3 2026-11, args: {what: b3 2026-11}}
              - {say: 晒数据, args: {}}
              - {say: 晒数据 3栋 本月, args: {what: 3栋 本月}}

        """####
    )
}
