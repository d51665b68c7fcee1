import PlatformHTTP

/// Finds the run to triage among the configured pipeline repositories and gathers its facts:
/// failed jobs (latest attempt), their failed steps, the tails of their logs, the failure kind.
public struct RunTriager: Sendable {
    let client: GitHubActionsClient
    /// Logs read per run (one call and one download each).
    let maxLogs: Int
    let tailLines: Int

    public init(client: GitHubActionsClient, maxLogs: Int = 4, tailLines: Int = 60) {
        self.client = client
        self.maxLogs = maxLogs
        self.tailLines = tailLines
    }

    /// Run `id` from the first repository that has it, or — with no id — the newest failed run
    /// of all the repositories.
    public func triage(run id: String?, in repositories: [GitHubRepository]) async throws(TriageError) -> RunTriage {
        let found: (WorkflowRun, GitHubRepository)
        if let id {
            guard let valid = PathSegment.numericID(id) else { throw .invalidRunID(id) }
            found = try await find(run: valid, in: repositories)
        } else {
            found = try await latestFailed(in: repositories)
        }
        let (run, repository) = found
        guard run.conclusion != "success" else {
            return RunTriage(run: .init(run, repository: repository), failedJobs: [],
                             classification: FailureClassification(kind: .other, evidence: nil))
        }
        let failed: [WorkflowJob]
        do { failed = try await client.jobs(ofRun: "\(run.id)", in: repository).filter(\.hasFailed) } catch { throw .api(error) }
        var jobs: [RunTriage.Job] = []
        for (index, job) in failed.enumerated() {
            jobs.append(await facts(of: job, in: repository, readLog: index < maxLogs))
        }
        let classification = FailureClassifier.classify(
            failedSteps: jobs.flatMap { $0.failedSteps.map(\.name) }, failedJobs: jobs.map(\.name),
            logLines: jobs.flatMap { LogTail.evidence(in: $0.logTail) })
        return RunTriage(run: .init(run, repository: repository), failedJobs: jobs, classification: classification)
    }

    func find(run id: String, in repositories: [GitHubRepository]) async throws(TriageError) -> (WorkflowRun, GitHubRepository) {
        for repository in repositories {
            do {
                return (try await client.run(id, in: repository), repository)
            } catch where error.status == 404 {
                continue  // another app's repository may have it
            } catch {
                throw .api(error)
            }
        }
        throw .runNotFound(id, repositories)
    }

    func latestFailed(in repositories: [GitHubRepository]) async throws(TriageError) -> (WorkflowRun, GitHubRepository) {
        var newest: (WorkflowRun, GitHubRepository)?
        for repository in repositories {
            let runs: [WorkflowRun]
            do {
                runs = try await client.runs(in: repository, status: "failure", limit: 1)
            } catch where error.status == 404 {
                continue
            } catch {
                throw .api(error)
            }
            // GitHub's timestamps are all `YYYY-MM-DDTHH:MM:SSZ`: text order is time order.
            if let run = runs.first, run.createdAt > (newest?.0.createdAt ?? "") { newest = (run, repository) }
        }
        guard let newest else { throw .noFailedRun(repositories) }
        return newest
    }

    func facts(of job: WorkflowJob, in repository: GitHubRepository, readLog: Bool) async -> RunTriage.Job {
        let steps = (job.steps ?? []).filter { $0.conclusion.map(WorkflowRun.failedConclusions.contains) ?? false }
            .map { RunTriage.Step(number: $0.number, name: $0.name, conclusion: $0.conclusion ?? "failure") }
        var tail: LogTail?
        var problem: String?
        if readLog {
            do { tail = LogTail(log: try await client.log(ofJob: job.id, in: repository), limit: tailLines) } catch { problem = "\(error)" }
        } else {
            problem = "not read (only the first \(maxLogs) failed jobs' logs are); see the run's page"
        }
        return RunTriage.Job(id: job.id, name: job.name, conclusion: job.conclusion ?? "failure", url: job.htmlUrl,
                             failedSteps: steps, logTail: tail?.lines ?? [], errorLines: tail?.errors ?? [], logProblem: problem)
    }
}
