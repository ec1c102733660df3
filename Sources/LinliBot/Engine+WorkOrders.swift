import LinliCore
import LinliStore

/// Work orders (SERVICES.md §1): report, route, take, progress, resolve, rate.
extension Engine {
    func report(category categoryID: String, place: String?, details: String, _ ctx: Context) throws -> Outcome {
        let building = try ctx.requireBuilding()
        guard let category = directory.category(categoryID) else {
            throw LinliError(.usage, zh: "没有“\(categoryID)”这个类别。", en: "There is no category “\(categoryID)”.")
        }
        let (assignee, level) = firstResponder(for: building)
        let number = nextNumber(.workOrder)
        var order = WorkOrder(number: number, category: category.id, building: building.id, place: place ?? ctx.home.map(room),
                              details: details, reporter: ctx.sender, group: ctx.group, assignee: assignee.map(Assignee.person), level: level,
                              createdAt: ctx.now)
        order.state = .submitted
        try ctx.tx.insert(order)
        remember(order)
        try ctx.tx.appendHistory(number, HistoryEntry(at: ctx.now, actor: ctx.sender, action: "report", detail: details))
        try startAcceptClock(order, ctx.tx)
        let rid = order.id.description
        let what = Localized(zh: "\(category.name(.zh)) · \(building.name)\(order.place.map { " \($0)" } ?? "")",
                             en: "\(category.name(.en)) · \(building.name)\(order.place.map { " \($0)" } ?? "")")
        let handler = assignee.map { directory.name(of: $0) } ?? "社区"
        var effects: [Effect] = []
        if let assignee, assignee != ctx.sender {
            effects.append(.notify(to: assignee, reason: "new_report", text: Localized(
                zh: "【新报修】\(rid) \(what.zh)：\(details)（\(reporterLabel(ctx))）。请在\(category.accept.spoken(.zh))内签收：签收 \(rid)",
                en: "[New report] \(rid) \(what.en): \(details) (\(reporterLabel(ctx))). Please accept within \(category.accept.spoken(.en)): accept \(rid)"),
                refs: [rid], priority: category.priority))
        }
        if category.isPrivate && ctx.group != nil {
            return Outcome(zh: "已收到 \(rid)，已私下转给\(handler)处理，内容不会在群里公开。进度请私聊我发送：进度 \(rid)",
                           en: "Got it: \(rid), passed privately to \(handler); nothing is shown in the group. Ask me privately: status \(rid)",
                           refs: [rid], effects: effects)
        }
        return Outcome(
            zh: "已受理 \(rid)（\(what.zh)）：\(details)。已转\(levelName(level, .zh))\(handler)，\(category.accept.spoken(.zh))内签收。",
            en: "Got it: \(rid) (\(what.en)): \(details). Sent to \(levelName(level, .en)) \(handler), to be accepted within \(category.accept.spoken(.en)).",
            refs: [rid], effects: effects)
    }

    func status(_ id: RecordID?, _ ctx: Context) throws -> Outcome {
        guard let id else {
            _ = try ctx.requireBuilding()
            let open = try ctx.tx.openWorkOrders(reporter: ctx.sender)
            let requests = try ctx.tx.openRequests(requester: ctx.sender)
            guard !open.isEmpty || !requests.isEmpty else { return Outcome(zh: "您没有未办结的记录。", en: "You have no open records.") }
            func requestLine(_ r: ServiceRequest, _ lang: Lang) -> String {
                let name = directory.community.services.first { $0.id == r.service }?.name ?? r.service
                guard let due = r.dueAt else { return lang == .zh ? "\(r.id) \(name)：处理中" : "\(r.id) \(name): in hand" }
                let day = LocalDay(due, offsetSeconds: offset(at: due))
                return lang == .zh ? "\(r.id) \(name)：借用中，\(day.spoken(.zh))前归还" : "\(r.id) \(name): on loan, due \(day.spoken(.en))"
            }
            let lines = (open.map { summaryLine($0, ctx.lang) } + requests.map { requestLine($0, ctx.lang) }).joined(separator: "\n")
            return Outcome(zh: "您未办结的记录：\n\(lines)", en: "Your open records:\n\(lines)", refs: open.map(\.id.description) + requests.map(\.id.description))
        }
        let order = try load(id, ctx)
        guard may(ctx.sender, [.reporter, .handler, .manager], order) else { throw forbidden(id, ctx) }
        let last = try ctx.tx.history(order.number).last
        let latest = last.map { entry in
            Localized(zh: "\n最近：\(historyLine(entry, .zh))", en: "\nLatest: \(historyLine(entry, .en))")
        } ?? Localized(zh: "", en: "")
        return Outcome(zh: "\(summaryLine(order, .zh))\(latest.zh)", en: "\(summaryLine(order, .en))\(latest.en)", refs: [id.description])
    }

