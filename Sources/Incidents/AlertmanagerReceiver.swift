import Approvals
import ChatOpsCore
import ChatServer
import Conversation
import Foundation
import Hummingbird
import Logging
import ReplyModel
import ServiceLifecycle

/// `POST /alertmanager`: Alertmanager's webhook. Authenticated before anything is read
/// (`VerifiedBodyMiddleware`), checked, and answered 200 only once the notification is durably
/// queued; 503 when it could not be stored or the queue is full (Alertmanager retries), 400 with
/// the reason for a body it should not send again. The incident worker does the rest.
public struct AlertmanagerReceiver: PlatformAdapter {
    public let platform = "alertmanager"
    let auth: AlertmanagerAuth
    let queue: IncidentQueue
    let limits: InboundLimits
    let logger: Logger
    let now: @Sendable () -> Date

    /// Alertmanager has no threads: nothing is ever replied to it.
    public var sink: any ReplySink { NoThreads() }

    public var services: [any Service] { [queue.worker] }

    public func addRoutes(to router: ChatRouter) {
        guard auth.isConfigured else { return }
        router.group()
            .add(middleware: VerifiedBodyMiddleware(platform: "Alertmanager", verifier: auth, limits: limits, logger: logger, now: now))
            .post("/alertmanager") { _, context in await receive(try context.verifiedBody) }
    }

    func receive(_ body: [UInt8]) async -> Response {
        let notification: AlertmanagerNotification
        do { notification = try AlertmanagerNotification.decode(body) } catch {
            logger.warning("refused an Alertmanager notification", metadata: ["reason": "\(error)"])
            return InboundBody.text("not an Alertmanager webhook notification: \(error)\n", status: .badRequest)
        }
        return await queue.queue(notification, body: body, from: "Alertmanager")
    }
}

/// The sink of a sender that has no threads.
struct NoThreads: ReplySink {
    func send(_ reply: Reply, to origin: MessageOrigin) async -> MessageOrigin? { nil }
    func update(_ posted: MessageOrigin, with reply: Reply) async {}
}
