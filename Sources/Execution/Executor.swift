/// Carries out one kind of command against one backend. One type per backend or concern, like
/// a rule per file: `ExecutorRegistry` maps intents to them.
public protocol Executor: Sendable {
    /// The steps it would take, exactly (the calls, with the catalog's real names), without
    /// touching anything: what dry-run shows.
    func plan(_ input: ExecutionInput) -> [String]

    /// What the change is, in words an approver checks, read from live state where the backend
    /// is reachable ("iris-classifier in prod: v2.2 → v2.3"): the approval prompt shows it.
    func preview(_ input: ExecutionInput) async -> ChangePreview

    /// Does it. Never called for a mutating intent in dry-run mode.
    func execute(_ input: ExecutionInput, progress: any ProgressReporter) async -> ExecutionResult
}

extension Executor {
    /// By default the plan is the preview: executors that can read live state say more.
    public func preview(_ input: ExecutionInput) async -> ChangePreview {
        ChangePreview(lines: plan(input))
    }
}
