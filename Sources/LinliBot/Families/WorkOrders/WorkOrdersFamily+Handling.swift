import LinliCommands
import LinliCore
import LinliStore

/// What handlers and managers do with a work order: accept, assign, note, resolve,
/// escalate (吹哨).
extension WorkOrdersFamily {
    func accept(_ id: RecordID, _ ctx: CommandContext) throws -> Outcome {
        let desk = WorkOrderDesk(ctx.kernel)
        let (before, unasked) = try held(id, ctx)
        // A department's order stays the department's when one of its members accepts it; anyone else takes it over.
        let order = try change(id, ctx, by: [.handler, .manager]) { order in
            .accept(by: ctx.sender, takingOver: !desk.isHandler(ctx.sender, of: order))
        }
        let rid = id.description
        let name = ctx.directory.name(of: ctx.sender)
        let limit = desk.limits(order).resolve
        var effects = try desk.notifyReporter(order, except: ctx.sender, reason: "status_changed") { r in
            Localized(zh: "\(r.report.zh) \(rid) 已由\(name)签收。", en: "\(r.report.en) \(rid) was accepted by \(name).")
        }
        effects += desk.tellFormerHandlers(
            before, order, except: ctx.sender, unasked: unasked,
            Localized(
                zh: "\(desk.headline(order, .zh)) 已由\(name)签收，您无需再处理。", en: "\(desk.headline(order, .en)) was accepted by \(name); you need not handle it."))
        return Outcome(
            zh: "已签收 \(rid)，请在\(limit.spoken(.zh))内办结。", en: "Accepted \(rid); please resolve it within \(limit.spoken(.en)).",
            refs: [rid], effects: effects)
    }

    func assign(_ id: RecordID, to target: String, _ ctx: CommandContext) throws -> Outcome {
        let desk = WorkOrderDesk(ctx.kernel)
        let (before, unasked) = try held(id, ctx)
        let order = try change(id, ctx, by: [.manager]) { order in
            let assignee = try desk.resolveAssignee(target, mentions: ctx.mentions)
            if case .person(let person) = assignee { try desk.requireMayHandle(person, order) }
            let level: Level = if case .department = assignee { .department } else { order.level }
            return .assign(assignee, level: level)
        }
        let rid = id.description
        let name = ctx.directory.name(of: order.assignee?.id ?? target)
        let category = ctx.directory.category(order.category)
        let accept = category?.accept ?? .days(1)
        var effects = desk.notifyHandlers(
            order, except: ctx.sender, reason: "assigned",
            text: Localized(
                zh:
                    "【交办】\(desk.headline(order, .zh))：\(order.details)。请在\(accept.spoken(.zh))内签收：签收 \(rid)",
                en:
                    "[Assigned] \(desk.headline(order, .en)): \(order.details). Please accept within \(accept.spoken(.en)): accept \(rid)"
            ))
        effects += try desk.notifyReporter(order, except: ctx.sender, reason: "status_changed") { r in
            Localized(zh: "\(r.report.zh) \(rid) 已交给\(name)处理。", en: "\(r.report.en) \(rid) has been passed to \(name).")
        }
        effects += desk.tellFormerHandlers(before, order, except: ctx.sender, unasked: unasked, Self.passedOn(order, to: name, desk))
        return Outcome(zh: "已将 \(rid) 交办给\(name)。", en: "Assigned \(rid) to \(name).", refs: [rid], effects: effects)
    }

    func note(_ id: RecordID, text: String, _ ctx: CommandContext) throws -> Outcome {
        let order = try change(id, ctx, by: [.handler, .manager]) { _ in .note(text) }
        let rid = id.description
        return Outcome(
            zh: "已记录 \(rid) 的进展。", en: "Noted on \(rid).", refs: [rid],
            effects: try WorkOrderDesk(ctx.kernel).notifyReporter(order, except: ctx.sender, reason: "status_changed") { r in
                r == .reporter
                    ? Localized(zh: "您的报修 \(rid) 有新进展：\(text)", en: "Progress on your report \(rid): \(text)")
                    : Localized(zh: "您关注的报修 \(rid) 有新进展：\(text)", en: "Progress on a report you follow, \(rid): \(text)")
            })
    }

