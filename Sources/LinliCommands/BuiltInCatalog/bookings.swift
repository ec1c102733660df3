// Written from commands/*.yaml by `LINLI_UPDATE_CATALOG=1 swift test --filter BuiltInCatalogTests`; do not edit.

extension BuiltInCatalogFiles {
    static let bookings = (
        name: "bookings.yaml",
        text: ####"""
        # Bookings of shared spaces (SERVICES.md §2): 邻里驿站, 文化凉亭, 邻里商议亭, 活动室.
        # Data, not code: the parser's words and the help text come from here, and every
        # example is run as a test.
        family: bookings
        help: {rank: 2, title: {en: Bookings, zh: 预约}}
        commands:
          - id: venues
            words: {en: [venues, spaces], zh: [场地, 场地列表]}
            roles: [anyone]
            args:
              - {name: date, type: date, optional: true}
            usage: {en: "venues [date]", zh: "场地 [日期]"}
            summary: {en: "the venues and their free times", zh: "可预约的场地和空闲时段"}
            examples:
              - {say: venues, args: {}}
              - {say: venues tomorrow, args: {date: tomorrow}}
              - {say: 场地 明天, args: {date: 明天}}

          - id: book
            words: {en: [book, reserve], zh: [预约, 预订, 预定, 订]}
            roles: [resident, staff]
            args:
              - name: venue
                type: venue
                prompt: {en: "Which venue? e.g. pavilion, station, kiosk, room", zh: "预约哪个场地？例如 凉亭、驿站、商议亭、活动室"}
              - {name: date, type: date, optional: true}
              - name: times
                type: times
                prompt: {en: "From when to when? e.g. 15:00-16:30 or 3-4pm", zh: "几点到几点？例如 15:00-16:30 或 下午3点到4点"}
              - {name: purpose, type: text, optional: true}
            usage: {en: "book <venue> [date] <start>-<end> [purpose]", zh: "预约 <场地> [日期] <开始>-<结束> [用途]"}
            summary: {en: "book a shared space", zh: "预约公共空间"}
            examples:
              - {say: book pavilion 2026-12-03 15:00-16:30 square dance, args: {venue: pavilion, date: "2026-12-03", times: "15:00-16:30", purpose: square dance}}
              - {say: book kiosk tomorrow 3-4pm, args: {venue: kiosk, date: tomorrow, times: 3-4pm}}
              - {say: 预约 凉亭 明天 下午三点到四点 跳舞, args: {venue: pavilion, date: 明天, times: 下午三点到四点, purpose: 跳舞}}
              - {say: 预约 活动室 12月5日 晚上7点半到9点 读书会, args: {venue: room, date: 12月5日, times: 晚上7点半到9点, purpose: 读书会}}
              - {say: 预约 凉亭 明天 下午3点 跳舞, args: {venue: pavilion, date: 明天, times: 下午3点, purpose: 跳舞}}
              - {say: book pavilion sat 3pm, args: {venue: pavilion, date: sat, times: 3pm}}
              - {say: 预约 凉亭 明天 3点到4点, args: {venue: pavilion, date: 明天, times: 3点到4点}}
              - {say: book kiosk dec 5 10-11am, args: {venue: kiosk, date: dec 5, times: 10-11am}}
              - {say: book kiosk 5 Dec 10-11am, args: {venue: kiosk, date: 5 Dec, times: 10-11am}}
              - {say: 预定 凉亭 下周六 上午9点到10点, args: {venue: pavilion, date: 下周六, times: 上午9点到10点}}
              - {say: 预约 驿站 后天 上午10点 开会, args: {venue: station, date: 后天, times: 上午10点, purpose: 开会}}

          - id: bookings
            words: {en: [bookings, "my bookings"], zh: [我的预约, 预约记录]}
            roles: [resident, staff]
            usage: {en: bookings, zh: 我的预约}
            summary: {en: "your upcoming bookings", zh: "我的预约"}
            examples:
              - {say: bookings, args: {}}
              - {say: 我的预约, args: {}}

          - id: schedule
            words: {en: [schedule, timetable], zh: [日程, 排期]}
            roles: [anyone]
            args:
              - name: venue
                type: venue
                prompt: {en: "Which venue?", zh: "哪个场地？"}
              - {name: date, type: date, optional: true}
            usage: {en: "schedule <venue> [date]", zh: "日程 <场地> [日期]"}
            summary: {en: "a venue's bookings on a day", zh: "某场地某天的预约"}
            examples:
              - {say: schedule pavilion, args: {venue: pavilion}}
              - {say: schedule room thu, args: {venue: room, date: thu}}
              - {say: 日程 凉亭 周六, args: {venue: pavilion, date: 周六}}

          - id: approve
            words: {en: [approve], zh: [批准, 同意, 通过]}
            roles: [captain, grid_leader, staff]
            args:
              - name: record
                type: record
                kinds: [B]
                prompt: {en: "Which booking? e.g. B1", zh: "批准哪个预约？例如 B1"}
            usage: {en: "approve B<n>", zh: "批准 B编号"}
            summary: {en: "approve a booking that needs it", zh: "审批通过预约"}
            examples:
              - {say: approve B2, args: {record: B2}}
              - {say: 批准 B2, args: {record: B2}}

          - id: decline
            words: {en: [decline, reject], zh: [拒绝, 驳回, 不同意]}
            roles: [captain, grid_leader, staff]
            args:
              - name: record
                type: record
                kinds: [B]
                prompt: {en: "Which booking? e.g. B1", zh: "拒绝哪个预约？例如 B1"}
              - {name: why, type: text, optional: true}
            usage: {en: "decline B<n> [why]", zh: "拒绝 B编号 [原因]"}
            summary: {en: "decline a booking that needs approval", zh: "驳回预约"}
            examples:
              - {say: decline B2 the room is being painted, args: {record: B2, why: the room is being painted}}
              - {say: 拒绝 B2 当天要粉刷, args: {record: B2, why: 当天要粉刷}}

        """####
    )
}
