import LinliCore

/// The words of the staff pages' figures and lists, in one language.
struct DashboardWords {
    let lang: Lang
    init(_ lang: Lang) { self.lang = lang }

    private func say(_ zh: String, _ en: String) -> String { lang == .zh ? zh : en }

    var reports: String { say("报修", "Reports") }
    var inPeriod: String { say("件", "in the period") }
    var response: String { say("响应率", "Response rate") }
    var onTime: String { say("按时签收率", "Accepted on time") }
    var closure: String { say("办结率", "Closure rate") }
    var satisfaction: String { say("满意率", "Satisfaction") }
    var ratingRate: String { say("参评率", "Rating rate") }
    var toAccept: String { say("签收用时中位", "Median time to accept") }
    var toResolve: String { say("办结用时中位", "Median time to resolve") }
    var overdue: String { say("超期", "Overdue") }
    var confirmed: String { say("评价确认", "confirmed") }
    var unconfirmed: String { say("未确认", "unconfirmed") }
    var unable: String { say("无法解决", "unable") }
    var referred: String { say("已转办", "referred") }
}
