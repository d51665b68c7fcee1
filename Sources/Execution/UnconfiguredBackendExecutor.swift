/// Stands in for a backend that is not set up: every command that needs it fails with what to set.
/// Never a fake success.
public struct UnconfiguredBackendExecutor: Executor {
    public let backend: Backend?
    let configFile: String
    let planner: ActionPlanner

    public init(backend: Backend, configFile: String, planner: ActionPlanner) {
        self.backend = backend
        self.configFile = configFile
        self.planner = planner
    }

    public func plan(_ input: ExecutionInput) -> [String] { planner.steps(for: input) }

    public func execute(_ input: ExecutionInput, progress: any ProgressReporter) async -> ExecutionResult {
        guard let backend else { return .failed("nothing can run this command") }
        return .failed("\(backend.displayName) is not configured (set \(backend.key.path) in \(configFile), "
                       + "or \(backend.key.variable))")
    }
}

/// A backend that is configured, but whose executor this build does not have yet.
public struct UnavailableBackendExecutor: Executor {
    public let backend: Backend?
    let planner: ActionPlanner

    public init(backend: Backend, planner: ActionPlanner) {
        self.backend = backend
        self.planner = planner
    }

    public func plan(_ input: ExecutionInput) -> [String] { planner.steps(for: input) }

    public func execute(_ input: ExecutionInput, progress: any ProgressReporter) async -> ExecutionResult {
        .failed("\(backend?.displayName ?? "This backend") is configured, but this build of chatops cannot run "
                + "'\(input.intent.rawValue)' on it yet; nothing was changed")
    }
}
