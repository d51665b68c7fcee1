import ChatOpsConfig
import Execution
import PlatformHTTP
import ReplyModel

/// `rerun run RUN for APP` (a pipeline failure's Re-run button): the failed jobs of one run of the
/// app's pipeline run again, as a new attempt of the same run. Only runs in the repository the
/// configuration names for the app, only once they have finished, and only when they failed.
public struct RerunExecutor: Executor {
    let client: GitHubActionsClient
    let lookup: PipelineLookup

    public init(client: GitHubActionsClient, catalog: Catalog, configFile: String) {
        self.client = client
        lookup = PipelineLookup(catalog: catalog, configFile: configFile)
    }

    public func plan(_ input: ExecutionInput) -> [String] {
        switch target(input) {
        case .success(let (run, pipeline)):
            let request = client.request(rerunFailedJobsOf: run, in: pipeline.repository)
            return ["\(request.method.rawValue) \(request.url) (after checking the run finished and failed)"]
        case .failure(let problem):
            return ["nothing: \(problem)"]
        }
    }

    public func execute(_ input: ExecutionInput, progress: any ProgressReporter) async -> ExecutionResult {
        let id: Int64, pipeline: ResolvedPipeline
        switch target(input) {
        case .success(let found): (id, pipeline) = found
        case .failure(let problem): return .failed(problem.description)
        }
        let repository = pipeline.repository
        let run: WorkflowRun
        do { run = try await client.run("\(id)", in: repository) } catch {
            if error.status == 404 {
                return .failed("There is no run \(id) in \(repository), \(pipeline.app.name)'s pipeline repository: "
                               + "only its runs can be re-run from here.")
            }
            return .failed(.text("\(error)", severity: .failure))
        }
        let name = "run \(id) (\(run.name ?? "workflow") #\(run.runNumber) on \(run.headBranch ?? "?"), \(run.headSha.prefix(7)))"
        guard run.status == "completed" else {
            return .failed("\(name.prefix(1).uppercased() + name.dropFirst()) is still \(run.status ?? "running"): "
                           + "re-run it once it has finished.")
        }
        guard run.hasFailed else {
            return .succeeded("Nothing to re-run: the latest attempt of \(name) ended \(run.conclusion ?? "without a conclusion").")
        }
        guard !input.isDryRun else { return .succeeded("Dry run: would re-run the failed jobs of \(name) in \(repository).") }
        do { try await client.rerunFailedJobs(of: id, in: repository) } catch { return .failed(.text("\(error)", severity: .failure)) }
        let attempt = (run.runAttempt ?? 1) + 1
        return .succeeded(Reply(.success, [
            .text("Re-running the failed jobs of \(name) in \(repository): attempt \(attempt)."),
            .link(title: "Run \(id)", url: run.htmlUrl),
        ]))
    }

    /// The run id and the app's pipeline, or what is missing.
    func target(_ input: ExecutionInput) -> Result<(Int64, ResolvedPipeline), PipelineConfigProblem> {
        guard let text = input.string("run"), let valid = PathSegment.numericID(text), let id = Int64(valid) else {
            return .failure(.init(description: "Say which run: `rerun run 3881497935 for iris-classifier`."))
        }
        return lookup.pipeline(ofApp: input.string("app")).map { (id, $0) }
    }
}
