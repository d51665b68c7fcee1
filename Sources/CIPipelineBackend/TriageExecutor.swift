import ChatOpsConfig
import Execution
import ReplyModel

/// `triage [RUN]`: the failed jobs of a CI run (the newest failed run when none is named), their
/// failed steps and log tails, and the kind of failure. The run's repository is not in the
/// command: the default app's pipeline repository is tried first, then the other apps'.
public struct TriageExecutor: Executor {
    let triager: RunTriager
    let lookup: PipelineLookup
    let defaults: Defaults

    public init(client: GitHubActionsClient, catalog: Catalog, defaults: Defaults, configFile: String) {
        triager = RunTriager(client: client)
        lookup = PipelineLookup(catalog: catalog, configFile: configFile)
        self.defaults = defaults
    }

    public func plan(_ input: ExecutionInput) -> [String] {
        let repositories = TriageError.list(repositories(input))
        let run = input.string("run").map { "run \($0)" } ?? "the newest failed run"
        return ["read \(run) in \(repositories): its failed jobs, steps and log tails (read only)"]
    }

    public func execute(_ input: ExecutionInput, progress: any ProgressReporter) async -> ExecutionResult {
        let repositories = repositories(input)
        guard !repositories.isEmpty else {
            return .failed("No app has a CI pipeline configured: add a `pipeline:` block (`repo: OWNER/NAME`) "
                           + "to an app under `apps:` in \(lookup.configFile)")
        }
        do {
            return .succeeded(TriageReport(triage: try await triager.triage(run: input.string("run"), in: repositories)).reply)
        } catch {
            if case .noFailedRun = error { return .succeeded(.text(error.description, severity: .success)) }
            return .failed(.text(error.description, severity: .failure))
        }
    }

    func repositories(_ input: ExecutionInput) -> [GitHubRepository] {
        lookup.repositories(first: defaults.app(forChannel: input.channel))
    }
}
