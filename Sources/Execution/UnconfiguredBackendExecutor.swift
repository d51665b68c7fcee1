/// Stands in for a backend that is not set up: every command that needs it fails with what to set.
/// Never a fake success.
public struct UnconfiguredBackendExecutor: Executor {
    let missing: Backend
    let configFile: String
    let planner: ActionPlanner

    public init(backend: Backend, configFile: String, planner: ActionPlanner) {
        missing = backend
        self.configFile = configFile
        self.planner = planner
    }

    public var backend: Backend? { missing }

    public func plan(_ input: ExecutionInput) -> [String] { planner.steps(for: input) }

    public func execute(_ input: ExecutionInput, progress: any ProgressReporter) async -> ExecutionResult {
        .failed("\(missing.displayName) is not configured (set \(missing.key.path) in \(configFile), or \(missing.key.variable))")
    }
}

/// A backend that is configured, but whose executor this build does not have yet.
public struct UnavailableBackendExecutor: Executor {
    let configured: Backend
    let planner: ActionPlanner

    public init(backend: Backend, planner: ActionPlanner) {
        configured = backend
        self.planner = planner
    }

    public var backend: Backend? { configured }

    public func plan(_ input: ExecutionInput) -> [String] { planner.steps(for: input) }

    public func execute(_ input: ExecutionInput, progress: any ProgressReporter) async -> ExecutionResult {
        .failed("\(configured.displayName) is configured, but this build of chatops cannot run "
                + "'\(input.intent.rawValue)' on it yet; nothing was changed")
    }
}
