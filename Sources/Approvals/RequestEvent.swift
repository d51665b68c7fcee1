/// Something that happens to a request. Who caused it and why travel with the transition record.
public enum RequestEvent: Sendable, Hashable {
    /// Policy looked at a received request: it needs approval, or may run at once.
    case admitted(needsApproval: Bool)
    /// Policy refused the requester outright.
    case refused
    /// An approval that completes the quorum. (Approvals below quorum are recorded, not transitions.)
    case quorumReached
    /// An approver said no: one denial ends the request.
    case denied
    /// Its time to live ran out before it was approved or started.
    case expired
    /// The requester withdrew it, or a freeze stopped it before it started.
    case cancelled
    /// Execution began.
    case started
    case succeeded
    case failed
    /// Found `executing` at start-up: the process died mid-flight. Reported, never re-run.
    case interrupted
}
