import Approvals
import ChatOpsCore
import Foundation
import RequestStore

/// Every text the bot says, in one place: the console prints them and the platforms post them.
public enum Replies {
    static func notUnderstood(_ reason: String?) -> String {
        guard let reason else { return "I didn't understand that. Say `help` to see what I can do." }
        return "I can't act on that: \(reason)."
    }

    static func refused(_ request: StoredRequest, reason: String) -> String {
        "Request #\(request.id) (\(phrase(request))) refused: \(reason)."
    }

    static func needsApproval(_ request: StoredRequest, plan: [String], now: Date) -> String {
        let who = request.approvers.map { "from \($0)" } ?? "from anyone but \(request.requester)"
        let count = request.quorum == 1 ? "1 approval" : "\(request.quorum) approvals"
        let expiry = request.expiresAt.map { " It expires in \(duration($0.timeIntervalSince(now))) if nobody approves." } ?? ""
        return """
            Request #\(request.id): \(phrase(request)) needs \(count) \(who).\(request.isDryRun ? " (dry run)" : "")
            \(plan.map { "• will \($0)" }.joined(separator: "\n"))
            Reply `approve \(request.id)` or `deny \(request.id) REASON`.\(expiry)
            """
    }

    static func approvalRecorded(_ request: StoredRequest, by approver: String, approvals: Int, quorum: Int) -> String {
        "Approval \(approvals) of \(quorum) recorded for request #\(request.id) by \(approver); "
            + "waiting for \(quorum - approvals) more\(request.approvers.map { " from \($0)" } ?? "")."
    }

    static func approved(_ request: StoredRequest, by approver: String) -> String {
        "Request #\(request.id) (\(phrase(request))) approved by \(approver)."
    }

    static func alreadyApproved(_ request: StoredRequest) -> String {
        "You already approved request #\(request.id); it is waiting for \(max(0, request.quorum - request.approvals.count)) more."
    }

    static func denied(_ request: StoredRequest, by approver: String, reason: String?) -> String {
        "Request #\(request.id) (\(phrase(request))) denied by \(approver)\(reason.map { ": \($0)" } ?? "")."
    }

    static func cannotDecide(_ id: Int64, approve: Bool, refusal: ApprovalRefusal) -> String {
        "You cannot \(approve ? "approve" : "deny") request #\(id): \(refusal)."
    }

    static func notFound(_ id: Int64) -> String {
        "There is no request #\(id). Check the number in the request's message."
    }

    static func notWaiting(_ request: StoredRequest) -> String {
        let state: String
        switch request.state {
        case .awaitingApproval: state = "still waiting for approval"
        case .approved, .executing: state = "already approved and running"
        case .received: state = "not yet admitted"
        default: state = "already \(request.state.rawValue)"
        }
        return "Request #\(request.id) (\(phrase(request))) is \(state); there is nothing to decide."
    }

    static func running(_ request: StoredRequest) -> String {
        "Running request #\(request.id): \(phrase(request))\(request.isDryRun ? " (dry run)" : "")…"
    }

    static func finished(_ request: StoredRequest, _ text: String, succeeded: Bool) -> String {
        guard request.intent.isMutating else { return text }
        return "Request #\(request.id) \(succeeded ? "succeeded" : "failed"): \(text)"
    }

    static func frozen(_ record: FreezeRecord, env: String) -> String {
        "\(env) is frozen (by \(record.frozenBy)\(record.reason.map { ": \($0)" } ?? "")); "
            + "changes there are stopped until someone says `unfreeze \(env)`"
    }

    static func cancelledByFreeze(_ request: StoredRequest, _ record: FreezeRecord) -> String {
        "Request #\(request.id) (\(phrase(request))) was cancelled: \(frozen(record, env: record.env))."
    }

    static func missingSlot(_ intent: Intent, slot: String, known: [String]) -> String {
        "Say which \(slot == "env" ? "environment" : slot) to \(intent.rawValue): one of \(known.joined(separator: ", "))."
    }

    static func phrase(_ request: StoredRequest) -> String {
        CommandPhrase.text(request.intent, request.slots)
    }

    /// `1h`, `30m`, `45s`, `2h 30m`.
    static func duration(_ seconds: TimeInterval) -> String {
        let s = max(0, Int(seconds.rounded()))
        if s >= 3600 { return "\(s / 3600)h" + (s % 3600 >= 60 ? " \(s % 3600 / 60)m" : "") }
        if s >= 60 { return "\(s / 60)m" }
        return "\(s)s"
    }
}
