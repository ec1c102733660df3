import Foundation
import Hummingbird
import LinliBot
import LinliCore
import LinliStore
import Logging
import NIOCore
import ServiceLifecycle

/// The outbox as a service of the server's group: it delivers in the background
/// and, on graceful shutdown, drains for up to `drain` before the process exits.
public struct OutboxRunner: ServiceLifecycle.Service {
    public let outbox: OutboxService
    public let drain: Span

    public init(outbox: OutboxService, drain: Span) {
        self.outbox = outbox
        self.drain = drain
    }

    public func run() async throws {
        outbox.start()
        try? await gracefulShutdown()
        Logger.linli("http").notice("shutting down: finishing the requests in flight, delivering pushes for up to \(drain.milliseconds / 1000) s")
        outbox.finish(drainingFor: drain)
    }
}

/// Time that moves by itself in `linli serve` (PROTOCOL.md §5): every second the
/// engine's clock moves to the wall clock and the timers that fell due fire, with
/// no event arriving. The ticks run on the engine's queue; this service starts and
/// stops them with the server.
public struct Ticker: ServiceLifecycle.Service {
    public let gate: EngineGate
    public let interval: DispatchTimeInterval
    let logger = Logger.linli("ticker")

    public init(gate: EngineGate, interval: DispatchTimeInterval = .seconds(1)) {
        self.gate = gate
        self.interval = interval
    }

    public func run() async throws {
        let timer = gate.startTicking(every: interval) { [logger] error in logger.error("tick failed", metadata: ["cause": "\(error)"]) }
        try? await gracefulShutdown()
        timer.cancel()
    }
}

extension Ingress {
    /// Runs the HTTP server and the outbox in one service group until SIGTERM or
    /// SIGINT: then it stops accepting, finishes the requests in flight, drains the
    /// outbox for up to `drain`, and returns.
    public static func serve(
        gate: EngineGate, store: Store, outbox: OutboxService, configuration: IngressConfiguration, metrics: IngressMetrics,
        host: String, port: Int, drain: Span, onRunning: @escaping @Sendable (Int) async -> Void = { _ in },
        routes: (Router<BasicRequestContext>) -> Void = { _ in }
    ) async throws {
        let router = router(gate: gate, store: store, configuration: configuration, metrics: metrics)
        routes(router)  // more routes on the same server (the chat platforms' callbacks)
        let app = Application(
            router: router, server: server(readTimeout: configuration.readTimeout),
            configuration: .init(address: .hostname(host, port: port), serverName: "linli"),
            services: [OutboxRunner(outbox: outbox, drain: drain), Ticker(gate: gate)],
            onServerRunning: { channel in await onRunning(channel.localAddress?.port ?? port) }, logger: .linli("http"))
        try await app.runService()
    }
}
