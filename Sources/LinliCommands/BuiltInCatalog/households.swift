// Written from commands/*.yaml by `LINLI_UPDATE_CATALOG=1 swift test --filter BuiltInCatalogTests`; do not edit.

extension BuiltInCatalogFiles {
    static let households = (
        name: "households.yaml",
        text: ####"""
        # Households (SERVICES.md §5): 一户一档, the household's file; 党员包户, party members
        # pairing with households and visiting them. Data, not code: the parser's words and
        # the help text come from here, and every example is run as a test.
        family: households
        help: {rank: 6, title: {en: Households and visits, zh: 一户一档与走访}}
        commands:
          - id: household
            words: {en: [household, "my home"], zh: [户档, 我家, 一户一档]}
            roles: [resident, captain, grid_leader, staff, party_member]
            args:
              - {name: room, type: place, optional: true}
            usage: {en: "household [room]", zh: "户档 [房号]"}
            summary: {en: "a household's file: members, reports, bookings, loans, wishes, points, visits", zh: "一户一档：成员、报修、预约、借用、心愿、积分、走访"}
            examples:
              - {say: household, args: {}}
              - {say: household b3-501, args: {room: b3-501}}
              - {say: 我家, args: {}}
              - {say: 户档 3栋501, args: {room: 3栋501}}

          - id: pair
            words: {en: [pair], zh: [包户]}
            roles: [staff]
            args:
              - name: person
                type: word
                prompt: {en: "Which party member? e.g. u-zhou", zh: "哪位党员？例如 u-zhou"}
              - name: rooms
                type: text
                prompt: {en: "Which households? e.g. b3-501 b3-502", zh: "包哪几户？例如 b3-501 b3-502"}
            usage: {en: "pair <person> <room…>", zh: "包户 <党员> <房号…>"}
            summary: {en: "a party member looks after these households", zh: "安排党员联系包户"}
            examples:
              - {say: pair u-zhou b3-501 b3-502, args: {person: u-zhou, rooms: b3-501 b3-502}}
              - {say: 包户 周永林 b3-601, args: {person: 周永林, rooms: b3-601}}

          - id: unpair
            words: {en: [unpair], zh: [取消包户, 解除包户]}
            roles: [staff]
            args:
              - name: person
                type: word
                prompt: {en: "Which party member? e.g. u-zhou", zh: "哪位党员？例如 u-zhou"}
              - {name: rooms, type: text, optional: true}
            usage: {en: "unpair <person> [room…]", zh: "取消包户 <党员> [房号…]"}
            summary: {en: "end pairs (all of the member's, or these households)", zh: "解除包户（全部，或指定的户）"}
            examples:
              - {say: unpair u-zhou b3-502, args: {person: u-zhou, rooms: b3-502}}
              - {say: 取消包户 周永林, args: {person: 周永林}}

          - id: visit
            words: {en: [visit, visited], zh: [走访, 入户]}
            roles: [party_member, captain, staff]
            args:
              - name: room
                type: place
                prompt: {en: "Which household did you visit? e.g. b3-501", zh: "走访了哪一户？例如 b3-501"}
              - name: notes
                type: text
                prompt: {en: "What did you find? (add “report <category>” to file a report for them)", zh: "走访情况如何？（末尾加“报修 类别”可代为报修）"}
            usage: {en: "visit <room> <notes> [report <category>]", zh: "走访 <房号> <情况> [报修 <类别>]"}
            summary: {en: "record a visit to a household (V<n>), optionally filing a report for it", zh: "记录入户走访（V编号），可同时代为报修"}
            examples:
              - {say: "visit b3-501 all well, talked about the flu jab", args: {room: b3-501, notes: "all well, talked about the flu jab"}}
              - {say: visit 502 kitchen pipe drips report leak, args: {room: "502", notes: kitchen pipe drips report leak}}
              - {say: 走访 b3-501 老人身体不错，提醒打疫苗, args: {room: b3-501, notes: 老人身体不错，提醒打疫苗}}
              - {say: 走访 502 厨房水管滴水 报修 漏水, args: {room: "502", notes: 厨房水管滴水 报修 漏水}}

          - id: visits
            words: {en: [visits, coverage], zh: [走访情况, 包户情况]}
            roles: [party_member, captain, grid_leader, staff]
            args:
              - {name: who, type: word, optional: true}
            usage: {en: "visits [person|building]", zh: "走访情况 [党员|楼栋]"}
            summary: {en: "visit coverage of paired households, and those never visited", zh: "包户走访覆盖率和从未走访的户"}
            examples:
              - {say: visits, args: {}}
              - {say: visits b3, args: {who: b3}}
              - {say: 走访情况 周永林, args: {who: 周永林}}

        """####
    )
}