    static let resolutionWords: [(String, Resolution)] = [
        ("unable", .unable), ("无法解决", .unable), ("无法处理", .unable), ("referred", .referred), ("已转办", .referred), ("转办", .referred),
    ]

    func done(_ id: RecordID, result text: String, _ ctx: CommandContext) throws -> Outcome {
        let desk = WorkOrderDesk(ctx.kernel)
        var how = Resolution.fixed
        var result = text
        // `unable: parts on order` is an outcome; `unable to fix today, …` is a sentence: an English word needs its colon.
        if let (word, r) = Self.resolutionWords.first(where: { w in
            text.lowercased().hasPrefix(w.0) && (!w.0.allSatisfy(\.isASCII) || text.dropFirst(w.0.count).drop { $0 == " " }.first.map { ":：".contains($0) } ?? true)
        }) {
            how = r
            let rest = text.dropFirst(word.count).drop { " :：,，".contains($0) }
            result = rest.isEmpty ? word : String(rest)
        }
        let (before, unasked) = try held(id, ctx)
        // Resolved by someone else than whoever holds it (the captain, the office): theirs now, and so is its rating.
        let order = try change(id, ctx, by: [.handler, .manager]) { order in
            .resolve(result, how, takenOverBy: desk.isHandler(ctx.sender, of: order) ? nil : ctx.sender)
        }
        let rid = id.description
        // `办结 R1 无法解决 …`: the reporter and the group read that it could not be solved, not only "resolved".
        let outcome = how.label.map { Localized(zh: "（\($0.zh)）", en: " (\($0.en))") } ?? Localized(zh: "", en: "")
        var effects = try desk.notifyReporter(order, except: ctx.sender, reason: "rating_request") { r in
            r == .reporter
                ? Localized(
                    zh: "您的报修 \(rid) 已办结\(outcome.zh)：\(result)。请评价（1-5分）：评价 \(rid) 5；没解决请回复：没解决 \(rid)",
                    en: "Your report \(rid) is resolved\(outcome.en): \(result). Please rate it 1-5: rate \(rid) 5; if it is not fixed: reopen \(rid)")
                : Localized(
                    zh: "您关注的报修 \(rid) 已办结\(outcome.zh)：\(result)。请评价（1-5分）：评价 \(rid) 5",
                    en: "A report you follow: \(rid) is resolved\(outcome.en): \(result). Please rate it 1-5: rate \(rid) 5")
        }
        // 晒事 (SERVICES.md §1b): a non-private report's outcome goes to its building's groups.
        // The handler wrote to the reporter: the group reads the outcome without names, rooms or numbers.
        if !desk.keptFromGroups(order) {
            let shown = ctx.directory.anonymiser.text(result)
            let text = Localized(
                zh: "\(rid) \(desk.categoryName(order, .zh))（\(desk.buildingName(order))）已办结\(outcome.zh)：\(shown)",
                en: "\(rid) \(desk.categoryName(order, .en)) (\(desk.buildingName(order, .en))) is resolved\(outcome.en): \(shown)")
            for group in ctx.directory.building(order.building)?.groups ?? order.group.map { [$0] } ?? [] {
                effects.append(.post(group: group, reason: "publicised", text: text, refs: [rid], priority: desk.priority(of: order)))
            }
        }
        let name = ctx.directory.name(of: ctx.sender)
        effects += desk.tellFormerHandlers(
            before, order, except: ctx.sender, unasked: unasked,
            Localized(zh: "\(desk.headline(order, .zh)) 已由\(name)办结，您无需再处理。", en: "\(desk.headline(order, .en)) was resolved by \(name); you need not handle it."))
        return Outcome(
            zh: "已办结 \(rid)\(outcome.zh)，已请报修人评价。", en: "Resolved \(rid)\(outcome.en); the reporter has been asked to rate it.", refs: [rid],
            effects: effects)
    }

