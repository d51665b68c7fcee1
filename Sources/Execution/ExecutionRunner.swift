/// Runs a command through its executor, enforcing dry-run in one place: in dry-run mode a
/// mutating command is only planned, whatever the executor would do.
public struct ExecutionRunner: Sendable {
    public let registry: ExecutorRegistry

    public init(registry: ExecutorRegistry) {
        self.registry = registry
    }

    /// What the change is, for the approval prompt (an intent nobody serves previews as itself).
    /// In dry-run, the plan alone: a dry run calls nothing, reads included.
    public func preview(_ input: ExecutionInput) async -> ChangePreview {
        guard let executor = registry.executor(for: input.intent) else {
            return ChangePreview(lines: ["\(input.intent.rawValue): no registered backend serves it, so it will fail"])
        }
        return input.isDryRun ? ChangePreview(lines: executor.plan(input)) : await executor.preview(input)
    }

    /// The preview for a request that now waits for approval: made ahead (a pull request) only
    /// when the request is real, read-only in dry-run.
    public func prepare(_ input: ExecutionInput) async -> ChangePreview {
        guard !input.isDryRun, let executor = registry.executor(for: input.intent) else { return await preview(input) }
        return await executor.prepare(input)
    }

    /// Undoes what `prepare` made for a request that will not run; a note for its thread, or nil.
    public func discard(_ input: ExecutionInput) async -> String? {
        guard !input.isDryRun, let executor = registry.executor(for: input.intent) else { return nil }
        return await executor.discard(input)
    }

    public func run(_ input: ExecutionInput, progress: any ProgressReporter) async -> ExecutionResult {
        guard let executor = registry.executor(for: input.intent) else {
            return .failed("nothing in this build of chatops can run '\(input.intent.rawValue)' yet (no registered "
                           + "backend serves it); nothing was changed")
        }
        if input.isDryRun && input.intent.isMutating {
            let steps = executor.plan(input).map { "• would \($0)" }.joined(separator: "\n")
            return .succeeded("Dry run: nothing was changed.\n\(steps)")
        }
        return await executor.execute(input, progress: progress)
    }
}
