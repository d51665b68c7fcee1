import HTTPTypes
import NIOCore
import NIOHTTPTypes

/// A request must arrive whole within `timeout` of its head: a sender that stops part-way
/// through its body (slowloris) is answered 408 and its connection closed, and nothing reads
/// that request any further. The deadline lives on the connection's event loop, so a request
/// that arrives in one piece (nearly all of them) costs a timer set and cancelled on its own
/// loop: no task, no thread hop.
final class BodyDeadlineHandler: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    let timeout: TimeAmount
    private var deadline: Scheduled<Void>?
    /// The 408 was sent: whatever the application still writes for this request is dropped.
    private var expired = false

    init(timeout: Duration) {
        let (seconds, attoseconds) = timeout.components
        self.timeout = .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !expired else { return }
        switch unwrapInboundIn(data) {
        case .head:
            cancelDeadline()
            let loopBound = NIOLoopBound((self, context), eventLoop: context.eventLoop)
            deadline = context.eventLoop.scheduleTask(in: timeout) {
                let (handler, context) = loopBound.value
                handler.expire(context: context)
            }
        case .end:
            cancelDeadline()
        case .body:
            break
        }
        context.fireChannelRead(data)
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        guard !expired else {
            promise?.fail(ChannelError.ioOnClosedChannel)
            return
        }
        // A response has begun (an early 413, say): the request is no longer waited on.
        if case .head = unwrapOutboundIn(data) { cancelDeadline() }
        context.write(data, promise: promise)
    }

    func channelInactive(context: ChannelHandlerContext) {
        cancelDeadline()
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        cancelDeadline()
    }

    private func cancelDeadline() {
        deadline?.cancel()
        deadline = nil
    }

    private func expire(context: ChannelHandlerContext) {
        deadline = nil
        expired = true
        context.answerAndClose(.requestTimeout, headers: [.contentType: "text/plain; charset=utf-8"],
                               body: "the request's body did not arrive in time\n")
    }
}
