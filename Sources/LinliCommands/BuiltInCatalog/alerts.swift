// Written from commands/*.yaml by `LINLI_UPDATE_CATALOG=1 swift test --filter BuiltInCatalogTests`; do not edit.

extension BuiltInCatalogFiles {
    static let alerts = (
        name: "alerts.yaml",
        text: ####"""
        # Emergency alerts and drills (SERVICES.md §5): staff, grid leaders and captains
        # broadcast to the groups in their scope and ask the captains and grid leaders
        # there to acknowledge. Data, not code: the parser's words and the help text come
        # from here, and every example is run as a test.
        family: alerts
        help: {rank: 8, title: {en: Emergency alerts, zh: 紧急通知}}
        commands:
          - id: alert
            words: {en: [alert], zh: [紧急通知, 紧急广播]}
            roles: [captain, grid_leader, staff]
            args:
              - name: text
                type: text
                prompt: {en: "What is the emergency?", zh: "请问紧急通知的内容是什么？"}
            usage: {en: "alert <text>", zh: "紧急通知 <内容>"}
            summary: {en: "an emergency broadcast A<n> to your groups; captains and grid leaders acknowledge", zh: "向您负责的群发紧急通知，楼栋长和网格长须回复收到"}
            examples:
              - {say: "alert gas leak at building 1, leave by the east stairs", args: {text: "gas leak at building 1, leave by the east stairs"}}
              - {say: 紧急通知 1栋燃气泄漏，请从东侧楼梯撤离, args: {text: 1栋燃气泄漏，请从东侧楼梯撤离}}

          - id: drill
            words: {en: [drill], zh: [演练, 应急演练]}
            roles: [captain, grid_leader, staff]
            args:
              - name: text
                type: text
                prompt: {en: "What is the drill?", zh: "请问演练的内容是什么？"}
            usage: {en: "drill <text>", zh: "演练 <内容>"}
            summary: {en: "the same broadcast as a drill (counted apart)", zh: "应急演练：同紧急通知，标明演练，单独统计"}
            examples:
              - {say: "drill fire evacuation, meet at the square", args: {text: "fire evacuation, meet at the square"}}
              - {say: 演练 消防疏散，到广场集合, args: {text: 消防疏散，到广场集合}}

          - id: ack
            words: {en: [ack, acknowledge], zh: [收到, 已收到]}
            roles: [captain, grid_leader, staff]
            args:
              - name: record
                type: record
                kinds: [A]
                prompt: {en: "Which alert? e.g. A1", zh: "收到哪条紧急通知？例如 A1"}
            usage: {en: "ack A<n>", zh: "收到 A编号"}
            summary: {en: "acknowledge an emergency alert (alone: the one awaiting you; in a group, also without calling the bot: the one posted there)", zh: "确认收到紧急通知（只说“收到”：确认等您确认的那一条；在群里不@小邻也可以：确认群里发的那一条）"}
            examples:
              - {say: ack A1, args: {record: A1}}
              - {say: 收到 A1, args: {record: A1}}
              - {say: "收到 #a2", args: {record: A2}}

          - id: alerts
            words: {en: [alerts, drills], zh: [应急, 应急记录]}
            roles: [captain, grid_leader, staff]
            usage: {en: alerts, zh: 应急}
            summary: {en: "alerts and drills, how long each took to be acknowledged by all", zh: "紧急通知和演练，以及全部确认用时"}
            examples:
              - {say: alerts, args: {}}
              - {say: 应急, args: {}}

        """####
    )
}
