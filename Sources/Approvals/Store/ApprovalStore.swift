import ChatOpsCore
import Foundation

/// Requests, approvals, transitions, deliveries, freezes, notices and the audit log.
/// Every method is one transaction: it keeps the lifecycle's invariants and appends its audit
/// entries atomically, so that a crash at any point leaves a consistent store.
/// `SQLiteApprovalStore` is the implementation; times are passed in so tests control the clock.
public protocol ApprovalStore: ConfirmationStore, FeedbackStore, IncidentStore, Sendable {
    // Requests
    /// Records a request (`received`) and its admission (`awaiting_approval`, `approved` or `denied`).
    func createRequest(_ new: NewRequest, admission: Admission, at: Date) async throws -> StoredRequest
    func request(id: Int64) async throws -> StoredRequest?
    /// Newest first; `states` nil: all.
    func requests(states: Set<RequestState>?, limit: Int) async throws -> [StoredRequest]
    /// The requests that changed (or set out to change) `app` in `env` — deploys, promotions,
    /// rollbacks, syncs, scales, restarts, retrains that were approved, ran, or failed; not dry
    /// runs — created at or after `since`, newest first.
    func changes(app: String, env: String, since: Date, limit: Int) async throws -> [StoredRequest]

    // Decisions
    func approve(id: Int64, approver: String, origin: MessageOrigin?, at: Date) async throws -> ApprovalOutcome
    func deny(id: Int64, approver: String, reason: String?, origin: MessageOrigin?, at: Date) async throws -> DenialOutcome
    func cancel(id: Int64, by actor: String, reason: String?, origin: MessageOrigin?, at: Date) async throws -> CancelOutcome

    // Execution
    /// `approved → executing`, unless the environment is frozen (then `cancelled`).
    func claimForExecution(id: Int64, owner: ExecutionOwner, leaseUntil: Date, at: Date) async throws -> ClaimOutcome
    /// Extends the lease of a running request (the owner is alive and working).
    func renewLease(id: Int64, owner: ExecutionOwner, until: Date) async throws
    /// `executing → succeeded | failed`, with the rendered result.
    func finish(id: Int64, succeeded: Bool, result: String, at: Date) async throws -> StoredRequest
    /// At start-up and periodically: requests `executing` whose owner is gone (same host, process
    /// not alive per `isAlive`) or whose lease ran out become `interrupted`, each with a notice.
    func recoverInterrupted(host: String, isAlive: @escaping @Sendable (Int32) -> Bool, at: Date) async throws -> [StoredRequest]
    /// Requests `awaiting_approval` past `expiresAt` become `expired`, each with a notice to its
    /// thread. (`approved` ones are left to the claim that follows the approval, which they could race.)
    func expireDue(at: Date) async throws -> [StoredRequest]

    // Freezes
    func freeze(env: String, by actor: String, reason: String?, origin: MessageOrigin?, at: Date) async throws -> FreezeOutcome
    func unfreeze(env: String, by actor: String, origin: MessageOrigin?, at: Date) async throws -> UnfreezeOutcome
    func freezes() async throws -> [FreezeRecord]

    // Inbound deliveries
    /// Claims a delivery; `work`, when given, is what its adapter needs to handle it again if the
    /// process stops before `completeDelivery` (committed with the claim).
    func recordDelivery(platform: String, id: String, at: Date, work: [UInt8]?) async throws -> DeliveryStatus
    /// Remembers what was answered; the delivery's stored work is forgotten.
    func completeDelivery(platform: String, id: String, reply: String) async throws
    /// Deliveries with stored work received before `before` and never completed, oldest first.
    func pendingDeliveries(receivedBefore before: Date) async throws -> [PendingDelivery]

    // Notices owed to threads
    func pendingNotices(platform: String) async throws -> [Notice]
    func markNoticesDelivered(_ ids: [Int64]) async throws

    // Approval prompts as posted on platforms
    /// Remembers where a request's approval prompt was posted (idempotent).
    func recordPromptMessage(requestID: Int64, message: MessageOrigin) async throws
    func promptMessages(requestID: Int64) async throws -> [MessageOrigin]

    // What executors remember about a request between attempts
    func executionNote(requestID: Int64, key: String) async throws -> String?
    func recordExecutionNote(requestID: Int64, key: String, value: String, at: Date) async throws

    // GitHub logins pinned to numeric user ids
    func pinnedGitHubUser(login: String) async throws -> Int64?
    /// Pins `login` to `userID` unless it is pinned already; returns the id it is pinned to.
    func pinGitHubUser(login: String, userID: Int64, at: Date) async throws -> Int64

    /// Forgets finished requests last changed before `cutoff` (with their approvals, transitions,
    /// notes and notices), deliveries received before it, and the audit entries before the oldest
    /// one still needed, keeping a checkpoint so the rest of the chain still verifies.
    func prune(before cutoff: Date, at: Date) async throws -> PruneReport

    /// Whether the store can take a write now (for `/readyz`); throws what is wrong.
    func checkWritable() async throws

    // Audit
    func auditEntries() async throws -> [AuditEntry]
    func verifyAudit() async throws -> AuditVerification
}

extension ApprovalStore {
    /// A claim with no stored work (the caller handles it at once, or the platform retries).
    public func recordDelivery(platform: String, id: String, at: Date) async throws -> DeliveryStatus {
        try await recordDelivery(platform: platform, id: id, at: at, work: nil)
    }
}
