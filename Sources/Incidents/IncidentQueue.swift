import Approvals
import ChatServer
import Foundation
import Hummingbird
import Logging

/// Where every incident source (Alertmanager, GitHub's workflow_run) puts what it received: 200
/// only once durably queued ("already queued" for a repeat), 503 when the queue is full or the
/// store failed, so the sender retries; then the worker is woken.
struct IncidentQueue: Sendable {
    let store: any ApprovalStore
    let worker: IncidentWorker
    /// Past this many waiting notifications, 503: a storm waits at the sender, not in memory.
    let maxQueue: Int
    let logger: Logger
    let now: @Sendable () -> Date

    /// Queues `notification`, stored as `body`; `source` names the sender in the log.
    func queue(_ notification: AlertmanagerNotification, body: [UInt8], from source: String) async -> Response {
        do {
            if try await store.alertQueueDepth() >= maxQueue {
                logger.warning("the incident queue is full; the \(source) delivery was refused", metadata: ["group": "\(notification.groupKey)"])
                return Response(status: .serviceUnavailable, headers: [.retryAfter: "30"],
                                body: .init(byteBuffer: .init(string: "the alert queue is full; retry later\n")))
            }
            let queued = try await store.enqueueAlertNotification(groupKey: notification.groupKey, dedupeKey: notification.dedupeKey,
                                                                  body: body, at: now())
            if queued { worker.wake() }
            return InboundBody.text(queued ? "queued\n" : "already queued\n")
        } catch {
            logger.error("could not store a \(source) delivery; it will be retried", metadata: ["error": "\(error)"])
            return InboundBody.text("could not store the notification; retry\n", status: .serviceUnavailable)
        }
    }
}
