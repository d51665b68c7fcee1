import Execution

/// Kubernetes is configured, but the configuration cannot be used (an unreadable kubeconfig, no
/// token): every Kubernetes command fails with that precise problem instead of the bot not starting.
public struct KubernetesSetupFailureExecutor: Executor {
    let problem: KubernetesSetupError

    public init(problem: KubernetesSetupError) {
        self.problem = problem
    }

    public func plan(_ input: ExecutionInput) -> [String] {
        ["refuse: Kubernetes cannot be used: \(problem)"]
    }

    public func execute(_ input: ExecutionInput, progress: any ProgressReporter) async -> ExecutionResult {
        .failed("Kubernetes is configured but cannot be used: \(problem). Nothing was sent.")
    }
}
