import Approvals
import ChatOpsCore
import Execution
import Foundation
import ReplyModel

/// Everything the bot says, in one place, as neutral replies: the console prints them and each
/// platform renders them its own way.
public enum Replies {
    static func notUnderstood(_ reason: String?) -> Reply {
        guard let reason else { return .text("I didn't understand that. Say `help` to see what I can do.") }
        return .text("I can't act on that: \(reason).", severity: .warning)
    }

    static func rateLimited(scope: String, retryAfter: TimeInterval) -> Reply {
        .text("Too many commands from \(scope). Nothing was done; try again in \(duration(max(1, retryAfter))). "
              + "(Further messages in this window get no answer.)", severity: .warning)
    }

    /// A refusal that is not recorded as a request (the sender is not in the configuration).
    static func refusedStranger(_ command: ParsedCommand, reason: String) -> Reply {
        .text("I can't \(CommandPhrase.text(command.intent, command.slots)) for you: \(reason).", severity: .failure)
    }

    static func refused(_ request: StoredRequest, reason: String) -> Reply {
        .text("Request #\(request.id) (\(phrase(request))) refused: \(reason).", severity: .failure)
    }

    /// The approval prompt: what is asked, by whom, the plan, and Approve / Deny buttons.
    static func needsApproval(_ request: StoredRequest, preview: ChangePreview, now: Date) -> Reply {
        var blocks = approvalSummary(request, preview: preview)
        let expiry = request.expiresAt.map { "It expires in \(duration($0.timeIntervalSince(now))) if nobody approves." }
        if let expiry { blocks.append(.text(expiry)) }
        blocks.append(.buttons([
            ReplyButton(label: "Approve", action: ReplyAction(kind: .approve, requestID: request.id), style: .primary),
            ReplyButton(label: "Deny", action: ReplyAction(kind: .deny, requestID: request.id), style: .danger),
        ]))
        return Reply(.warning, blocks)
    }

    /// The approval prompt once decided (or expired, cancelled): the same summary, the buttons
    /// replaced by the outcome and who decided.
    static func decidedPrompt(_ request: StoredRequest, preview: ChangePreview, outcome: String, severity: Severity) -> Reply {
        Reply(severity, approvalSummary(request, preview: preview) + [.text(outcome)])
    }

    /// Who asked for what, and the change as the executor reads it from the live system (or, when
    /// that read failed, the intended change and why the current state is missing).
    static func approvalSummary(_ request: StoredRequest, preview: ChangePreview) -> [ReplyBlock] {
        let who = request.approvers.map { "from \($0)" } ?? "from anyone but \(request.requester)"
        let count = request.quorum == 1 ? "1 approval" : "\(request.quorum) approvals"
        var fields = [ReplyField("Requested by", request.requester)]
        if let env = request.slots["env"]?.stringValue { fields.append(ReplyField("Environment", env)) }
        if let app = request.slots["app"]?.stringValue { fields.append(ReplyField("App", app)) }
        var blocks: [ReplyBlock] = [
            .text("Request #\(request.id): \(phrase(request)) needs \(count) \(who).\(request.isDryRun ? " (dry run)" : "")"),
            .fields(fields),
        ]
        if let headline = preview.headline { blocks.append(.text(headline)) }
        if let problem = preview.liveReadProblem {
            blocks.append(.text("Could not read the current state (\(problem)); this is the intended change."))
        }
        if !preview.lines.isEmpty { blocks.append(.text(preview.lines.map { "• will \($0)" }.joined(separator: "\n"))) }
        if let link = preview.link { blocks.append(.link(title: link.title, url: link.url)) }
        return blocks
    }

    static func approvalRecorded(_ request: StoredRequest, by approver: String, approvals: Int, quorum: Int) -> Reply {
        .text(
            "Approval \(approvals) of \(quorum) recorded for request #\(request.id) by \(approver); "
                + "waiting for \(quorum - approvals) more\(request.approvers.map { " from \($0)" } ?? "").",
            severity: .info)
    }

    static func approved(_ request: StoredRequest, by approver: String) -> Reply {
        .text("Request #\(request.id) (\(phrase(request))) approved by \(approver).", severity: .success)
    }

    static func alreadyApproved(_ request: StoredRequest) -> Reply {
        .text("You already approved request #\(request.id); it is waiting for \(max(0, request.quorum - request.approvals.count)) more.", severity: .info)
    }

    static func denied(_ request: StoredRequest, by approver: String, reason: String?) -> Reply {
        .text("Request #\(request.id) (\(phrase(request))) denied by \(approver)\(reason.map { ": \($0)" } ?? "").", severity: .failure)
    }

    static func cannotDecide(_ id: Int64, approve: Bool, refusal: ApprovalRefusal) -> Reply {
        .text("You cannot \(approve ? "approve" : "deny") request #\(id): \(refusal).", severity: .warning)
    }

    static func notFound(_ id: Int64) -> Reply {
        .text("There is no request #\(id). Check the number in the request's message.", severity: .warning)
    }

    static func notWaiting(_ request: StoredRequest) -> Reply {
        let state: String
        switch request.state {
        case .awaitingApproval: state = "still waiting for approval"
        case .approved, .executing: state = "already approved and running"
        case .received: state = "not yet admitted"
        default: state = "already \(request.state.rawValue)"
        }
        return .text("Request #\(request.id) (\(phrase(request))) is \(state); there is nothing to decide.")
    }

    static func running(_ request: StoredRequest) -> Reply {
        .text("Running request #\(request.id): \(phrase(request))\(request.isDryRun ? " (dry run)" : "")…", severity: .info)
    }

    /// An execution's outcome: a read shows its result as it is; a change says which request it was.
    static func finished(_ request: StoredRequest, _ result: Reply, succeeded: Bool) -> Reply {
        guard request.intent.isMutating else { return result }
        let status = "Request #\(request.id) \(succeeded ? "succeeded" : "failed"):"
        var blocks = result.blocks
        if case .text(let first)? = blocks.first {
            blocks[0] = .text(status + " " + first)
        } else {
            blocks.insert(.text(status), at: 0)
        }
        return Reply(succeeded ? .success : .failure, blocks)
    }

    static func frozen(_ record: FreezeRecord, env: String) -> String {
        "\(env) is frozen (by \(record.frozenBy)\(record.reason.map { ": \($0)" } ?? "")); "
            + "changes there are stopped until someone says `unfreeze \(env)`"
    }

    static func cancelledByFreeze(_ request: StoredRequest, _ record: FreezeRecord) -> Reply {
        .text("Request #\(request.id) (\(phrase(request))) was cancelled: \(frozen(record, env: record.env)).", severity: .warning)
    }

    static func missingSlot(_ intent: Intent, slot: String, known: [String]) -> Reply {
        .text("Say which \(slot == "env" ? "environment" : slot) to \(intent.rawValue): one of \(known.joined(separator: ", ")).", severity: .warning)
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
