import Execution
import Synchronization

/// An executor for tests of the request flow: counts how often it really ran, and answers with
/// a fixed result. Registered in place of a backend's executor, never in place of client code.
public final class FakeExecutor: Executor {
    let result: ExecutionResult
    private let runs = Mutex<[ExecutionInput]>([])

    public init(result: ExecutionResult = .succeeded("done")) {
        self.result = result
    }

    /// Every input it executed, in order.
    public var executed: [ExecutionInput] { runs.withLock { $0 } }

    public func plan(_ input: ExecutionInput) -> [String] { ["do \(input.intent.rawValue)"] }

    public func execute(_ input: ExecutionInput, progress: any ProgressReporter) async -> ExecutionResult {
        runs.withLock { $0.append(input) }
        await progress.report("working on \(input.intent.rawValue)…")
        return result
    }
}
