import HummingbirdCore
import NIOCore
import NIOHTTPTypes

/// Closes a connection whose request has not arrived whole within `timeout` of
/// its head: the idle timeout alone would let a client that trickles a byte now
/// and then hold a connection (and a handler) for as long as it likes.
final class RequestDeadline: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart

    private let timeout: TimeAmount
    private var deadline: Scheduled<Void>?

    init(timeout: TimeAmount) { self.timeout = timeout }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head:
            let channel = context.channel
            deadline?.cancel()
            deadline = context.eventLoop.scheduleTask(in: timeout) { channel.close(promise: nil) }
        case .end:
            deadline?.cancel()
            deadline = nil
        case .body:
            break
        }
        context.fireChannelRead(data)
    }

    func channelInactive(context: ChannelHandlerContext) {
        deadline?.cancel()
        deadline = nil
        context.fireChannelInactive()
    }
}

extension Ingress {
    /// The HTTP/1.1 server with an idle timeout and a whole-request deadline, both `readTimeout`.
    public static func server(readTimeout: Duration) -> HTTPServerBuilder {
        let timeout = TimeAmount(readTimeout)
        return .http1(configuration: HTTP1Channel.Configuration(additionalChannelHandlers: [RequestDeadline(timeout: timeout)], idleTimeout: timeout))
    }
}
