import ChatOpsCore
import Foundation

/// A request as the store holds it, with its approvals and every transition it went through.
public struct StoredRequest: Sendable, Hashable {
    public let id: Int64
    public let intent: Intent
    public let slots: [String: SlotValue]
    /// The environment it acts in (the `env` slot), when it has one.
    public let env: String?
    /// The requester's identity name (or platform id for an unknown user).
    public let requester: String
    public let origin: MessageOrigin
    /// The text as the requester wrote it.
    public let text: String
    public let state: RequestState
    /// The group whose members may approve; nil: any known user but the requester.
    public let approvers: String?
    /// Distinct approvals needed.
    public let quorum: Int
    /// When it expires unless the next step happens: approval while `awaiting_approval`, the start
    /// of execution while `approved` (an approval is good for its TTL, not forever).
    public let expiresAt: Date?
    /// How long an approval stays good for before the request must start (seconds); nil for
    /// requests stored before it was recorded.
    public let approvalTTL: TimeInterval?
    public let createdAt: Date
    public let updatedAt: Date
    /// Planned only: mutating executors report what they would do.
    public let isDryRun: Bool
    /// The rendered result (or error) of execution, once it finished.
    public let result: String?
    public let approvals: [ApprovalRecord]
    /// Oldest first; the first one is `nil → received`.
    public let transitions: [TransitionRecord]

    public init(id: Int64, intent: Intent, slots: [String: SlotValue], env: String?, requester: String,
                origin: MessageOrigin, text: String, state: RequestState, approvers: String?, quorum: Int,
                expiresAt: Date?, approvalTTL: TimeInterval? = nil, createdAt: Date, updatedAt: Date, isDryRun: Bool, result: String?,
                approvals: [ApprovalRecord], transitions: [TransitionRecord]) {
        self.id = id
        self.intent = intent
        self.slots = slots
        self.env = env
        self.requester = requester
        self.origin = origin
        self.text = text
        self.state = state
        self.approvers = approvers
        self.quorum = quorum
        self.expiresAt = expiresAt
        self.approvalTTL = approvalTTL
        self.createdAt = createdAt
        self.updatedAt = updatedAt
        self.isDryRun = isDryRun
        self.result = result
        self.approvals = approvals
        self.transitions = transitions
    }

    /// How long a request admitted without approval may wait to start (after a crash, say).
    public static let defaultStartWindow: TimeInterval = 3600

    public var command: ParsedCommand {
        ParsedCommand(intent: intent, slots: slots, source: .rule, ruleID: nil)
    }
}

/// One approval given to a request.
public struct ApprovalRecord: Sendable, Hashable {
    public let approver: String
    public let at: Date
    public let origin: MessageOrigin?

    public init(approver: String, at: Date, origin: MessageOrigin?) {
        self.approver = approver
        self.at = at
        self.origin = origin
    }
}

/// One move of a request's state: who, when, from which platform message, and why.
public struct TransitionRecord: Sendable, Hashable {
    /// nil for the first record (the request was received).
    public let from: RequestState?
    public let to: RequestState
    /// An identity name, `policy`, or `chatops` (the bot itself: sweeper, start-up recovery).
    public let actor: String
    public let at: Date
    public let origin: MessageOrigin?
    public let reason: String?

    public init(from: RequestState?, to: RequestState, actor: String, at: Date, origin: MessageOrigin?, reason: String?) {
        self.from = from
        self.to = to
        self.actor = actor
        self.at = at
        self.origin = origin
        self.reason = reason
    }
}
