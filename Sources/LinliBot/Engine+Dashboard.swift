/// The staff pages' way in: a reader of the engine's state, handed out between batches.
extension Engine {
    /// Runs `body` with the staff pages' reader. Only between batches (`EngineGate.withDashboard`).
    public func withDashboard<T>(_ body: (Dashboard) throws -> T) rethrows -> T {
        try body(Dashboard(store: store, state: state, now: max(clock, wallClock())))
    }
}
