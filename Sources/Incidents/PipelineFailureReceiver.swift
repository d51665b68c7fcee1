import Approvals
import ChatServer
import Foundation
import Hummingbird
import Logging

/// A verified GitHub `workflow_run` delivery (the GitHub platform checked its signature and
/// handed it over): queued durably as a pipeline-failure notification when it opens or resolves
/// one (200), ignored with the reason otherwise (202), 400 for a body that is not a workflow_run,
/// 503 when it could not be stored.
struct PipelineFailureReceiver: Sendable {
    let failures: PipelineFailures
    let store: any ApprovalStore
    let worker: IncidentWorker
    let maxQueue: Int
    let logger: Logger
    let now: @Sendable () -> Date

    func receive(_ body: [UInt8], delivery: String?) async -> Response {
        let event: WorkflowRunEvent
        do { event = try JSONDecoder().decode(WorkflowRunEvent.self, from: Data(body)) } catch {
            return InboundBody.text("not a workflow_run payload: \(error)\n", status: .badRequest)
        }
        let notification: AlertmanagerNotification
        switch failures.decide(event) {
        case .ignore(let reason): return InboundBody.text("ignored: \(reason)\n", status: .accepted)
        case .queue(let made): notification = made
        }
        do {
            if try await store.alertQueueDepth() >= maxQueue {
                logger.warning("the incident queue is full; a workflow_run was refused", metadata: ["delivery": "\(delivery ?? "none")"])
                return InboundBody.text("the incident queue is full; redeliver later\n", status: .serviceUnavailable)
            }
            let queued = try await store.enqueueAlertNotification(groupKey: notification.groupKey, dedupeKey: notification.dedupeKey,
                                                                  body: Array(try JSONEncoder().encode(notification)), at: now())
            if queued { worker.wake() }
            return InboundBody.text(queued ? "queued\n" : "already queued\n")
        } catch {
            logger.error("could not store a workflow_run; redeliver it from the webhook's page", metadata: ["error": "\(error)"])
            return InboundBody.text("could not store the run; redeliver\n", status: .serviceUnavailable)
        }
    }
}
