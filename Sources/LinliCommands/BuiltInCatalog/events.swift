// Written from commands/*.yaml by `LINLI_UPDATE_CATALOG=1 swift test --filter BuiltInCatalogTests`; do not edit.

extension BuiltInCatalogFiles {
    static let events = (
        name: "events.yaml",
        text: ####"""
        # Neighbourhood events (邻里节, SERVICES.md §4).
        # Data, not code: the parser's words and the help text come from here, and every
        # example is run as a test.
        family: events
        help: {rank: 4, title: {en: Events, zh: 活动}}
        commands:
          - id: events
            words: {en: [events], zh: [活动, 活动列表]}
            roles: [anyone]
            usage: {en: events, zh: 活动}
            summary: {en: "upcoming neighbourhood events", zh: "近期的社区活动"}
            examples:
              - {say: events, args: {}}
              - {say: 活动, args: {}}

          - id: event
            words: {en: [event, "new event"], zh: [发布活动, 新活动]}
            roles: [captain, staff]
            args:
              - name: title
                type: phrase
                prompt: {en: "What is the event called?", zh: "活动叫什么？"}
              - name: date
                type: date
                prompt: {en: "On which day? e.g. 12-05 or sat", zh: "哪天？例如 12月5日 或 周六"}
              - name: time
                type: time
                prompt: {en: "At what time? e.g. 19:00", zh: "几点开始？例如 晚上7点"}
              - {name: capacity, type: int, min: 1, max: 100000, optional: true}
            usage: {en: "event <title> <date> <time> [capacity]", zh: "发布活动 <名称> <日期> <时间> [名额]"}
            summary: {en: "announce an event to the community's groups", zh: "发布活动并通知各群"}
            examples:
              - {say: event film night 12-05 19:00 50, args: {title: film night, date: "12-05", time: "19:00", capacity: "50"}}
              - {say: 发布活动 邻里节 12月12日 上午9点 200, args: {title: 邻里节, date: 12月12日, time: 上午9点, capacity: "200"}}

          - id: join
            words: {en: [join, "sign up for", "sign me up for", "sign up"], zh: [报名, 参加]}
            roles: [resident]
            args:
              - name: record
                type: record
                kinds: [E]
                prompt: {en: "Which event? e.g. E1", zh: "报名哪个活动？例如 E1"}
            usage: {en: "join E<n>", zh: "报名 E编号"}
            summary: {en: "sign up for an event", zh: "报名参加活动"}
            examples:
              - {say: join E1, args: {record: E1}}
              - {say: 报名 E1, args: {record: E1}}

          - id: leave
            words: {en: [leave, "drop out"], zh: [退出, 取消报名]}
            roles: [resident]
            args:
              - name: record
                type: record
                kinds: [E]
                prompt: {en: "Which event? e.g. E1", zh: "退出哪个活动？例如 E1"}
            usage: {en: "leave E<n>", zh: "取消报名 E编号"}
            summary: {en: "give up your place at an event", zh: "取消活动报名"}
            examples:
              - {say: leave E1, args: {record: E1}}
              - {say: 取消报名 E1, args: {record: E1}}

          - id: signups
            words: {en: [signups, sign-ups, attendees], zh: [报名名单, 报名情况, 参加名单]}
            roles: [captain, staff]
            args:
              - name: record
                type: record
                kinds: [E]
                prompt: {en: "Which event? e.g. E1", zh: "哪个活动？例如 E1"}
            usage: {en: "signups E<n>", zh: "报名名单 E编号"}
            summary: {en: "who has signed up for an event you posted", zh: "查看您发布的活动的报名名单"}
            examples:
              - {say: signups E1, args: {record: E1}}
              - {say: 报名名单 E1, args: {record: E1}}

        """####
    )
}
