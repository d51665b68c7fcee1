import PlatformHTTP
import ChatOpsConfig
import Execution
import ReplyModel

/// `retrain [MODEL]`: dispatches the model's training workflow (`workflow_dispatch` with the
/// configured ref and inputs) once, and links to that workflow's runs.
public struct RetrainExecutor: Executor {
    let client: GitHubActionsClient
    let lookup: PipelineLookup

    public init(client: GitHubActionsClient, catalog: Catalog, configFile: String) {
        self.client = client
        lookup = PipelineLookup(catalog: catalog, configFile: configFile)
    }

    /// The exact call: `POST https://api.github.com/repos/…/dispatches {"inputs":{…},"ref":"main"}`.
    public func plan(_ input: ExecutionInput) -> [String] {
        switch dispatch(for: input) {
        case .success(let (_, dispatch)): return [client.plan(for: dispatch)]
        case .failure(let problem): return ["nothing: \(problem)"]
        }
    }

    public func execute(_ input: ExecutionInput, progress: any ProgressReporter) async -> ExecutionResult {
        let found: (ResolvedPipeline, WorkflowDispatch)
        switch self.dispatch(for: input) {
        case .success(let resolved): found = resolved
        case .failure(let problem): return .failed(problem.description)
        }
        let (pipeline, dispatch) = found
        let started: DispatchedRun?
        do { started = try await client.dispatch(dispatch) } catch { return .failed(.text("\(error)", severity: .failure)) }
        let inputs = dispatch.inputs.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
        let text = "Started training for \(pipeline.app.model?.name ?? pipeline.app.name): workflow \(dispatch.workflow) "
            + "in \(dispatch.repository) on \(dispatch.ref)" + (inputs.isEmpty ? "." : " with \(inputs).")
        let link = started?.htmlUrl.map { ReplyBlock.link(title: "Run \(started?.workflowRunId ?? 0)", url: $0) }
            ?? ReplyBlock.link(title: "Runs of \(dispatch.workflow)", url: runsPage(dispatch))
        return .succeeded(Reply(.success, [.text(text), link]))
    }

    func dispatch(for input: ExecutionInput) -> Result<(ResolvedPipeline, WorkflowDispatch), PipelineConfigProblem> {
        lookup.pipeline(ofModel: input.string("model")).flatMap { pipeline in
            guard let workflow = pipeline.config.trainingWorkflow else {
                return .failure(.init(description: "\(pipeline.app.name)'s pipeline has no training workflow: set "
                                      + "`training_workflow:` (with `ref:` and `inputs:`) in its `pipeline:` block in \(lookup.configFile)"))
            }
            return .success((pipeline, WorkflowDispatch(repository: pipeline.repository, workflow: workflow,
                                                        ref: pipeline.config.ref, inputs: pipeline.config.inputs)))
        }
    }

    /// The workflow's runs page on the web: github.com for api.github.com, the host for
    /// GitHub Enterprise's `/api/v3`.
    func runsPage(_ dispatch: WorkflowDispatch) -> String {
        var web = client.baseURL
        if web == GitHubActionsClient.defaultBaseURL { web = "https://github.com" }
        if web.hasSuffix("/api/v3") { web = String(web.dropLast("/api/v3".count)) }
        return "\(web)/\(dispatch.repository)/actions/workflows/\(PathSegment.encode(dispatch.workflow))"
    }
}
