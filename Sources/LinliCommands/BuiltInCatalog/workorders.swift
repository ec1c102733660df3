// Written from commands/*.yaml by `LINLI_UPDATE_CATALOG=1 swift test --filter BuiltInCatalogTests`; do not edit.

extension BuiltInCatalogFiles {
    static let workorders = (
        name: "workorders.yaml",
        text: ####"""
        # Work orders (SERVICES.md §1): 采集上报 → 分流交办 → 执行处置 → 日常督办 → 结果反馈 → 考核评价.
        # Data, not code: the parser's words and the help text come from here, and every
        # example is run as a test. Roles: who the command is meant for (help lists it to
        # them); the handlers check each record's own rights.
        family: workorders
        help: {rank: 1, title: {en: Repairs and reports, zh: 报修}}
        commands:
          - id: report
            words: {en: [report, repair, fix], zh: [报修, 报事, 反映, 投诉, 报告]}
            roles: [resident, staff, grid_leader]
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
              - {say: 报修 漏水 3栋楼道 水管爆了, args: {category: leak, details: 3栋楼道 水管爆了}}

          - id: status
            words: {en: [status, progress], zh: [进度, 查询, 状态]}
            roles: [resident, staff]
            args:
              - {name: record, type: record, kinds: [R, S, W], optional: true}
            usage: {en: "status [R<n>|S<n>|W<n>]", zh: "进度 [R编号|S编号|W编号]"}
            summary: {en: "one record, or your open records", zh: "查看一条记录，或我未办结的记录"}
            examples:
              - {say: status, args: {}}
              - {say: status R1, args: {record: R1}}
              - {say: "进度 #r12", args: {record: R12}}
              - {say: 进度 S3, args: {record: S3}}
              - {say: status W2, args: {record: W2}}

          - id: urge
            words: {en: [urge, chase, hurry, supervise, press], zh: [催办, 催促, 催, 督办]}
            roles: [resident, captain, grid_leader, staff]
            args:
              - name: record
                type: record
                kinds: [R]
                prompt: {en: "Which record? e.g. R1", zh: "催哪一条？例如 R1"}
              - {name: note, type: text, optional: true}
            usage: {en: "urge R<n> [note]", zh: "催办 R编号 [说明]"}
            summary: {en: "chase the person handling it (once a day); from the office, a grid leader or a captain: supervise it (督办)", zh: "催一下处理人（每天一次）；社区、网格长、楼栋长：督办"}
            examples:
              - {say: urge R3, args: {record: R3}}
              - {say: 催办 R3, args: {record: R3}}
              - {say: 督办 R3 请今天内处理, args: {record: R3, note: 请今天内处理}}
              - {say: supervise R3 the lift has been out two days, args: {record: R3, note: the lift has been out two days}}
              - {say: press R1 urgent, args: {record: R1, note: urgent}}
              - {say: 催办R3, args: {record: R3}}

          - id: cancel
            words: {en: [cancel, withdraw, "cancel booking", "cancel my booking", "cancel report", "cancel my report"], zh: [撤销, 撤回, 取消, 取消预约, 撤销预约, 取消报修, 撤销报修, 取消申请]}
            roles: [resident, staff]
            args:
              - name: record
                type: record
                kinds: [R, B, S, W]
                prompt: {en: "Which record? e.g. R1 or B1", zh: "撤销哪一条？例如 R1 或 B1"}
            usage: {en: "cancel R<n>|B<n>|S<n>|W<n>", zh: "撤销 R编号|B编号|S编号|W编号"}
            summary: {en: "withdraw your own open report (not one other households follow), booking, service request or wish (cancel my booking: your one booking to come)", zh: "撤回自己的报修（有其他住户关注的除外）、预约、服务申请或心愿（取消预约：您唯一一个待用的预约）"}
            examples:
              - {say: cancel R2, args: {record: R2}}
              - {say: 撤销 R2, args: {record: R2}}
              - {say: 取消 B3, args: {record: B3}}
              - {say: 撤销 S2, args: {record: S2}}
              - {say: 撤销 W1, args: {record: W1}}

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
            words: {en: [assign, route, transfer], zh: [交办, 派单, 转交, 指派]}
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
              - {say: transfer R1 to property, args: {record: R1, to: property}}

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
            usage: {en: "stats [building|grid] [today|yesterday|week|last week|month|last 7 days|2026-11|all]", zh: "统计 [楼栋|网格] [今天|昨天|本周|上周|本月|近7天|11月|全部]"}
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
    )
}
