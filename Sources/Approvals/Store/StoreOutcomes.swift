import ChatOpsCore
import Foundation

/// What an approval did. Exactly one caller ever sees `quorumReached` for a request.
public enum ApprovalOutcome: Sendable, Hashable {
    /// Recorded; more approvals are needed.
    case recorded(StoredRequest, approvals: Int, quorum: Int)
    /// This approval completed the quorum: the request is now `approved`.
    case quorumReached(StoredRequest)
    /// This approver had already approved (a retry or a double click); nothing changed.
    case alreadyApproved(StoredRequest)
    /// The request is not waiting for approval (approved already, denied, expired…); nothing changed.
    case notAwaitingApproval(StoredRequest)
    case notFound
}

/// What a denial did.
public enum DenialOutcome: Sendable, Hashable {
    case denied(StoredRequest)
    case notAwaitingApproval(StoredRequest)
    case notFound
}

/// What a cancellation by the requester did.
public enum CancelOutcome: Sendable, Hashable {
    case cancelled(StoredRequest)
    case notCancellable(StoredRequest)
    case notFound
}

/// What claiming an approved request for execution did. Exactly one caller ever sees `claimed`.
public enum ClaimOutcome: Sendable, Hashable {
    /// Now `executing`, owned by the caller: run it, then `finish`.
    case claimed(StoredRequest)
    /// Its environment is frozen: the request is now `cancelled`.
    case frozen(StoredRequest, FreezeRecord)
    /// Not `approved` (already claimed, cancelled…); nothing changed.
    case notApproved(StoredRequest)
    /// Approved, but not started within its approval TTL (the bot was down): now `expired`, with
    /// a notice to its thread. An old approval is not a licence to change things today.
    case expired(StoredRequest)
    case notFound
}

/// A frozen environment.
public struct FreezeRecord: Sendable, Hashable {
    public let env: String
    public let frozenBy: String
    public let at: Date
    public let reason: String?

    public init(env: String, frozenBy: String, at: Date, reason: String?) {
        self.env = env
        self.frozenBy = frozenBy
        self.at = at
        self.reason = reason
    }
}

public enum FreezeOutcome: Sendable, Hashable {
    /// Frozen now; `cancelled` are the approved-but-not-started requests it stopped.
    case frozen(FreezeRecord, cancelled: [StoredRequest])
    case alreadyFrozen(FreezeRecord)
}

public enum UnfreezeOutcome: Sendable, Hashable {
    case unfrozen(was: FreezeRecord)
    case notFrozen
}

/// An inbound platform delivery (Slack retry, `X-GitHub-Delivery`, Discord interaction id).
public enum DeliveryStatus: Sendable, Hashable {
    /// First time seen: recorded now; handle it, then `completeDelivery`.
    case new
    /// Seen before: do not act again. `reply` is what was answered then, if it finished.
    case repeated(reply: String?)
}

/// A delivery acknowledged with its work stored (`recordDelivery(…, work:)`) and never finished:
/// the process stopped between answering the platform and handling it. Its adapter reads `work`.
public struct PendingDelivery: Sendable, Hashable {
    public let key: DeliveryKey
    public let receivedAt: Date
    public let work: [UInt8]

    public init(key: DeliveryKey, receivedAt: Date, work: [UInt8]) {
        self.key = key
        self.receivedAt = receivedAt
        self.work = work
    }
}

/// A message the bot owes a thread, written in the same transaction as the change it reports
/// (an expiry, an interrupted execution), so that nothing is lost if the process dies before sending.
public struct Notice: Sendable, Hashable {
    public let id: Int64
    public let origin: MessageOrigin
    public let text: String
    public let requestID: Int64?
    public let createdAt: Date

    public init(id: Int64, origin: MessageOrigin, text: String, requestID: Int64?, createdAt: Date) {
        self.id = id
        self.origin = origin
        self.text = text
        self.requestID = requestID
        self.createdAt = createdAt
    }
}

/// One entry of the append-only, hash-chained audit log.
public struct AuditEntry: Sendable, Hashable {
    public let seq: Int64
    public let at: Date
    public let actor: String
    /// `request.created`, `request.transition`, `approval.recorded`, `env.frozen`, `env.unfrozen`, …
    public let action: String
    public let requestID: Int64?
    /// A JSON object with the details (keys sorted).
    public let detail: String
    /// Hex SHA-256 of the previous entry (64 zeros for the first).
    public let previousHash: String
    /// Hex SHA-256 over `previousHash` and this entry's fields.
    public let hash: String

    public init(seq: Int64, at: Date, actor: String, action: String, requestID: Int64?, detail: String,
                previousHash: String, hash: String) {
        self.seq = seq
        self.at = at
        self.actor = actor
        self.action = action
        self.requestID = requestID
        self.detail = detail
        self.previousHash = previousHash
        self.hash = hash
    }
}

/// What `audit verify` found.
public enum AuditVerification: Sendable, Hashable {
    case intact(entries: Int)
    /// The first entry that does not check out, and why (edited, deleted before it, out of order…).
    case broken(seq: Int64, reason: String)
}

/// What a prune removed.
public struct PruneReport: Sendable, Hashable {
    public let requests: Int
    public let deliveries: Int
    public let auditEntries: Int

    public init(requests: Int, deliveries: Int, auditEntries: Int) {
        self.requests = requests
        self.deliveries = deliveries
        self.auditEntries = auditEntries
    }
}
