import PlatformHTTP
import ChatOpsConfig
import Execution
import ReplyModel

/// `pipeline [APP]`: the latest runs of each of the app's configured workflows (or of every
/// workflow in its repository when none is listed), and whether the newest of each passed.
public struct PipelineExecutor: Executor {
    let client: GitHubActionsClient
    let lookup: PipelineLookup
    let runsPerWorkflow: Int

    public init(client: GitHubActionsClient, catalog: Catalog, configFile: String, runsPerWorkflow: Int = 3) {
        self.client = client
        lookup = PipelineLookup(catalog: catalog, configFile: configFile)
        self.runsPerWorkflow = runsPerWorkflow
    }

    public func plan(_ input: ExecutionInput) -> [String] {
        guard case .success(let pipeline) = lookup.pipeline(ofApp: input.string("app")) else { return ["read only: nothing changes"] }
        if pipeline.config.workflows.isEmpty {
            return ["GET \(client.url(pipeline.repository, "/actions/runs", query: [("per_page", "\(runsPerWorkflow * 5)")]))"]
        }
        return pipeline.config.workflows.map { workflow in
            "GET " + client.url(pipeline.repository, "/actions/workflows/\(PathSegment.encode(workflow))/runs",
                                query: [("per_page", "\(runsPerWorkflow)")])
        }
    }

    public func execute(_ input: ExecutionInput, progress: any ProgressReporter) async -> ExecutionResult {
        let pipeline: ResolvedPipeline
        switch lookup.pipeline(ofApp: input.string("app")) {
        case .success(let found): pipeline = found
        case .failure(let problem): return .failed(problem.description)
        }
        do {
            let groups = try await runGroups(pipeline)
            return .succeeded(RunsReport(app: pipeline.app.name, repository: pipeline.repository, groups: groups).reply)
        } catch {
            return .failed(.text("\(error)", severity: .failure))
        }
    }

    /// Runs per workflow, newest first, in the configured order (or GitHub's, newest workflow first).
    func runGroups(_ pipeline: ResolvedPipeline) async throws(BackendHTTPError) -> [RunsReport.Group] {
        guard pipeline.config.workflows.isEmpty else {
            var groups: [RunsReport.Group] = []
            for workflow in pipeline.config.workflows {
                let runs = try await client.runs(of: workflow, in: pipeline.repository, limit: runsPerWorkflow)
                groups.append(.init(workflow: workflow, runs: Array(runs.prefix(runsPerWorkflow))))
            }
            return groups
        }
        let runs = try await client.runs(in: pipeline.repository, limit: runsPerWorkflow * 5)
        var order: [Int64] = []
        var byWorkflow: [Int64: [WorkflowRun]] = [:]
        for run in runs {
            if byWorkflow[run.workflowId] == nil { order.append(run.workflowId) }
            byWorkflow[run.workflowId, default: []].append(run)
        }
        return order.compactMap { id in
            guard let runs = byWorkflow[id], let first = runs.first else { return nil }
            return .init(workflow: first.name ?? first.path ?? "workflow \(id)", runs: Array(runs.prefix(runsPerWorkflow)))
        }
    }
}
