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
            words: {en: [request, borrow, need, "i need"], zh: [申请, 借, 我要, 我需要]}
            roles: [resident, staff]
            args:
              - {name: count, type: quantity, optional: true}
              - name: service
                type: service
                prompt: {en: "Which service? e.g. umbrella, power bank, haircut", zh: "申请哪项服务？例如 雨伞、充电宝、理发"}
              - {name: details, type: text, optional: true}
            usage: {en: "request [how many] <service> [details]", zh: "申请 [数量] <服务> [说明]"}
            summary: {en: "borrow an item (or several) or ask for a service", zh: "借用物品（可借多件）或申请服务"}
            examples:
              - {say: request umbrella, args: {service: umbrella}}
              - {say: borrow power bank for the trip, args: {service: powerbank, details: for the trip}}
              - {say: 借 雨伞, args: {service: umbrella}}
              - {say: 申请 理发 行动不便，请上门, args: {service: haircut, details: 行动不便，请上门}}
              - {say: 借两把伞, args: {count: "2", service: umbrella}}
              - {say: 借 2 把伞, args: {count: "2", service: umbrella}}
              - {say: 借 伞 2, args: {count: "2", service: umbrella}}
              - {say: borrow umbrella 2, args: {count: "2", service: umbrella}}
              - {say: 借三个充电宝, args: {count: "3", service: powerbank}}
              - {say: 借十把雨伞 社区活动用, args: {count: "10", service: umbrella, details: 社区活动用}}
              - {say: 我要一把伞, args: {count: "1", service: umbrella}}
              - {say: borrow 2 umbrellas, args: {count: "2", service: umbrella}}
              - {say: borrow two umbrellas, args: {count: "2", service: umbrella}}
              - {say: borrow three power banks for the trip, args: {count: "3", service: powerbank, details: for the trip}}
              - {say: borrow an umbrella, args: {count: "1", service: umbrella}}

          - id: return
            words: {en: [return, "give back"], zh: [归还, 还]}
            roles: [resident, staff]
            args:
              - name: record
                type: record
                kinds: [S]
                optional: true
                prompt: {en: "Which loan? e.g. S1, or 1 umbrella", zh: "归还哪一件？例如 S1，或 1 把伞"}
              - {name: count, type: quantity, optional: true}
              - {name: service, type: service, optional: true}
            usage: {en: "return S<n> [how many] | return [how many] <item>", zh: "归还 S编号 [数量] | 归还 [数量] <物品>"}
            summary: {en: "give borrowed items back (all of a loan, or some)", zh: "归还借用的物品（整笔或部分）"}
            examples:
              - {say: return S1, args: {record: S1}}
              - {say: 归还 S1, args: {record: S1}}
              - {say: return S1 1, args: {record: S1, count: "1"}}
              - {say: 还 S1 一把, args: {record: S1, count: "1"}}
              - {say: 还 1 把伞, args: {count: "1", service: umbrella}}
              - {say: 还两把伞, args: {count: "2", service: umbrella}}
              - {say: 还伞, args: {service: umbrella}}
              - {say: return 2 umbrellas, args: {count: "2", service: umbrella}}
              - {say: return umbrella, args: {service: umbrella}}

        """####
    )
}
