import Approvals
import ChatOpsCore
import Execution
import Foundation
import ReplyModel
import RequestStore

extension ChatBot {
    /// A command other than approve/deny: record it with policy's decision, then ask for
    /// approval, refuse, or run it.
    func request(_ input: ParsedCommandInContext, sink: any ReplySink) async throws {
        let command = input.command
        if let question = missingTarget(command) {
            await sink.send(question, to: input.origin)
            return
        }
        let env = command.slots["env"]?.stringValue
        var admission: Admission
        switch policyEngine.decide(command.intent, env: env, requester: input.principal) {
        case .refused(let reason):
            admission = .refused(reason: reason)
        case .allowed:
            admission = .approved
        case .needsApproval(let approvers, let quorum, let ttl):
            admission = .awaitingApproval(approvers: approvers, quorum: quorum, expiresAt: now().addingTimeInterval(TimeInterval(ttl)))
        }
        if case .refused = admission {} else if let freeze = try await activeFreeze(blocking: command) {
            admission = .refused(reason: Replies.frozen(freeze, env: freeze.env))
        }
        let new = NewRequest(command: command, requester: input.principal.name, origin: input.origin,
                             text: input.message.text, isDryRun: isDryRun)
        let stored = try await store.createRequest(new, admission: admission, at: now())
        crashpoint.reach("after-create")
        switch admission {
        case .refused(let reason):
            await sink.send(Replies.refused(stored, reason: reason), to: input.origin)
        case .awaitingApproval:
            let plan = runner.registry.planner.steps(for: executionInput(stored))
            if let posted = await sink.send(Replies.needsApproval(stored, plan: plan, now: now()), to: input.origin) {
                try await store.recordPromptMessage(requestID: stored.id, message: posted)
            }
        case .approved:
            try await execute(stored, sink: sink)
        }
    }

    /// A mutation that acts in an environment must name one (or have a channel default):
    /// guessing could touch prod.
    func missingTarget(_ command: ParsedCommand) -> Reply? {
        guard command.intent.isMutating else { return nil }
        for slot in ["env", "app"] where command.intent.slot(named: slot) != nil && command.slots[slot] == nil {
            let known = slot == "env" ? catalog.environmentNames : catalog.appNames
            return Replies.missingSlot(command.intent, slot: slot, known: known)
        }
        return nil
    }

    /// The freeze that stops this command, if any: every mutation in a frozen environment but
    /// the freeze switch itself and decisions on requests.
    func activeFreeze(blocking command: ParsedCommand) async throws -> FreezeRecord? {
        guard command.intent.actsOnTargetSystem, let env = command.slots["env"]?.stringValue else { return nil }
        return try await store.freezes().first { $0.env == env }
    }

    func executionInput(_ request: StoredRequest) -> ExecutionInput {
        ExecutionInput(requestID: request.id, command: request.command, requester: request.requester,
                       channel: request.origin.channel, isDryRun: request.isDryRun,
                       approvers: request.approvals.map(\.approver),
                       notes: StoredRequestNotes(store: store, requestID: request.id, now: now))
    }
}