    func escalate(_ id: RecordID, detail: String?, _ ctx: CommandContext) throws -> Outcome {
        let desk = WorkOrderDesk(ctx.kernel)
        let words = (detail ?? "").split(separator: " ").map(String.init)
        // Staff call a department in by part of its name too (`吹哨 R1 物业`); a captain's `升级 R1 物业不来` goes up the ladder.
        let department = words.first.flatMap { desk.department($0, partly: ctx.isStaff) }
        let ref = words.first { $0.lowercased().hasPrefix("ref:") }.map { String($0.dropFirst(4)) }.flatMap { $0.isEmpty ? nil : $0 }
        let (before, unasked) = try held(id, ctx)
        if department != nil && !ctx.isStaff {
            throw LinliError(
                .forbidden, zh: "只有社区工作人员可以吹哨呼叫部门。", en: "Only the community office can whistle in a department.", refs: [id.description])
        }
        let order = try change(id, ctx, by: [.handler, .manager]) { order in
            if let department {
                try desk.requireAnswered(department)
                return .escalate(.department(department.id), level: .department, ref: ref)
            }
            // One rung above whoever whistles (a grid leader goes to the office), never below the order.
            let from = ctx.ladder.level(of: .person(ctx.sender), building: order.building).map { max($0, order.level) } ?? order.level
            guard let (person, level) = desk.rung(above: from, for: order) else {
                let departments = ctx.directory.community.departments
                throw LinliError(
                    .usage,
                    zh: "没有比您更高的一级了；要呼叫部门，请写明：吹哨 \(id) 部门（\(departments.map(\.name).joined(separator: "、"))）",
                    en: "There is no one above you to pass \(id) to; to call in a department: escalate \(id) <department> (\(departments.map(\.id).joined(separator: ", ")))",
                    refs: [id.description])
            }
            return .escalate(.person(person), level: level, ref: ref)
        }
        let rid = id.description
        let name = ctx.directory.name(of: order.assignee?.id ?? "")
        let why = words.dropFirst(department == nil ? 0 : 1).filter { !$0.lowercased().hasPrefix("ref:") }.joined(separator: " ")
        let reason = why.isEmpty ? Localized(zh: "", en: "") : Localized(zh: "（\(why)）", en: " (\(why))")
        let refText = order.externalRef.map { Localized(zh: "，外部编号 \($0)", en: ", reference \($0)") } ?? Localized(zh: "", en: "")
        // 吹哨 is the office calling a department in; up the ladder, an order is 升级.
        let word = department == nil ? "升级" : "吹哨"
        var effects = desk.notifyHandlers(
            order, except: ctx.sender, reason: "escalated",
            text: Localized(
                zh:
                    "【\(word)】\(desk.headline(order, .zh))：\(order.details)\(reason.zh)\(refText.zh)。请签收：签收 \(rid)",
                en:
                    "[Escalated] \(desk.headline(order, .en)): \(order.details)\(reason.en)\(refText.en). Please accept it: accept \(rid)"
            ))
        effects += try desk.notifyReporter(order, except: ctx.sender, reason: "status_changed") { r in
            Localized(zh: "\(r.report.zh) \(rid) 已升级交\(name)处理。", en: "\(r.report.en) \(rid) has been escalated to \(name).")
        }
        effects += desk.tellFormerHandlers(before, order, except: ctx.sender, unasked: unasked, Self.passedOn(order, to: name, desk))
        return Outcome(zh: "已\(word)：\(rid) 交\(name)处理\(refText.zh)。", en: "Escalated \(rid) to \(name)\(refText.en).", refs: [rid], effects: effects)
    }

    /// An order as it stands before a change, and who has not been asked to accept it yet
    /// (their ask held for the morning): they are not told it is off their hands.
    func held(_ id: RecordID, _ ctx: CommandContext) throws -> (WorkOrder, Set<String>) {
        (try ctx.workOrders.load(id), try ctx.timers.heldFor(id.description, reasons: WorkOrderRepository.asks))
    }

    /// What whoever had an order is told when it is passed to someone else.
    static func passedOn(_ order: WorkOrder, to name: String, _ desk: WorkOrderDesk) -> Localized {
        Localized(
            zh: "\(desk.headline(order, .zh)) 已改交\(name)处理，您无需再处理。", en: "\(desk.headline(order, .en)) was passed to \(name); you need not handle it.")
    }
}

