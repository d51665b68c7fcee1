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
    let queue: IncidentQueue

    func receive(_ body: [UInt8]) async -> Response {
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
            return await queue.queue(notification, body: Array(try JSONEncoder().encode(notification)), from: "GitHub workflow_run")
        } catch {
            return InboundBody.text("the run could not be queued: \(error)\n", status: .internalServerError)
        }
    }
}