    func queue(_ ctx: Context) throws -> Outcome {
        let assignees = [ctx.sender] + directory.departments(of: ctx.sender).map(\.id)
        let captainOf = directory.community.buildings.filter { $0.captain == ctx.sender }.map(\.id)
        let open = try ctx.tx.queue(assignees: assignees, buildings: captainOf)
        guard !open.isEmpty else { return Outcome(zh: "没有等您处理的工单。", en: "Nothing is waiting on you.") }
        let lines = open.map { summaryLine($0, ctx.lang) }.joined(separator: "\n")
        return Outcome(zh: "等您处理的工单（\(open.count)）：\n\(lines)", en: "Waiting on you (\(open.count)):\n\(lines)", refs: open.map(\.id.description))
    }

    func urge(_ id: RecordID, _ ctx: Context) throws -> Outcome {
        let order = try change(id, ctx, by: [.reporter]) { _ in .urge }
        let rid = id.description
        let text = Localized(zh: "【催办】\(rid) \(categoryName(order, .zh))：\(order.details)。报修人（\(reporterLabel(ctx))）在催，请尽快处理。",
                             en: "[Chase] \(rid) \(categoryName(order, .en)): \(order.details). The reporter (\(reporterLabel(ctx))) is asking for progress.")
        return Outcome(zh: "已催办 \(rid)，已提醒处理人。", en: "Chased \(rid); the handler has been reminded.", refs: [rid],
                       effects: notifyHandlers(order, except: ctx.sender, reason: "reminder", text: text))
    }

    func cancel(_ id: RecordID, _ ctx: Context) throws -> Outcome {
        let order = try change(id, ctx, by: [.reporter]) { _ in .cancel }
        let rid = id.description
        return Outcome(zh: "已撤销 \(rid)。", en: "Withdrawn: \(rid).", refs: [rid], effects: notifyHandlers(
            order, except: ctx.sender, reason: "status_changed",
            text: Localized(zh: "\(rid) 已由报修人撤销，无需处理。", en: "\(rid) was withdrawn by the reporter; nothing to do.")))
    }

    func accept(_ id: RecordID, _ ctx: Context) throws -> Outcome {
        let order = try change(id, ctx, by: [.handler, .manager]) { _ in .accept(by: ctx.sender) }
        let rid = id.description
        let name = directory.name(of: ctx.sender)
        let limit = directory.category(order.category)?.resolve ?? .days(7)
        return Outcome(
            zh: "已签收 \(rid)，请在\(limit.spoken(.zh))内办结。", en: "Accepted \(rid); please resolve it within \(limit.spoken(.en)).",
            refs: [rid], effects: notifyReporter(order, ctx, reason: "status_changed",
                                                 text: Localized(zh: "您的报修 \(rid) 已由\(name)签收。", en: "Your report \(rid) was accepted by \(name).")))
    }

