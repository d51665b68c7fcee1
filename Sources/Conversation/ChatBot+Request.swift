import Approvals
import ChatOpsCore
import ChatOpsMetrics
import Execution
import Foundation
import ReplyModel

extension ChatBot {
    /// A command other than approve/deny: record it with policy's decision, then ask for
    /// approval, refuse, or run it.
    /// `inferred`: the model proposed it (and, for a change, its author confirmed it).
    func request(_ input: ParsedCommandInContext, sink: any ReplySink, inferred: InferredBy? = nil) async throws {
        let command = input.command
        if let question = missingTarget(command) {
            await sink.send(question, to: input.origin)
            return
        }
        let env = environment(of: command)
        var admission: Admission
        switch policyEngine.decide(command.intent, env: env, requester: input.principal) {
        case .refused(let reason):
            // Someone the configuration does not know is told why, but leaves nothing behind:
            // strangers must not be able to fill the store.
            guard input.principal.isKnown else {
                BotMetrics.command(command, outcome: "refused")
                await sink.send(Replies.refusedStranger(command, reason: reason), to: input.origin)
                return
            }
            admission = .refused(reason: reason)
        case .allowed:
            admission = .approved
            if !input.principal.isKnown && !command.intent.isMutating {
                // A stranger's read (help, or more where unknown_users is read_only) is answered
                // but not recorded: nobody outside the configuration can grow the store.
                let result = await runner.run(ExecutionInput(requestID: nil, command: command, requester: input.principal.name,
                                                             channel: input.origin.channel, isDryRun: isDryRun),
                                              progress: ThreadProgress(sink: sink, origin: input.origin))
                BotMetrics.command(command, outcome: result.isSuccess ? "succeeded" : "failed")
                await sink.send(result.reply, to: input.origin)
                return
            }
        case .needsApproval(let approvers, let quorum, let ttl):
            admission = .awaitingApproval(approvers: approvers, quorum: quorum, expiresAt: now().addingTimeInterval(TimeInterval(ttl)))
        }
        if case .refused = admission {} else if let freeze = try await activeFreeze(blocking: command, env: env) {
            admission = .refused(reason: Replies.frozen(freeze, env: freeze.env))
        }
        // Its notes go in its own transaction: no write of their own per request.
        var notes: [String: String] = [:]
        if let inferred { notes[InferredBy.noteKey] = inferred.note }
        if let current = RequestID.current { notes[Self.requestIDNote] = current }
        let new = NewRequest(command: command, requester: input.principal.name, origin: input.origin,
                             text: input.message.text, isDryRun: isDryRun, env: env, notes: notes,
                             delivery: input.message.deliveryID.map { DeliveryKey(platform: input.message.origin.platform, id: $0) })
        let stored = try await store.createRequest(new, admission: admission, at: now())
        crashpoint.reach("after-create")
        logRequest("recorded", stored, origin: RequestID.current, ["decision": "\(Self.decisionWord(admission))"])
        switch admission {
        case .refused(let reason):
            BotMetrics.command(command, outcome: "refused")
            await sink.send(Replies.refused(stored, reason: reason), to: input.origin)
        case .awaitingApproval:
            BotMetrics.command(command, outcome: "awaiting_approval")
            let preview = await runner.prepare(executionInput(stored))
            if let posted = await sink.send(Replies.needsApproval(stored, preview: preview, now: now()), to: input.origin) {
                try await store.recordPromptMessage(requestID: stored.id, message: posted)
            }
        case .approved:
            try await execute(stored, sink: sink, origin: RequestID.current)
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
    func activeFreeze(blocking command: ParsedCommand, env: String?) async throws -> FreezeRecord? {
        guard command.intent.actsOnTargetSystem, let env else { return nil }
        return try await store.freezes().first { $0.env == env }
    }

    /// The environment a command acts in: its `env` slot, or for retrain and rerun (which name a
    /// model or app, not an environment) the environment its app's pipeline builds for, so that policy can ask
    /// for approval there and a freeze of that environment stops it.
    func environment(of command: ParsedCommand) -> String? {
        if let env = command.slots["env"]?.stringValue { return env }
        guard [.retrain, .rerun].contains(command.intent),
              let name = command.slots["model"]?.stringValue ?? command.slots["app"]?.stringValue else {
            return nil
        }
        return catalog.app(named: name)?.pipeline?.environment
    }

    func executionInput(_ request: StoredRequest) -> ExecutionInput {
        ExecutionInput(requestID: request.id, command: request.command, requester: request.requester,
                       channel: request.origin.channel, isDryRun: request.isDryRun,
                       approvers: request.approvals.map(\.approver),
                       notes: StoredRequestNotes(store: store, requestID: request.id, now: now))
    }

    static func decisionWord(_ admission: Admission) -> String {
        switch admission {
        case .refused: return "refused"
        case .awaitingApproval: return "awaiting_approval"
        case .approved: return "allowed"
        }
    }
}
