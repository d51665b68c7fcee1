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
    /// Adds the pipeline-triage analysis (root cause, real risk or false positive, exact fix,
    /// prevention) when a language model is configured.
    let analyst: (any Analyst)?

    public init(client: GitHubActionsClient, catalog: Catalog, defaults: Defaults, configFile: String, analyst: (any Analyst)? = nil) {
        triager = RunTriager(client: client)
        lookup = PipelineLookup(catalog: catalog, configFile: configFile)
        self.defaults = defaults
        self.analyst = analyst
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
        let triage: RunTriage
        do {
            triage = try await triager.triage(run: input.string("run"), in: repositories)
        } catch {
            if case .noFailedRun = error { return .succeeded(.text(error.description, severity: .success)) }
            return .failed(.text(error.description, severity: .failure))
        }
        var reply = TriageReport(triage: triage).reply
        if let analyst, let job = triage.failedJobs.first { reply = await analysed(reply, triage, job: job, analyst: analyst) }
        var buttons: [ReplyButton] = []
        if triage.hasFailed, let app = owner(of: triage) {
            buttons.append(ReplyButton(label: "Re-run failed jobs", action: .rerun(run: triage.run.id, app: app), style: .primary))
        }
        if let model = retrainable(triage) {
            buttons.append(ReplyButton(label: "Re-run training (retrain \(model))", action: .retrain(model), style: .primary))
        }
        if !buttons.isEmpty { reply.blocks.append(.buttons(buttons)) }
        var result = ExecutionResult.succeeded(reply)
        result.facts = Self.facts(triage)
        return result
    }

    /// The app whose pipeline repository the run is in: the Re-run acts there.
    func owner(of triage: RunTriage) -> String? {
        lookup.catalog.apps.first { $0.pipeline?.repository.lowercased() == triage.run.repository.lowercased() }?.name
    }

    /// What a pipeline failure's thread is titled and summed up with.
    static func facts(_ triage: RunTriage) -> [String: String] {
        var facts = ["failure_type": triage.classification.kind.displayName, "run_url": triage.run.url]
        if let evidence = triage.classification.evidence { facts["failure_signal"] = evidence }
        if let job = triage.failedJobs.first {
            facts["failed_job"] = job.name
            if let step = job.failedSteps.first { facts["failed_step"] = step.name }
        }
        if triage.failedJobs.count > 1 { facts["failed_jobs"] = String(triage.failedJobs.count) }
        if let attempt = triage.run.attempt { facts["run_attempt"] = String(attempt) }
        return facts
    }

    /// A failed training run of a model's pipeline can be run again as `retrain MODEL` (through
    /// policy and approvals, as whoever clicks); no other kind of run has a command that re-runs it.
    func retrainable(_ triage: RunTriage) -> String? {
        guard triage.classification.kind == .train else { return nil }
        return lookup.catalog.apps.first { app in
            app.model != nil && app.pipeline?.repository.lowercased() == triage.run.repository.lowercased()
        }?.name
    }

    /// The report, the analysis by the role of its failure type, and the report again as
    /// collapsed evidence. The first failed job is the one analysed.
    func analysed(_ reply: Reply, _ triage: RunTriage, job: RunTriage.Job, analyst: any Analyst) async -> Reply {
        let kind = triage.classification.kind
        let role = [FailureKind.sast, .sca, .secrets, .test, .train, .container].contains(kind) ? kind.rawValue : "general"
        var values: [String: AnalysisValue] = [
            role: .flag(true), "repository": .text(triage.run.repository), "run": .text(String(triage.run.id)),
            "workflow": .text(triage.run.workflow ?? "workflow"), "job": .text(job.name), "failureType": .text(kind.displayName),
        ]
        if let step = job.failedSteps.first { values["step"] = .text(step.name) }
        let log = (job.errorLines + [""] + job.logTail).joined(separator: "\n")
        let analysis = await analyst.analyse(AnalysisRequest(prompt: "pipeline-triage", values: values, evidence: log))
        return Reply(reply.severity, reply.blocks + analysis.blocks
                     + [.evidence(title: "Evidence: the log tail of \(job.name)", body: log)])
    }

    func repositories(_ input: ExecutionInput) -> [GitHubRepository] {
        lookup.repositories(first: defaults.app(forChannel: input.channel))
    }
}
