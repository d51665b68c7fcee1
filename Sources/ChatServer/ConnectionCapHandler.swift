import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// One per connection, first after HTTP decoding: counts the connection in the gate, and when the
/// gate is full answers its first request 503 with `Retry-After` and closes it, discarding the
/// body as it arrives instead of buffering it.
final class ConnectionCapHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    let gate: InboundGate
    private var admitted = false
    private var refused = false

    init(gate: InboundGate) {
        self.gate = gate
    }

    func handlerAdded(context: ChannelHandlerContext) {
        admitted = gate.openConnection()
        refused = !admitted
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        if admitted {
            admitted = false
            gate.closeConnection()
        }
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard refused else { return context.fireChannelRead(data) }
        if case .head = unwrapInboundIn(data) {
            context.answerAndClose(.serviceUnavailable, headers: [.retryAfter: InboundGate.retryAfter])
        }
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        context.write(data, promise: promise)
    }
}
