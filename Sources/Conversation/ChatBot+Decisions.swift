import Approvals
import ChatOpsCore
import Foundation
import RequestStore

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
            await sink.send(Replies.cannotDecide(id, approve: isApproval, refusal: refusal), to: input.origin)
            return
        }
        let approver = input.principal.name
        if !isApproval {
            let reason = input.command.slots["reason"]?.stringValue
            switch try await store.deny(id: id, approver: approver, reason: reason, origin: input.origin, at: now()) {
            case .denied(let r): await sink.send(Replies.denied(r, by: approver, reason: reason), to: input.origin)
            case .notAwaitingApproval(let r): await sink.send(Replies.notWaiting(r), to: input.origin)
            case .notFound: await sink.send(Replies.notFound(id), to: input.origin)
            }
            return
        }
        switch try await store.approve(id: id, approver: approver, origin: input.origin, at: now()) {
        case .recorded(let r, let approvals, let quorum):
            await sink.send(Replies.approvalRecorded(r, by: approver, approvals: approvals, quorum: quorum), to: input.origin)
        case .quorumReached(let r):
            await sink.send(Replies.approved(r, by: approver), to: input.origin)
            crashpoint.reach("after-approve")
            try await execute(r, sink: sink)
        case .alreadyApproved(let r):
            await sink.send(Replies.alreadyApproved(r), to: input.origin)
        case .notAwaitingApproval(let r):
            await sink.send(Replies.notWaiting(r), to: input.origin)
        case .notFound:
            await sink.send(Replies.notFound(id), to: input.origin)
        }
    }
}
