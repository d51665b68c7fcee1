import PlatformHTTP

/// The reads: runs of a workflow or a repository, one run, a run's jobs, a workflow.
extension GitHubActionsClient {
    /// `GET /repos/{o}/{r}/actions/workflows/{workflow}/runs?per_page=N`, newest first.
    func runs(of workflow: String, in repository: GitHubRepository, limit: Int) async throws(BackendHTTPError) -> [WorkflowRun] {
        let url = url(repository, "/actions/workflows/\(PathSegment.encode(workflow))/runs", query: [("per_page", "\(limit)")])
        return try await get(WorkflowRunList.self, url, about: ActionsSubject(repository, .workflow(workflow))).workflowRuns
    }

    /// `GET /repos/{o}/{r}/actions/runs?…`: every workflow's runs, newest first, optionally only
    /// those with a status or conclusion (`failure`).
    func runs(in repository: GitHubRepository, status: String? = nil, limit: Int) async throws(BackendHTTPError) -> [WorkflowRun] {
        let query = (status.map { [("status", $0)] } ?? []) + [("per_page", "\(limit)")]
        return try await get(WorkflowRunList.self, url(repository, "/actions/runs", query: query),
                             about: ActionsSubject(repository, .repository)).workflowRuns
    }

    /// `GET /repos/{o}/{r}/actions/runs/{id}`.
    func run(_ id: String, in repository: GitHubRepository) async throws(BackendHTTPError) -> WorkflowRun {
        try await get(WorkflowRun.self, url(repository, "/actions/runs/\(PathSegment.encode(id))"),
                      about: ActionsSubject(repository, .run(id)))
    }

    /// `GET /repos/{o}/{r}/actions/runs/{id}/jobs?filter=latest&per_page=100`: the jobs of the
    /// latest attempt.
    func jobs(ofRun id: String, in repository: GitHubRepository) async throws(BackendHTTPError) -> [WorkflowJob] {
        let url = url(repository, "/actions/runs/\(PathSegment.encode(id))/jobs", query: [("filter", "latest"), ("per_page", "100")])
        return try await get(WorkflowJobList.self, url, about: ActionsSubject(repository, .run(id))).jobs
    }

    /// `GET /repos/{o}/{r}/actions/workflows/{workflow}`.
    func workflow(_ workflow: String, in repository: GitHubRepository) async throws(BackendHTTPError) -> Workflow {
        try await get(Workflow.self, url(repository, "/actions/workflows/\(PathSegment.encode(workflow))"),
                      about: ActionsSubject(repository, .workflow(workflow)))
    }
}
