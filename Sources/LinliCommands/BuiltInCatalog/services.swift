// Written from commands/*.yaml by `LINLI_UPDATE_CATALOG=1 swift test --filter BuiltInCatalogTests`; do not edit.

extension BuiltInCatalogFiles {
    static let services = (
        name: "services.yaml",
        text: ####"""
        # Free services and loans (便民服务, SERVICES.md §3).
        # Data, not code: the parser's words and the help text come from here, and every
        # example is run as a test.
        family: services
        help: {rank: 3, title: {en: Services and loans, zh: 便民服务}}
        commands:
          - id: services
            words: {en: [services, catalogue], zh: [服务, 便民服务, 服务列表]}
            roles: [anyone]
            usage: {en: services, zh: 服务}
            summary: {en: "the free services and loans, with stock", zh: "便民服务和可借物品（含库存）"}
            examples:
              - {say: services, args: {}}
              - {say: 便民服务, args: {}}

          - id: request
            words: {en: [request, borrow, need], zh: [申请, 借, 我要]}
            roles: [resident, staff]
            args:
              - name: service
                type: service
                prompt: {en: "Which service? e.g. umbrella, power bank, haircut", zh: "申请哪项服务？例如 雨伞、充电宝、理发"}
              - {name: details, type: text, optional: true}
            usage: {en: "request <service> [details]", zh: "申请 <服务> [说明]"}
            summary: {en: "borrow an item or ask for a service", zh: "借用物品或申请服务"}
            examples:
              - {say: request umbrella, args: {service: umbrella}}
              - {say: borrow power bank for the trip, args: {service: powerbank, details: for the trip}}
              - {say: 借 雨伞, args: {service: umbrella}}
              - {say: 申请 理发 行动不便，请上门, args: {service: haircut, details: 行动不便，请上门}}

          - id: return
            words: {en: [return, "give back"], zh: [归还, 还]}
            roles: [resident, staff]
            args:
              - name: record
                type: record
                kinds: [S]
                prompt: {en: "Which loan? e.g. S1", zh: "归还哪一件？例如 S1"}
            usage: {en: "return S<n>", zh: "归还 S编号"}
            summary: {en: "give a borrowed item back", zh: "归还借用的物品"}
            examples:
              - {say: return S1, args: {record: S1}}
              - {say: 归还 S1, args: {record: S1}}

        """####
    )
}
