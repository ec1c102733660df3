import Foundation

/// Runs blocking work (child processes, sleeps, sockets) on a thread of its own and
/// awaits it: a test that blocks would hold one of the few threads that Swift
/// concurrency and Dispatch share (two on a two-core machine), and every other test,
/// timer and server of the run would wait for it.
public func offThePool<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
    try await withCheckedThrowingContinuation { continuation in
        Thread.detachNewThread { continuation.resume(with: Result { try body() }) }
    }
}
