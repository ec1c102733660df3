import LinliCore
import LinliStore

/// Who takes a service request and who may act on one: shared by the services
/// family and the handlers' queue (待办).
struct ServiceDesk {
    let directory: Directory

    init(_ kernel: Kernel) { directory = kernel.directory }

    /// The service a request is for.
    func service(_ id: String) throws(LinliError) -> Service {
        guard let s = directory.community.services.first(where: { $0.id == id }) else {
            throw LinliError(.notFound, zh: "没有这项服务。", en: "There is no such service.")
        }
        return s
    }

    /// Its handler (or a member of the handling department), or anyone on its rota.
    func handles(_ user: String, _ service: Service) -> Bool {
        ([service.handler].compactMap { $0 } + service.rota.map(\.person)).contains { id in
            id == user || directory.department(id)?.members.contains(user) == true
        }
    }

    /// Whose queue lists a request: its service's handlers, and whoever it was passed to.
    func waitsOn(_ user: String, _ request: ServiceRequest) -> Bool {
        request.handler == user || request.acceptedBy == user || ((try? service(request.service)).map { handles(user, $0) } ?? false)
    }

    /// Who may take and finish a request: those it waits on, whoever manages the
    /// requester's building (captain, grid leader, staff), and staff.
    func mayHandle(_ user: String, _ request: ServiceRequest) -> Bool {
        waitsOn(user, request) || directory.building(ofHome: request.household).map { directory.manages(user, building: $0) } == true
            || directory.person(user)?.roles.contains(.staff) == true
    }

    /// `S2 义剪（李阿姨 b1-502）：待签收`
    func summaryLine(_ r: ServiceRequest, _ lang: Lang) -> String {
        let name = (try? service(r.service))?.name ?? r.service
        let who = "\(directory.name(of: r.requester)) \(r.household)"
        return lang == .zh ? "\(r.id) \(name)（\(who)）：\(r.state.label(.zh))" : "\(r.id) \(name) (\(who)): \(r.state.label(.en))"
    }
}
