import Approvals
import ChatOpsCore
import Execution

extension ChatBot {
    /// The kill switch, carried out by the bot itself once policy (and approval, where the policy
    /// asks for it) let it through. It works in dry-run too: stopping changes is never a risk.
    func switchFreeze(_ request: StoredRequest) async throws -> ExecutionResult {
        guard let env = request.env else { return .failed("say which environment to \(request.intent.rawValue)") }
        if request.intent == .unfreeze {
            switch try await store.unfreeze(env: env, by: request.requester, origin: request.origin, at: now()) {
            case .unfrozen(let was):
                return .succeeded("\(env) is no longer frozen (it was frozen by \(was.frozenBy)); changes may run there again.")
            case .notFrozen:
                return .succeeded("\(env) was not frozen; nothing to do.")
            }
        }
        let reason = request.slots["reason"]?.stringValue
        switch try await store.freeze(env: env, by: request.requester, reason: reason, origin: request.origin, at: now()) {
        case .frozen(let record, let cancelled):
            var stopped = cancelled.isEmpty ? "" : " Cancelled: " + cancelled.map { "#\($0.id)" }.joined(separator: ", ") + "."
            for request in cancelled {
                if let note = await runner.discard(executionInput(request)) { stopped += " " + note }
            }
            return .succeeded("\(env) is frozen by \(record.frozenBy)\(reason.map { ": \($0)" } ?? ""). "
                              + "Every change there is stopped until someone says `unfreeze \(env)`.\(stopped)")
        case .alreadyFrozen(let record):
            return .succeeded("\(Replies.frozen(record, env: env)).")
        }
    }
}