    func assign(_ id: RecordID, to target: String, _ ctx: Context) throws -> Outcome {
        let order = try change(id, ctx, by: [.manager]) { order in
            let assignee = try resolveAssignee(target, ctx)
            let level: Level = if case .department = assignee { .department } else { order.level }
            return .assign(assignee, level: level)
        }
        let rid = id.description
        let name = directory.name(of: order.assignee?.id ?? target)
        let category = directory.category(order.category)
        let accept = category?.accept ?? .days(1)
        var effects = notifyHandlers(order, except: ctx.sender, reason: "assigned", text: Localized(
            zh: "【交办】\(rid) \(categoryName(order, .zh)) · \(buildingName(order))\(order.place.map { " \($0)" } ?? "")：\(order.details)。请在\(accept.spoken(.zh))内签收：签收 \(rid)",
            en: "[Assigned] \(rid) \(categoryName(order, .en)) · \(buildingName(order))\(order.place.map { " \($0)" } ?? ""): \(order.details). Please accept within \(accept.spoken(.en)): accept \(rid)"))
        effects += notifyReporter(order, ctx, reason: "status_changed",
                                  text: Localized(zh: "您的报修 \(rid) 已交给\(name)处理。", en: "Your report \(rid) has been passed to \(name)."))
        return Outcome(zh: "已将 \(rid) 交办给\(name)。", en: "Assigned \(rid) to \(name).", refs: [rid], effects: effects)
    }

    func note(_ id: RecordID, text: String, _ ctx: Context) throws -> Outcome {
        let order = try change(id, ctx, by: [.handler, .manager]) { _ in .note(text) }
        let rid = id.description
        return Outcome(zh: "已记录 \(rid) 的进展。", en: "Noted on \(rid).", refs: [rid], effects: notifyReporter(
            order, ctx, reason: "status_changed", text: Localized(zh: "您的报修 \(rid) 有新进展：\(text)", en: "Progress on your report \(rid): \(text)")))
    }

    /// Words that, leading a result, say how it turned out.
    static let resolutionWords: [(String, Resolution)] = [
        ("unable", .unable), ("无法解决", .unable), ("无法处理", .unable), ("referred", .referred), ("已转办", .referred), ("转办", .referred),
    ]

    func done(_ id: RecordID, result text: String, _ ctx: Context) throws -> Outcome {
        var how = Resolution.fixed
        var result = text
        if let (word, r) = Self.resolutionWords.first(where: { text.lowercased().hasPrefix($0.0) }) {
            how = r
            let rest = text.dropFirst(word.count).drop { " :：,，".contains($0) }
            result = rest.isEmpty ? word : String(rest)
        }
        let order = try change(id, ctx, by: [.handler, .manager]) { _ in .resolve(result, how) }
        let rid = id.description
        var effects = notifyReporter(order, ctx, reason: "rating_request", text: Localized(
            zh: "您的报修 \(rid) 已办结：\(result)。请评价（1-5分）：评价 \(rid) 5；没解决请回复：没解决 \(rid)",
            en: "Your report \(rid) is resolved: \(result). Please rate it 1-5: rate \(rid) 5; if it is not fixed: reopen \(rid)"))
        if let group = order.group, directory.category(order.category)?.isPrivate == false {
            effects.append(.post(group: group, reason: "status_changed", text: Localized(
                zh: "\(rid) \(categoryName(order, .zh))（\(buildingName(order))）已办结：\(result)",
                en: "\(rid) \(categoryName(order, .en)) (\(buildingName(order))) is resolved: \(result)"), refs: [rid], priority: priority(of: order)))
        }
        return Outcome(zh: "已办结 \(rid)，已请报修人评价。", en: "Resolved \(rid); the reporter has been asked to rate it.", refs: [rid], effects: effects)
    }

    func rate(_ id: RecordID, score: Int, comment: String?, _ ctx: Context) throws -> Outcome {
        let order = try change(id, ctx, by: [.reporter]) { _ in .rate(score, comment: comment) }
        let rid = id.description
        return Outcome(zh: "谢谢您的评价：\(rid) \(score)分。", en: "Thank you for rating \(rid): \(score)/5.", refs: [rid], effects: notifyHandlers(
            order, except: ctx.sender, reason: "status_changed",
            text: Localized(zh: "\(rid) 获评 \(score)分\(comment.map { "：\($0)" } ?? "")。", en: "\(rid) was rated \(score)/5\(comment.map { ": \($0)" } ?? "").")))
    }

