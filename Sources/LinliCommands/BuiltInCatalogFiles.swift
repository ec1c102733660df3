// Written from commands/*.yaml by `LINLI_UPDATE_CATALOG=1 swift test --filter BuiltInCatalogTests`; do not edit.

enum BuiltInCatalogFiles {
    static let files: [(name: String, text: String)] = [
        (
            "bookings.yaml",
            ####"""
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
        ),
        (
            "services.yaml",
            ####"""
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
        ),
        (
            "events.yaml",
            ####"""
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
                words: {en: [join, "sign up for"], zh: [报名, 参加]}
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

            """####
        ),
        (
            "wishes.yaml",
            ####"""
            # Micro-wishes (微心愿) that volunteers fulfil (SERVICES.md §4).
            # Data, not code: the parser's words and the help text come from here, and every
            # example is run as a test.
            family: wishes
            help: {rank: 5, title: {en: Micro-wishes, zh: 微心愿}}
            commands:
              - id: wish
                words: {en: [wish], zh: [微心愿, 心愿]}
                roles: [resident]
                args:
                  - name: text
                    type: text
                    prompt: {en: "What is your wish?", zh: "您的心愿是什么？"}
                usage: {en: "wish <text>", zh: "微心愿 <内容>"}
                summary: {en: "a small wish volunteers can fulfil", zh: "发布微心愿，志愿者认领"}
                examples:
                  - {say: wish someone to fix my radio, args: {text: someone to fix my radio}}
                  - {say: 微心愿 想要一副老花镜, args: {text: 想要一副老花镜}}

              - id: claim
                words: {en: [claim], zh: [认领]}
                roles: [volunteer, party_member, captain]
                args:
                  - name: record
                    type: record
                    kinds: [W]
                    prompt: {en: "Which wish? e.g. W1", zh: "认领哪个心愿？例如 W1"}
                usage: {en: "claim W<n>", zh: "认领 W编号"}
                summary: {en: "take on a wish", zh: "认领微心愿"}
                examples:
                  - {say: claim W1, args: {record: W1}}
                  - {say: 认领 W1, args: {record: W1}}

              - id: fulfil
                words: {en: [fulfil, fulfill, fulfilled], zh: [完成, 已完成, 实现]}
                roles: [volunteer, party_member, captain]
                args:
                  - name: record
                    type: record
                    kinds: [W]
                    prompt: {en: "Which wish? e.g. W1", zh: "完成了哪个心愿？例如 W1"}
                usage: {en: "fulfil W<n>", zh: "实现 W编号"}
                summary: {en: "say a claimed wish is done; the wisher confirms", zh: "心愿已完成，请心愿人确认"}
                examples:
                  - {say: fulfil W1, args: {record: W1}}
                  - {say: 实现 W1, args: {record: W1}}
                  - {say: 完成 W2, args: {record: W2}}

              - id: thanks
                words: {en: [thanks, "thank you"], zh: [谢谢, 感谢]}
                roles: [resident]
                args:
                  - name: record
                    type: record
                    kinds: [W]
                    prompt: {en: "Which wish? e.g. W1", zh: "哪个心愿？例如 W1"}
                usage: {en: "thanks W<n>", zh: "谢谢 W编号"}
                summary: {en: "confirm your wish came true", zh: "确认心愿已实现"}
                examples:
                  - {say: thanks W1, args: {record: W1}}
                  - {say: 谢谢 W1, args: {record: W1}}

            """####
        ),
        (
            "suggestions.yaml",
            ####"""
            # Suggestions residents support and the office answers (SERVICES.md §4).
            # Data, not code: the parser's words and the help text come from here, and every
            # example is run as a test.
            family: suggestions
            help: {rank: 6, title: {en: Suggestions, zh: 建议}}
            commands:
              - id: suggest
                words: {en: [suggest, suggestion], zh: [建议, 提建议]}
                roles: [resident]
                args:
                  - name: text
                    type: text
                    prompt: {en: "What do you suggest?", zh: "您的建议是什么？"}
                usage: {en: "suggest <text>", zh: "建议 <内容>"}
                summary: {en: "a suggestion for the community (民情收集)", zh: "给社区提建议（民情收集）"}
                examples:
                  - {say: suggest more benches by the pavilion, args: {text: more benches by the pavilion}}
                  - {say: 建议 凉亭边多放几张长椅, args: {text: 凉亭边多放几张长椅}}

              - id: support
                words: {en: ["+1", support], zh: [附议, 支持]}
                roles: [resident]
                args:
                  - name: record
                    type: record
                    kinds: [P]
                    prompt: {en: "Which suggestion? e.g. P1", zh: "支持哪条建议？例如 P1"}
                usage: {en: "+1 P<n>", zh: "附议 P编号"}
                summary: {en: "support a suggestion (once per household)", zh: "附议建议（每户一次）"}
                examples:
                  - {say: +1 P1, args: {record: P1}}
                  - {say: 附议 P1, args: {record: P1}}

              - id: suggestions
                words: {en: [suggestions], zh: [建议列表, 民情]}
                roles: [anyone]
                usage: {en: suggestions, zh: 建议列表}
                summary: {en: "open suggestions, most supported first", zh: "未答复的建议，按支持数排序"}
                examples:
                  - {say: suggestions, args: {}}
                  - {say: 建议列表, args: {}}

              - id: answer
                words: {en: [answer, reply], zh: [答复, 回复]}
                roles: [staff]
                args:
                  - name: record
                    type: record
                    kinds: [P]
                    prompt: {en: "Which suggestion? e.g. P1", zh: "答复哪条建议？例如 P1"}
                  - name: text
                    type: text
                    prompt: {en: "What is the answer?", zh: "答复内容？"}
                usage: {en: "answer P<n> <text>", zh: "答复 P编号 <内容>"}
                summary: {en: "answer a suggestion; its supporters are told", zh: "答复建议，通知提议人和附议人"}
                examples:
                  - {say: answer P1 two benches arrive next week, args: {record: P1, text: two benches arrive next week}}
                  - {say: 答复 P1 下周增设两张长椅, args: {record: P1, text: 下周增设两张长椅}}

            """####
        ),
        (
            "points.yaml",
            ####"""
            # The volunteer and party-member points ledger (SERVICES.md §4).
            # Data, not code: the parser's words and the help text come from here, and every
            # example is run as a test.
            family: points
            help: {rank: 7, title: {en: Points, zh: 积分}}
            commands:
              - id: points
                words: {en: [points, score], zh: [积分]}
                roles: [anyone]
                args:
                  - {name: person, type: word, optional: true}
                usage: {en: "points [person]", zh: "积分 [人员]"}
                summary: {en: "the points ledger (yours; staff: anyone's)", zh: "积分（自己的；社区可查他人）"}
                examples:
                  - {say: points, args: {}}
                  - {say: 积分 u-wang, args: {person: u-wang}}

              - id: award
                words: {en: [award], zh: [加分, 记分]}
                roles: [staff]
                args:
                  - name: person
                    type: word
                    prompt: {en: "Who? e.g. u-wang", zh: "给谁？例如 u-wang"}
                  - name: item
                    type: word
                    prompt: {en: "Which item? e.g. patrol, cleanup, absent", zh: "哪一项？例如 巡楼、大扫除、缺席"}
                  - {name: note, type: text, optional: true}
                usage: {en: "award <person> <item> [note]", zh: "加分 <人员> <项目> [说明]"}
                summary: {en: "record points for an item of the ledger", zh: "按积分项目记分"}
                examples:
                  - {say: award u-wang patrol night patrol of b3, args: {person: u-wang, item: patrol, note: night patrol of b3}}
                  - {say: 加分 u-fang 大扫除, args: {person: u-fang, item: 大扫除}}

              - id: leaderboard
                words: {en: [leaderboard, ranking], zh: [排行, 积分榜]}
                roles: [anyone]
                usage: {en: leaderboard, zh: 积分榜}
                summary: {en: "the points leaderboard of each grid", zh: "各网格积分排行"}
                examples:
                  - {say: leaderboard, args: {}}
                  - {say: 积分榜, args: {}}

            """####
        ),
        (
            "people.yaml",
            ####"""
            # People and the community (SERVICES.md §5). Data, not code: the parser's words
            # and the help text come from here, and every example is run as a test.
            family: people
            help: {rank: 9, title: {en: You and Linli, zh: 我和小邻}}
            commands:
              - id: help
                words: {en: [help, commands], zh: [帮助, 菜单, 命令]}
                roles: [anyone]
                args:
                  - {name: topic, type: command, optional: true}
                usage: {en: "help [command]", zh: "帮助 [命令]"}
                summary: {en: "what you can do here", zh: "看看能做什么"}
                examples:
                  - {say: help, args: {}}
                  - {say: "help report", args: {topic: report}}
                  - {say: 帮助, args: {}}
                  - {say: 帮助 报修, args: {topic: 报修}}

              - id: register
                words: {en: [register, "sign up"], zh: [登记, 注册, 绑定]}
                roles: [anyone]
                args:
                  - name: room
                    type: word
                    prompt: {en: "Which room do you live in? e.g. 501 (in a building group) or b3-501", zh: "请问您住哪一户？例如 501（在楼栋群里），或 b3-501"}
                usage: {en: "register <room>", zh: "登记 <房号>"}
                summary: {en: "tell Linli which household you belong to", zh: "登记您的住户信息"}
                examples:
                  - {say: register 501, args: {room: "501"}}
                  - {say: register b3-501, args: {room: b3-501}}
                  - {say: 登记 502, args: {room: "502"}}
                  - {say: 登记 b4-1201, args: {room: b4-1201}}

              - id: contacts
                words: {en: [contacts, contact, who], zh: [联系人, 联系方式, 找谁]}
                roles: [resident, staff]
                usage: {en: contacts, zh: 联系人}
                summary: {en: "your building captain, grid leader and the community office", zh: "我的楼栋长、网格长和社区"}
                examples:
                  - {say: contacts, args: {}}
                  - {say: 联系人, args: {}}

              - id: lang
                words: {en: [lang, language], zh: [语言]}
                roles: [anyone]
                args:
                  - name: lang
                    type: lang
                    prompt: {en: "Which language: zh or en?", zh: "用哪种语言：zh（中文）还是 en（英文）？"}
                usage: {en: "lang zh|en", zh: "语言 zh|en"}
                summary: {en: "choose the language Linli answers you in", zh: "设置回复语言"}
                examples:
                  - {say: lang en, args: {lang: en}}
                  - {say: language zh, args: {lang: zh}}
                  - {say: 语言 中文, args: {lang: zh}}
                  - {say: 语言 英文, args: {lang: en}}

              - id: approve_member
                words: {en: [approve, admit], zh: [通过, 确认登记]}
                roles: [captain, grid_leader, staff]
                args:
                  - name: person
                    type: word
                    prompt: {en: "Whose registration? e.g. u-tom", zh: "确认谁的登记？例如 u-tom"}
                usage: {en: "approve <person>", zh: "通过 <人员>"}
                summary: {en: "confirm a registration waiting for you", zh: "确认住户登记"}
                examples:
                  - {say: approve u-tom, args: {person: u-tom}}
                  - {say: 通过 u-tom, args: {person: u-tom}}
                  - {say: 确认登记 张伟, args: {person: 张伟}}

              - id: reject_member
                words: {en: [reject, refuse], zh: [拒绝, 拒绝登记]}
                roles: [captain, grid_leader, staff]
                args:
                  - name: person
                    type: word
                    prompt: {en: "Whose registration? e.g. u-tom", zh: "拒绝谁的登记？例如 u-tom"}
                  - {name: why, type: text, optional: true}
                usage: {en: "reject <person> [why]", zh: "拒绝 <人员> [原因]"}
                summary: {en: "turn down a registration waiting for you", zh: "不通过住户登记"}
                examples:
                  - {say: reject u-tom not a resident of 905, args: {person: u-tom, why: not a resident of 905}}
                  - {say: 拒绝 u-tom 房号不对, args: {person: u-tom, why: 房号不对}}

            """####
        ),
        (
            "workorders.yaml",
            ####"""
            # Work orders (SERVICES.md §1): 采集上报 → 分流交办 → 执行处置 → 日常督办 → 结果反馈 → 考核评价.
            # Data, not code: the parser's words and the help text come from here, and every
            # example is run as a test. Roles: who the command is meant for (help lists it to
            # them); the handlers check each record's own rights.
            family: workorders
            help: {rank: 1, title: {en: Repairs and reports, zh: 报修}}
            commands:
              - id: report
                words: {en: [report, repair, fix], zh: [报修, 报事, 反映, 投诉, 报告]}
                roles: [resident]
                args:
                  - name: category
                    type: category
                    prompt: {en: "What kind of problem? e.g. leak, power, water, elevator, noise, garbage", zh: "请问是什么问题？例如 漏水、停电、停水、电梯、噪音、垃圾"}
                  - {name: place, type: place, optional: true}
                  - name: details
                    type: text
                    prompt: {en: "Please describe it: where, what you see.", zh: "请描述一下情况：在哪里、是什么样子。"}
                usage: {en: "report <category> [place] <details>", zh: "报修 <类别> [位置] <情况>"}
                summary: {en: "report a problem; your building captain is told", zh: "报修/反映问题，楼栋长会收到"}
                examples:
                  - {say: report leak 501 kitchen ceiling dripping, args: {category: leak, place: "501", details: kitchen ceiling dripping}}
                  - {say: 报修 漏水 501 厨房天花板滴水, args: {category: leak, place: "501", details: 厨房天花板滴水}}
                  - {say: 报修漏水501厨房天花板滴水, args: {category: leak, place: "501", details: 厨房天花板滴水}}
                  - {say: 报修 厨房水管爆了, args: {category: leak, details: 厨房水管爆了}}
                  - {say: report the lift is broken again, args: {category: elevator, details: the lift is broken again}}
                  - {say: report noise upstairs drilling after 11pm, args: {category: noise, details: upstairs drilling after 11pm}}
                  - {say: 反映 噪音 楼上每晚装修到十二点, args: {category: noise, details: 楼上每晚装修到十二点}}
                  - {say: Report Elevator stuck on floor 7, args: {category: elevator, details: stuck on floor 7}}
                  - {say: 报事 电梯 困在7楼, args: {category: elevator, details: 困在7楼}}

              - id: status
                words: {en: [status, progress], zh: [进度, 查询, 状态]}
                roles: [resident, staff]
                args:
                  - {name: record, type: record, kinds: [R], optional: true}
                usage: {en: "status [R<n>]", zh: "进度 [R编号]"}
                summary: {en: "one record, or your open records", zh: "查看一条记录，或我未办结的记录"}
                examples:
                  - {say: status, args: {}}
                  - {say: status R1, args: {record: R1}}
                  - {say: "进度 #r12", args: {record: R12}}

              - id: urge
                words: {en: [urge, chase, hurry], zh: [催办, 催促, 催]}
                roles: [resident]
                args:
                  - name: record
                    type: record
                    kinds: [R]
                    prompt: {en: "Which record? e.g. R1", zh: "催哪一条？例如 R1"}
                usage: {en: "urge R<n>", zh: "催办 R编号"}
                summary: {en: "chase the person handling it (once a day)", zh: "催一下处理人（每天一次）"}
                examples:
                  - {say: urge R3, args: {record: R3}}
                  - {say: 催办 R3, args: {record: R3}}
                  - {say: 催办R3, args: {record: R3}}

              - id: cancel
                words: {en: [cancel, withdraw], zh: [撤销, 撤回, 取消]}
                roles: [resident, staff]
                args:
                  - name: record
                    type: record
                    kinds: [R, B, S]
                    prompt: {en: "Which record? e.g. R1 or B1", zh: "撤销哪一条？例如 R1 或 B1"}
                usage: {en: "cancel R<n>|B<n>|S<n>", zh: "撤销 R编号|B编号|S编号"}
                summary: {en: "withdraw your own open report, booking or service request", zh: "撤回自己的报修、预约或服务申请"}
                examples:
                  - {say: cancel R2, args: {record: R2}}
                  - {say: 撤销 R2, args: {record: R2}}
                  - {say: 取消 B3, args: {record: B3}}
                  - {say: 撤销 S2, args: {record: S2}}

              - id: rate
                words: {en: [rate, rating], zh: [评价, 打分, 评分]}
                roles: [resident]
                args:
                  - name: record
                    type: record
                    kinds: [R]
                    prompt: {en: "Which record? e.g. R1", zh: "评价哪一条？例如 R1"}
                  - name: score
                    type: int
                    min: 1
                    max: 5
                    prompt: {en: "How many stars, 1 to 5?", zh: "打几分？1 到 5"}
                  - {name: comment, type: text, optional: true}
                usage: {en: "rate R<n> <1-5> [comment]", zh: "评价 R编号 <1-5> [留言]"}
                summary: {en: "rate a resolved report", zh: "给办结的报修打分"}
                examples:
                  - {say: rate R1 5 fixed fast thanks, args: {record: R1, score: "5", comment: fixed fast thanks}}
                  - {say: 评价 R1 5分 师傅很负责, args: {record: R1, score: "5", comment: 师傅很负责}}
                  - {say: rate r1 3, args: {record: R1, score: "3"}}

              - id: reopen
                words: {en: [reopen, "not fixed"], zh: [没解决, 未解决, 重新打开, 重开]}
                roles: [resident]
                args:
                  - name: record
                    type: record
                    kinds: [R]
                    prompt: {en: "Which record? e.g. R1", zh: "哪一条没解决？例如 R1"}
                  - {name: why, type: text, optional: true}
                usage: {en: "reopen R<n> [why]", zh: "没解决 R编号 [原因]"}
                summary: {en: "send a resolved report back (within 7 days)", zh: "办结后7天内反映没解决"}
                examples:
                  - {say: reopen R1 still dripping, args: {record: R1, why: still dripping}}
                  - {say: 没解决 R1 还在滴水, args: {record: R1, why: 还在滴水}}

              - id: accept
                words: {en: [accept, take], zh: [签收, 接单, 受理]}
                roles: [captain, grid_leader, staff, department, volunteer]
                args:
                  - name: record
                    type: record
                    kinds: [R, S]
                    prompt: {en: "Which record? e.g. R1", zh: "签收哪一条？例如 R1"}
                usage: {en: "accept R<n>|S<n>", zh: "签收 R编号|S编号"}
                summary: {en: "take a work order (starts the resolve clock) or a service request", zh: "签收工单（开始计时）或服务申请"}
                examples:
                  - {say: accept R1, args: {record: R1}}
                  - {say: 签收 R1, args: {record: R1}}
                  - {say: 接单 ＃Ｒ１, args: {record: R1}}
                  - {say: 签收 S2, args: {record: S2}}

              - id: assign
                words: {en: [assign, route], zh: [交办, 派单, 转交, 指派]}
                roles: [captain, grid_leader, staff]
                args:
                  - name: record
                    type: record
                    kinds: [R]
                    prompt: {en: "Which record? e.g. R1", zh: "交办哪一条？例如 R1"}
                  - name: to
                    type: word
                    prompt: {en: "To whom? A person or a department, e.g. property", zh: "交给谁？一个人或部门，例如 property"}
                usage: {en: "assign R<n> <person or department>", zh: "交办 R编号 <人或部门>"}
                summary: {en: "route a work order to a person or department", zh: "把工单交给某人或部门"}
                examples:
                  - {say: assign R1 property, args: {record: R1, to: property}}
                  - {say: 交办 R1 u-wang, args: {record: R1, to: u-wang}}
                  - {say: 派单 R4 @王磊, args: {record: R4, to: "@王磊"}}

              - id: note
                words: {en: [note, update], zh: [进展, 备注, 跟进]}
                roles: [captain, grid_leader, staff, department, volunteer]
                args:
                  - name: record
                    type: record
                    kinds: [R]
                    prompt: {en: "Which record? e.g. R1", zh: "哪一条的进展？例如 R1"}
                  - name: text
                    type: text
                    prompt: {en: "What is the progress?", zh: "进展如何？"}
                usage: {en: "note R<n> <text>", zh: "进展 R编号 <内容>"}
                summary: {en: "a progress note; the reporter is told", zh: "记录进展，报修人会收到"}
                examples:
                  - {say: note R1 plumber coming at 3pm, args: {record: R1, text: plumber coming at 3pm}}
                  - {say: 进展 R1 师傅下午三点上门, args: {record: R1, text: 师傅下午三点上门}}

              - id: done
                words: {en: [done, resolve, resolved, fixed], zh: [办结, 完成, 已解决, 修好了]}
                roles: [captain, grid_leader, staff, department, volunteer]
                args:
                  - name: record
                    type: record
                    kinds: [R, S]
                    prompt: {en: "Which record? e.g. R1", zh: "办结哪一条？例如 R1"}
                  - name: result
                    type: text
                    prompt: {en: "What was done?", zh: "怎么处理的？"}
                usage: {en: "done R<n> <result> | done S<n> [result]", zh: "办结 R编号 <处理结果> | 办结 S编号 [结果]"}
                summary: {en: "mark it resolved; the reporter is asked to rate (a service request: the requester is told)", zh: "办结工单，请报修人评价（服务申请：告知申请人）"}
                examples:
                  - {say: done R1 replaced the pipe joint, args: {record: R1, result: replaced the pipe joint}}
                  - {say: 办结 R1 已更换水管接头, args: {record: R1, result: 已更换水管接头}}
                  - {say: 完成 R2 换了水管, args: {record: R2, result: 换了水管}}
                  - {say: done S2, args: {record: S2}}
                  - {say: 办结 S2 已上门理发, args: {record: S2, result: 已上门理发}}

              - id: queue
                words: {en: [queue, todo, inbox], zh: [待办, 我的待办, 工单]}
                roles: [captain, grid_leader, staff, department, volunteer]
                usage: {en: queue, zh: 待办}
                summary: {en: "open work orders and service requests waiting on you", zh: "等我处理的工单和服务申请"}
                examples:
                  - {say: queue, args: {}}
                  - {say: 待办, args: {}}

              - id: escalate
                words: {en: [escalate, whistle], zh: [吹哨, 升级, 上报]}
                roles: [captain, grid_leader, staff, department]
                args:
                  - name: record
                    type: record
                    kinds: [R]
                    prompt: {en: "Which record? e.g. R1", zh: "哪一条？例如 R1"}
                  - {name: detail, type: text, optional: true}
                usage: {en: "escalate R<n> [department] [ref:<number>] [why]", zh: "吹哨 R编号 [部门] [ref:外部编号] [原因]"}
                summary: {en: "move it up the ladder, or (office) call a department in", zh: "升级到上一级，或（社区）吹哨呼叫部门"}
                examples:
                  - {say: escalate R1 no answer from the captain, args: {record: R1, detail: no answer from the captain}}
                  - {say: escalate R2 water ref:12345-678 main pipe burst, args: {record: R2, detail: "water ref:12345-678 main pipe burst"}}
                  - {say: 吹哨 R2 自来水公司 主管道爆裂, args: {record: R2, detail: 自来水公司 主管道爆裂}}
                  - {say: 升级 R3, args: {record: R3}}

              - id: stats
                words: {en: [stats, statistics], zh: [统计, 数据, 考核]}
                roles: [captain, grid_leader, staff]
                args:
                  - {name: what, type: text, optional: true}
                usage: {en: "stats [building|grid] [today|week|month|7d|2026-11|all]", zh: "统计 [楼栋|网格] [今天|本周|本月|7d|2026-11|全部]"}
                summary: {en: "closure and satisfaction rates, times to accept and resolve", zh: "办结率、满意率、签收和办结用时"}
                examples:
                  - {say: stats, args: {}}
                  - {say: stats b3 month, args: {what: b3 month}}
                  - {say: 统计 3栋 本月, args: {what: 3栋 本月}}
                  - {say: 统计, args: {}}

              - id: merge
                words: {en: [merge, duplicate], zh: [并单, 合并]}
                roles: [captain, grid_leader, staff]
                args:
                  - name: record
                    type: record
                    kinds: [R]
                    prompt: {en: "Which report is the duplicate? e.g. R2", zh: "哪一条是重复的？例如 R2"}
                  - name: into
                    type: record
                    kinds: [R]
                    prompt: {en: "Merge it into which report? e.g. R1", zh: "并入哪一条？例如 R1"}
                usage: {en: "merge R<n> R<m>", zh: "并单 R编号 R编号"}
                summary: {en: "close a duplicate; its reporter follows the other report", zh: "重复报修并单，报修人改为关注另一条"}
                examples:
                  - {say: merge R2 R1, args: {record: R2, into: R1}}
                  - {say: 并单 R2 R1, args: {record: R2, into: R1}}

              - id: metoo
                words: {en: [metoo, "me too"], zh: [我也是, 我家也是, 我也一样]}
                roles: [resident]
                args:
                  - name: record
                    type: record
                    kinds: [R]
                    prompt: {en: "Which report? e.g. R1", zh: "哪一条报修？例如 R1"}
                usage: {en: "metoo R<n>", zh: "我也是 R编号"}
                summary: {en: "your household has the same trouble: follow the report", zh: "我家也有同样问题：关注这条报修"}
                examples:
                  - {say: metoo R1, args: {record: R1}}
                  - {say: me too R1, args: {record: R1}}
                  - {say: 我也是 R1, args: {record: R1}}

            """####
        ),
        (
            "announcements.yaml",
            ####"""
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
        ),
        (
            "deliveries.yaml",
            ####"""
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
        ),
        (
            "households.yaml",
            ####"""
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
        ),
        (
            "roles.yaml",
            ####"""
            # Roles given and taken back in chat by the community office (SERVICES.md §5):
            # kept in the database over the community file, effective at once. Data, not code:
            # the parser's words and the help text come from here, and every example is run as a test.
            family: roles
            help: {rank: 10, title: {en: Roles, zh: 角色}}
            commands:
              - id: role
                words: {en: [role], zh: [任命, 设置角色]}
                roles: [staff]
                args:
                  - name: person
                    type: word
                    prompt: {en: "Who? e.g. u-wang, a name or an @mention", zh: "任命谁？例如 u-wang、姓名或 @某人"}
                  - name: role
                    type: role
                    prompt: {en: "Which role: captain, grid_leader, volunteer, party_member or mediator?", zh: "什么角色：楼栋长、网格长、志愿者、党员还是调解员？"}
                  - {name: scope, type: word, optional: true}
                usage: {en: "role <person> <role> [building|grid]", zh: "任命 <人员> <角色> [楼栋|网格]"}
                summary: {en: "make someone a captain, grid leader, volunteer, party member or mediator", zh: "任命楼栋长、网格长、志愿者、党员或调解员"}
                examples:
                  - {say: role u-li captain b1, args: {person: u-li, role: captain, scope: b1}}
                  - {say: role u-bo volunteer, args: {person: u-bo, role: volunteer}}
                  - {say: 任命 李阿姨 楼栋长 1栋, args: {person: 李阿姨, role: captain, scope: 1栋}}
                  - {say: 设置角色 张博 调解员, args: {person: 张博, role: mediator}}

              - id: unrole
                words: {en: [unrole], zh: [免去, 撤销角色]}
                roles: [staff]
                args:
                  - name: person
                    type: word
                    prompt: {en: "Whose role? e.g. u-wang, a name or an @mention", zh: "免去谁的角色？例如 u-wang、姓名或 @某人"}
                  - name: role
                    type: role
                    prompt: {en: "Which role: captain, grid_leader, volunteer, party_member or mediator?", zh: "什么角色：楼栋长、网格长、志愿者、党员还是调解员？"}
                  - {name: scope, type: word, optional: true}
                usage: {en: "unrole <person> <role> [building|grid]", zh: "免去 <人员> <角色> [楼栋|网格]"}
                summary: {en: "take a role back", zh: "免去某人的角色"}
                examples:
                  - {say: unrole u-vol volunteer, args: {person: u-vol, role: volunteer}}
                  - {say: 免去 刘队长 楼栋长, args: {person: 刘队长, role: captain}}
                  - {say: 撤销角色 方志愿 志愿者, args: {person: 方志愿, role: volunteer}}

              - id: roles
                words: {en: [roles], zh: [角色, 角色列表]}
                roles: [staff]
                usage: {en: roles, zh: 角色}
                summary: {en: "who holds which role now, and the changes made in chat", zh: "现在谁担任什么角色，以及群里的任免记录"}
                examples:
                  - {say: roles, args: {}}
                  - {say: 角色, args: {}}

            """####
        ),
        (
            "accountability.yaml",
            ####"""
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
                usage: {en: "publish [building] [period]", zh: "晒数据 [楼栋] [时段]"}
                summary: {en: "post a month's figures to the groups (last month unless named)", zh: "把一个月的办结率、满意率晒到群里（默认上个月）"}
                examples:
                  - {say: publish, args: {}}
                  - {say: publish b3 2026-11, args: {what: b3 2026-11}}
                  - {say: 晒数据, args: {}}
                  - {say: 晒数据 3栋 本月, args: {what: 3栋 本月}}

            """####
        ),
        (
            "alerts.yaml",
            ####"""
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
                summary: {en: "acknowledge an emergency alert", zh: "确认收到紧急通知"}
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
        ),
    ]
}
