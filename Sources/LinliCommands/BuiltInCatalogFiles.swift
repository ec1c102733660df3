// Written from commands/*.yaml by `LINLI_UPDATE_CATALOG=1 swift test --filter BuiltInCatalogTests`; do not edit.

enum BuiltInCatalogFiles {
    static let files: [(name: String, text: String)] = [
        bookings,
        services,
        events,
        wishes,
        suggestions,
        points,
        people,
        workorders,
        announcements,
        deliveries,
        households,
        roles,
        accountability,
        alerts,
        disputes,
        dashboard,
    ]
}
