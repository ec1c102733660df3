import LinliCore
import LinliProtocol

extension Kernel {
    /// What a group robot may post of a push to a person (a robot posts into a group,
    /// PROTOCOL.md §2.2): nil for the push as it is; for one about a record kept from
    /// groups (a private category, a visit or the report a visit filed), a private
    /// reply or who joined a household, only that it waits, and how to read it privately.
    func robotText(_ push: OutboundEvent, lang: Lang) -> String? {
        let kept =
            push.reason == "private_reply" || push.reason == "household_member"
            || push.refs.contains { ref in
                guard let id = RecordID(parsing: Substring(ref)) else { return false }
                if id.kind == .visit { return true }
                guard id.kind == .workOrder, let order = try? workOrders.find(id.number) else { return false }
                return WorkOrderDesk(self).keptFromGroups(order)
            }
        guard kept else { return nil }
        let (zh, en) = directory.botNames
        // `status` reads a work order: named when there is one (a visit's own id is not).
        guard let ref = push.refs.first(where: { RecordID(parsing: Substring($0))?.kind == .workOrder }) else {
            return lang == .en ? "[Private message] Ask \(en) privately for it." : "【私密消息】请私聊\(zh)查看。"
        }
        if lang == .en { return "[\(ref) private matter] Ask \(en) privately for the details: status \(ref)" }
        return "【\(ref) 私密事项】详情请私聊\(zh)查看：进度 \(ref)"
    }

    /// Whether a push to `recipient` reaches them alone, as `Engine.queueForWebhook`
    /// sends it: through their webhook when it is no group robot (a robot posts into a
    /// group, and only says that something waits), or through a chat platform that sends
    /// to a person's account (DingTalk and WeCom robots answer in chats only).
    func reachesPrivately(_ recipient: String) -> Bool {
        let person = directory.person(recipient)
        if let webhook = person?.webhook ?? directory.department(recipient)?.webhook,
            directory.community.webhooks.first(where: { $0.id == webhook })?.format == .generic
        {
            return true
        }
        return directory.community.platform(forPushTo: recipient, person: person) != nil
    }
}