    func reopen(_ id: RecordID, why: String?, _ ctx: Context) throws -> Outcome {
        let order = try change(id, ctx, by: [.reporter]) { _ in .reopen(why: why) }
        let rid = id.description
        var effects = notifyHandlers(
            order, except: ctx.sender, reason: "status_changed",
            text: Localized(zh: "\(rid) 被报修人退回：没解决\(why.map { "（\($0)）" } ?? "")。请重新签收：签收 \(rid)",
                            en: "\(rid) was sent back by the reporter: not fixed\(why.map { " (\($0))" } ?? ""). Please accept it again: accept \(rid)"))
        if let (above, _) = rung(above: order.level, building: order.building), !effects.contains(where: { $0.to == above }) {
            let who = order.assignee.map { directory.name(of: $0.id) } ?? "—"
            effects.append(.notify(to: above, reason: "status_changed", text: Localized(
                zh: "\(rid) \(categoryName(order, .zh)) · \(buildingName(order)) 被报修人退回（没解决），已交回\(who)。",
                en: "\(rid) \(categoryName(order, .en)) · \(buildingName(order)) was sent back by the reporter (not fixed); it is with \(who) again."),
                refs: [rid], priority: priority(of: order)))
        }
        return Outcome(zh: "已重新打开 \(rid)，已退回处理人。", en: "Reopened \(rid); it is back with its handler.", refs: [rid], effects: effects)
    }

    /// 吹哨: staff whistle in a department (`escalate R1 water ref:12345-6 …`); anyone
    /// handling or overseeing the order moves it one rung up the ladder.
    func escalate(_ id: RecordID, detail: String?, _ ctx: Context) throws -> Outcome {
        let words = (detail ?? "").split(separator: " ").map(String.init)
        let department = words.first.flatMap { w in directory.community.departments.first { $0.id.lowercased() == w.lowercased() || $0.name == w } }
        let ref = words.first { $0.lowercased().hasPrefix("ref:") }.map { String($0.dropFirst(4)) }.flatMap { $0.isEmpty ? nil : $0 }
        if department != nil && !ctx.isStaff {
            throw LinliError(.forbidden, zh: "只有社区工作人员可以吹哨呼叫部门。", en: "Only the community office can whistle in a department.", refs: [id.description])
        }
        let order = try change(id, ctx, by: [.handler, .manager]) { order in
            if let department { return .escalate(.department(department.id), level: .department, ref: ref) }
            guard let (person, level) = rung(above: order.level, building: order.building) else {
                let names = directory.community.departments.map(\.id).joined(separator: ", ")
                throw LinliError(.usage, zh: "\(id) 已在社区层级，请指定部门：吹哨 \(id) 部门（\(names)）",
                                 en: "\(id) is with the office already; name a department: escalate \(id) <department> (\(names))", refs: [id.description])
            }
            return .escalate(.person(person), level: level, ref: ref)
        }
        let rid = id.description
        let name = directory.name(of: order.assignee?.id ?? "")
        let why = words.filter { !$0.lowercased().hasPrefix("ref:") && $0 != department?.id && $0 != department?.name }.joined(separator: " ")
        let reason = why.isEmpty ? Localized(zh: "", en: "") : Localized(zh: "（\(why)）", en: " (\(why))")
        let refText = order.externalRef.map { Localized(zh: "，外部编号 \($0)", en: ", reference \($0)") } ?? Localized(zh: "", en: "")
        var effects = notifyHandlers(order, except: ctx.sender, reason: "escalated", text: Localized(
            zh: "【吹哨】\(rid) \(categoryName(order, .zh)) · \(buildingName(order))\(order.place.map { " \($0)" } ?? "")：\(order.details)\(reason.zh)\(refText.zh)。请签收：签收 \(rid)",
            en: "[Escalated] \(rid) \(categoryName(order, .en)) · \(buildingName(order))\(order.place.map { " \($0)" } ?? ""): \(order.details)\(reason.en)\(refText.en). Please accept it: accept \(rid)"))
        effects += notifyReporter(order, ctx, reason: "status_changed", text: Localized(
            zh: "您的报修 \(rid) 已升级交\(name)处理。", en: "Your report \(rid) has been escalated to \(name)."))
        return Outcome(zh: "已吹哨：\(rid) 交\(name)处理\(refText.zh)。", en: "Escalated \(rid) to \(name)\(refText.en).", refs: [rid], effects: effects)
    }
}
