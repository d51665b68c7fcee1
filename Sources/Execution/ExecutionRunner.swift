/// Runs a command through its executor, enforcing dry-run in one place: in dry-run mode a
/// mutating command is only planned, whatever the executor would do.
public struct ExecutionRunner: Sendable {
    public let registry: ExecutorRegistry

    public init(registry: ExecutorRegistry) {
        self.registry = registry
    }

    public func run(_ input: ExecutionInput, progress: any ProgressReporter) async -> ExecutionResult {
        guard let executor = registry.executor(for: input.intent) else {
            return .failed("'\(input.intent.rawValue)' is not something an executor runs")
        }
        if input.isDryRun && input.intent.isMutating {
            let steps = executor.plan(input).map { "• would \($0)" }.joined(separator: "\n")
            return .succeeded("Dry run: nothing was changed.\n\(steps)")
        }
        return await executor.execute(input, progress: progress)
    }
}
