/// What policy says about one request.
public enum PolicyDecision: Sendable, Hashable {
    /// Run it now.
    case allowed
    /// Hold it until `quorum` distinct members of `approvers` (never the requester) approve, within `ttl` seconds.
    case needsApproval(approvers: String?, quorum: Int, ttl: Int)
    /// Refused; `reason` says why and what to do.
    case refused(reason: String)
}
