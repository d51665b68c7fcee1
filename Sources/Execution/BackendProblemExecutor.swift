/// Stands in for a backend that cannot run: every command that needs it fails with what to set or
/// fix. Never a fake success.
public struct BackendProblemExecutor: Executor {
    public enum Problem: Sendable {
        /// Its setting is absent: name it and where to set it.
        case notConfigured(configFile: String)
        /// Set up in part: the precise problem ("CHATOPS_ARGOCD_URL is set, but the token is not").
        case misconfigured(String)
        /// Configured, but this build has no executor for the intent.
        case notInThisBuild
    }

    let blocked: Backend
    let problem: Problem
    let planner: ActionPlanner

    public init(backend: Backend, problem: Problem, planner: ActionPlanner) {
        blocked = backend
        self.problem = problem
        self.planner = planner
    }

    public var backend: Backend? { blocked }

    public func plan(_ input: ExecutionInput) -> [String] { planner.steps(for: input) }

    public func execute(_ input: ExecutionInput, progress: any ProgressReporter) async -> ExecutionResult {
        switch problem {
        case .notConfigured(let configFile):
            return .failed("\(blocked.displayName) is not configured (set \(blocked.key.path) in \(configFile), or \(blocked.key.variable))")
        case .misconfigured(let detail):
            return .failed("\(blocked.displayName) cannot be used: \(detail); nothing was changed")
        case .notInThisBuild:
            return .failed("\(blocked.displayName) is configured, but this build of chatops cannot run "
                           + "'\(input.intent.rawValue)' on it yet; nothing was changed")
        }
    }
}
