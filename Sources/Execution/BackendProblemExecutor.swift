import ChatOpsCore

/// Stands in for a backend that cannot run: every command that needs it fails with what to set or
/// fix. Never a fake success.
public struct BackendProblemExecutor: Executor {
    public enum Problem: Sendable, Hashable {
        /// Not configured: what to set to turn it on ("set backends.argocd.url in FILE, or CHATOPS_ARGOCD_URL").
        case notConfigured(hint: String)
        /// Set up in part: the precise problem ("CHATOPS_ARGOCD_URL is set, but the token is not").
        case misconfigured(String)
    }

    /// "Argo CD".
    public let backend: String
    public let problem: Problem

    public init(backend: String, problem: Problem) {
        self.backend = backend
        self.problem = problem
    }

    public var explanation: String {
        switch problem {
        case .notConfigured(let hint): return "\(backend) is not configured (\(hint))"
        case .misconfigured(let detail): return "\(backend) cannot be used: \(detail)"
        }
    }

    /// The change in words, and why it cannot happen yet: an approver (or a dry run) still sees
    /// what was asked.
    public func plan(_ input: ExecutionInput) -> [String] {
        ["\(CommandPhrase.text(input.intent, input.command.slots)) — but \(explanation), so it will fail until that is set up"]
    }

    public func execute(_ input: ExecutionInput, progress: any ProgressReporter) async -> ExecutionResult {
        switch problem {
        case .notConfigured: return .failed(explanation)
        case .misconfigured: return .failed("\(explanation); nothing was changed")
        }
    }
}
