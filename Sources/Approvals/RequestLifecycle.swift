/// The request lifecycle as a pure function: the state a request moves to on an event, or why
/// it cannot. The store applies it inside a transaction; nothing here does I/O.
///
///     received ─admitted(needsApproval)→ awaiting_approval ─quorumReached→ approved ─started→ executing
///        │       admitted(no approval) ──────────────────────────────────↗          │        ├→ succeeded
///        └ refused → denied        awaiting_approval → denied | expired | cancelled │        ├→ failed
///                                  approved → cancelled (withdrawn, or frozen) | expired     └→ interrupted
public enum RequestLifecycle {
    public static func next(from state: RequestState, on event: RequestEvent) -> Result<RequestState, IllegalTransition> {
        switch (state, event) {
        case (.received, .admitted(let needsApproval)): return .success(needsApproval ? .awaitingApproval : .approved)
        case (.received, .refused): return .success(.denied)
        case (.awaitingApproval, .quorumReached): return .success(.approved)
        case (.awaitingApproval, .denied): return .success(.denied)
        case (.awaitingApproval, .expired), (.approved, .expired): return .success(.expired)
        case (.awaitingApproval, .cancelled), (.approved, .cancelled): return .success(.cancelled)
        case (.approved, .started): return .success(.executing)
        case (.executing, .succeeded): return .success(.succeeded)
        case (.executing, .failed): return .success(.failed)
        case (.executing, .interrupted): return .success(.interrupted)
        default: return .failure(IllegalTransition(state: state, event: event))
        }
    }
}

/// An event that does not apply in a state: the caller must not act on it.
public struct IllegalTransition: Error, Sendable, Hashable, CustomStringConvertible {
    public let state: RequestState
    public let event: RequestEvent

    public init(state: RequestState, event: RequestEvent) {
        self.state = state
        self.event = event
    }

    public var description: String {
        state.isTerminal
            ? "the request is already \(state.rawValue.replacingUnderscores)"
            : "a request that is \(state.rawValue.replacingUnderscores) cannot be \(event.pastTense)"
    }
}

extension RequestEvent {
    var pastTense: String {
        switch self {
        case .admitted: return "admitted"
        case .refused: return "refused"
        case .quorumReached: return "approved"
        case .denied: return "denied"
        case .expired: return "expired"
        case .cancelled: return "cancelled"
        case .started: return "started"
        case .succeeded: return "marked succeeded"
        case .failed: return "marked failed"
        case .interrupted: return "marked interrupted"
        }
    }
}

extension String {
    var replacingUnderscores: String { String(map { $0 == "_" ? " " : $0 }) }
}
