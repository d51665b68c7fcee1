/// Where a request is in its lifecycle. Raw values are the names scripts see (`--json`).
public enum RequestState: String, CaseIterable, Sendable, Codable, Hashable {
    case received
    case awaitingApproval = "awaiting_approval"
    case approved
    case executing
    case succeeded
    case failed
    case denied
    case expired
    case cancelled
    case interrupted

    /// No event moves a request out of a terminal state.
    public var isTerminal: Bool {
        switch self {
        case .succeeded, .failed, .denied, .expired, .cancelled, .interrupted: return true
        case .received, .awaitingApproval, .approved, .executing: return false
        }
    }
}
