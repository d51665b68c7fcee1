/// Carries out one kind of command against one backend. One type per backend or concern, like
/// a rule per file: `ExecutorRegistry` maps intents to them.
public protocol Executor: Sendable {
    /// The backend it drives; nil for what the bot does itself (help).
    var backend: Backend? { get }

    /// The steps it would take, in words, without touching anything: what dry-run shows.
    func plan(_ input: ExecutionInput) -> [String]

    /// Does it. Never called for a mutating intent in dry-run mode.
    func execute(_ input: ExecutionInput, progress: any ProgressReporter) async -> ExecutionResult
}
