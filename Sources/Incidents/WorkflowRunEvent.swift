/// GitHub's `workflow_run` webhook (action `requested`, `in_progress` or `completed`): the parts a
/// pipeline-failure incident is made of. Field names are GitHub's.
public struct WorkflowRunEvent: Decodable, Sendable, Hashable {
    public struct Run: Decodable, Sendable, Hashable {
        public struct Commit: Decodable, Sendable, Hashable {
            public let message: String?
        }

        public struct Repository: Decodable, Sendable, Hashable {
            public let full_name: String
        }

        public struct Actor: Decodable, Sendable, Hashable {
            public let login: String
        }

        public let id: Int64
        public let name: String?
        public let path: String?
        public let display_title: String?
        public let head_branch: String?
        public let head_sha: String
        public let run_number: Int?
        public let run_attempt: Int?
        public let event: String?
        public let status: String?
        public let conclusion: String?
        public let html_url: String
        public let run_started_at: String?
        public let updated_at: String?
        public let head_commit: Commit?
        public let head_repository: Repository?
        public let actor: Actor?
        public let triggering_actor: Actor?
    }

    public struct Repository: Decodable, Sendable, Hashable {
        public let full_name: String
        public let default_branch: String?
    }

    public struct Workflow: Decodable, Sendable, Hashable {
        public let name: String?
        public let path: String?
    }

    public let action: String
    public let workflow_run: Run
    public let repository: Repository
    public let workflow: Workflow?

    /// The workflow's file name (`ci.yml` of `.github/workflows/ci.yml`), as `pipeline.workflows` names it.
    public var workflowFile: String? {
        (workflow?.path ?? workflow_run.path).map { String($0.split(separator: "/").last ?? Substring($0)) }
    }

    /// The workflow's name (`CI`), else its file.
    public var workflowName: String {
        [workflow_run.name, workflow?.name].compactMap { $0 }.first { !$0.isEmpty } ?? workflowFile ?? "workflow"
    }
}
