/// The parts of GitHub Actions' REST answers the pipeline, retrain and triage replies use.
/// Field names are GitHub's (snake_case); everything not always present is optional.
struct WorkflowRun: Decodable, Sendable, Hashable {
    let id: Int64
    let name: String?
    let path: String?
    let displayTitle: String?
    let headBranch: String?
    let headSha: String
    let runNumber: Int
    let runAttempt: Int?
    let event: String
    let status: String?
    let conclusion: String?
    let workflowId: Int64
    let htmlUrl: String
    let createdAt: String
    let runStartedAt: String?

    enum CodingKeys: String, CodingKey {
        case id, name, path, event, status, conclusion
        case displayTitle = "display_title", headBranch = "head_branch", headSha = "head_sha", runNumber = "run_number"
        case runAttempt = "run_attempt", workflowId = "workflow_id", htmlUrl = "html_url", createdAt = "created_at"
        case runStartedAt = "run_started_at"
    }

    /// `failure` when it finished badly; `in_progress`, `queued`… while it runs.
    var result: String { status == "completed" ? (conclusion ?? "completed") : (status ?? "unknown") }

    var hasFailed: Bool { conclusion.map(Self.failedConclusions.contains) ?? false }

    static let failedConclusions: Set<String> = ["failure", "timed_out", "startup_failure"]
}

/// `GET …/actions/runs` and `GET …/actions/workflows/{id}/runs`.
struct WorkflowRunList: Decodable, Sendable {
    let totalCount: Int?
    let workflowRuns: [WorkflowRun]

    enum CodingKeys: String, CodingKey {
        case totalCount = "total_count", workflowRuns = "workflow_runs"
    }
}

/// One job of a run, with its steps.
struct WorkflowJob: Decodable, Sendable, Hashable {
    struct Step: Decodable, Sendable, Hashable {
        let name: String
        let status: String?
        let conclusion: String?
        let number: Int
    }

    let id: Int64
    let name: String
    let status: String?
    let conclusion: String?
    let htmlUrl: String?
    let steps: [Step]?

    enum CodingKeys: String, CodingKey {
        case id, name, status, conclusion, steps
        case htmlUrl = "html_url"
    }

    var hasFailed: Bool { conclusion.map(WorkflowRun.failedConclusions.contains) ?? false }
}

/// `GET …/actions/runs/{id}/jobs`.
struct WorkflowJobList: Decodable, Sendable {
    let totalCount: Int?
    let jobs: [WorkflowJob]

    enum CodingKeys: String, CodingKey {
        case totalCount = "total_count", jobs
    }
}

/// `GET …/actions/workflows/{id}`: its display name and where its file is shown.
struct Workflow: Decodable, Sendable {
    let id: Int64
    let name: String
    let path: String
    let htmlUrl: String?

    enum CodingKeys: String, CodingKey {
        case id, name, path
        case htmlUrl = "html_url"
    }
}

/// The answer to a dispatch sent with `return_run_details` (200); a plain dispatch answers 204.
struct DispatchedRun: Decodable, Sendable {
    let workflowRunId: Int64
    let htmlUrl: String?

    enum CodingKeys: String, CodingKey {
        case workflowRunId = "workflow_run_id", htmlUrl = "html_url"
    }
}
