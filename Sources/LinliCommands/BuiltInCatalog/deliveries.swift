// Written from commands/*.yaml by `LINLI_UPDATE_CATALOG=1 swift test --filter BuiltInCatalogTests`; do not edit.

extension BuiltInCatalogFiles {
    static let deliveries = (
        name: "deliveries.yaml",
        text: ####"""
        # Deliveries (PROTOCOL.md §4): what the outbox gave up on, told to the office.
        # Data, not code: the parser's words and the help text come from here, and every
        # example is run as a test.
        family: deliveries
        help: {rank: 10, title: {en: Deliveries, zh: 投递}}
        commands:
          - id: deliveries
            words: {en: [deliveries, "dead letters"], zh: [投递, 投递失败]}
            roles: [staff]
            usage: {en: deliveries, zh: 投递}
            summary: {en: "pushes given up on and webhooks disabled, with whom they were for", zh: "投递失败的推送和已停用的推送地址"}
            examples:
              - {say: deliveries, args: {}}
              - {say: 投递, args: {}}

        """####
    )
}
