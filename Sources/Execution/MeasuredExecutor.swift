import ChatOpsMetrics

/// A backend's executor with its calls counted: `chatops_executor_calls_total{backend, intent}`
/// and `chatops_executor_errors_total` for those that failed. Everything else passes through.
public struct MeasuredExecutor: Executor {
    let backend: String
    let inner: any Executor

    public init(backend: String, _ inner: any Executor) {
        self.backend = backend
        self.inner = inner
    }

    public func plan(_ input: ExecutionInput) -> [String] { inner.plan(input) }
    public func preview(_ input: ExecutionInput) async -> ChangePreview { await inner.preview(input) }
    public func prepare(_ input: ExecutionInput) async -> ChangePreview { await inner.prepare(input) }
    public func discard(_ input: ExecutionInput) async -> String? { await inner.discard(input) }

    public func execute(_ input: ExecutionInput, progress: any ProgressReporter) async -> ExecutionResult {
        let result = await inner.execute(input, progress: progress)
        BotMetrics.executorCall(backend: backend, intent: input.intent.rawValue, failed: !result.isSuccess)
        return result
    }
}
