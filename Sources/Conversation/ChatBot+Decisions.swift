import Approvals
import ChatOpsCore
import ChatOpsMetrics
import Foundation
import ReplyModel

extension ChatBot {
    /// `approve N` / `deny N REASON`: policy says whether this person may decide; the store makes
    /// the decision count exactly once; the approval that completes the quorum starts execution.
    func decide(_ input: ParsedCommandInContext, sink: any ReplySink) async throws {
        let isApproval = input.command.intent == .approve
        guard let number = input.command.slots["request"]?.integerValue else { return }
        let id = Int64(number)
        guard let request = try await store.request(id: id) else {
            await sink.send(Replies.notFound(id), to: input.origin)
            return
        }
        guard request.state == .awaitingApproval else {
            await sink.send(Replies.notWaiting(request), to: input.origin)
            return
        }
        if case .failure(let refusal) = policyEngine.mayDecide(approver: input.principal, requester: request.requester,
                                                               approvers: request.approvers) {
            BotMetrics.command(input.command, outcome: "refused")
            await sink.send(Replies.cannotDecide(id, approve: isApproval, refusal: refusal), to: input.origin)
            return
        }
        let approver = input.principal.name
        if !isApproval {
            let reason = input.command.slots["reason"]?.stringValue
            switch try await store.deny(id: id, approver: approver, reason: reason, origin: input.origin, at: now()) {
            case .denied(let r):
                logRequest("denied", r, origin: await originRequestID(of: r), ["approver": "\(approver)"])
                BotMetrics.command(input.command, outcome: "succeeded")
                BotMetrics.command(r.command, outcome: "denied")
                await sink.send(Replies.denied(r, by: approver, reason: reason), to: input.origin)
                await updatePrompts(of: r, outcome: "Denied by \(approver)\(reason.map { ": \($0)" } ?? "").", severity: .failure, sink: sink)
                await discard(r, sink: sink)
            case .notAwaitingApproval(let r): await sink.send(Replies.notWaiting(r), to: input.origin)
            case .notFound: await sink.send(Replies.notFound(id), to: input.origin)
            }
            return
        }
        switch try await store.approve(id: id, approver: approver, origin: input.origin, at: now()) {
        case .recorded(let r, let approvals, let quorum):
            logRequest("approval recorded", r, origin: await originRequestID(of: r), ["approver": "\(approver)", "approvals": "\(approvals)/\(quorum)"])
            BotMetrics.command(input.command, outcome: "succeeded")
            await sink.send(Replies.approvalRecorded(r, by: approver, approvals: approvals, quorum: quorum), to: input.origin)
        case .quorumReached(let r):
            let origin = await originRequestID(of: r)
            logRequest("approved", r, origin: origin, ["approver": "\(approver)"])
            BotMetrics.command(input.command, outcome: "succeeded")
            BotMetrics.command(r.command, outcome: "approved")
            BotMetrics.approvalWait(seconds: now().timeIntervalSince(r.createdAt), intent: r.intent.rawValue)
            await sink.send(Replies.approved(r, by: approver), to: input.origin)
            let by = r.approvals.map(\.approver).joined(separator: ", ")
            await updatePrompts(of: r, outcome: "Approved by \(by.isEmpty ? approver : by).", severity: .success, sink: sink)
            crashpoint.reach("after-approve")
            try await execute(r, sink: sink, origin: origin)
        case .alreadyApproved(let r):
            await sink.send(Replies.alreadyApproved(r), to: input.origin)
        case .notAwaitingApproval(let r):
            await sink.send(Replies.notWaiting(r), to: input.origin)
        case .notFound:
            await sink.send(Replies.notFound(id), to: input.origin)
        }
    }

    /// A request that will not run: what its executor made ahead (a pull request) is undone, and
    /// the request's thread hears about anything left behind.
    func discard(_ request: StoredRequest, sink: any ReplySink) async {
        if let note = await runner.discard(executionInput(request)) {
            await sink.send(.text(note, severity: .info), to: request.origin)
        }
    }

    /// Replaces the buttons on the request's approval prompts with the outcome, wherever they were
    /// posted. A failure to update is logged by the platform; the decision stands either way.
    func updatePrompts(of request: StoredRequest, outcome: String, severity: Severity, sink: any ReplySink) async {
        guard let posted = try? await store.promptMessages(requestID: request.id), !posted.isEmpty else { return }
        let preview = await runner.preview(executionInput(request))
        let reply = Replies.decidedPrompt(request, preview: preview, outcome: outcome, severity: severity)
        for message in posted { await sink.update(message, with: reply) }
    }
}
