/// Carries out one kind of command against one backend. One type per backend or concern, like
/// a rule per file: `ExecutorRegistry` maps intents to them.
public protocol Executor: Sendable {
    /// The steps it would take, exactly (the calls, with the catalog's real names), without
    /// touching anything: what dry-run shows.
    func plan(_ input: ExecutionInput) -> [String]

    /// What the change is, in words an approver checks, read from live state where the backend
    /// is reachable ("iris-classifier in prod: v2.2 → v2.3"). Reads only.
    func preview(_ input: ExecutionInput) async -> ChangePreview

    /// Called once when a request starts waiting for approval (never in dry-run): an executor may
    /// make what approvers should look at (GitOps opens the pull request, so the diff can be read
    /// on GitHub), record it in the request's notes, and return the preview that links it.
    func prepare(_ input: ExecutionInput) async -> ChangePreview

    /// The request will not run (denied, expired, cancelled): undo what `prepare` made (close
    /// the pull request). Never fails loudly; what it could not undo it reports in the result.
    func discard(_ input: ExecutionInput) async -> String?

    /// Does it. Never called for a mutating intent in dry-run mode.
    func execute(_ input: ExecutionInput, progress: any ProgressReporter) async -> ExecutionResult
}

extension Executor {
    /// By default the plan is the preview: executors that can read live state say more.
    public func preview(_ input: ExecutionInput) async -> ChangePreview {
        ChangePreview(lines: plan(input))
    }

    /// By default nothing is made ahead of the approval.
    public func prepare(_ input: ExecutionInput) async -> ChangePreview {
        await preview(input)
    }

    public func discard(_ input: ExecutionInput) async -> String? { nil }
}
