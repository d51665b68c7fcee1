/// The facts about one CI run's failure: the run, its failed jobs with their failed steps and log
/// tails, and the kind of failure. What `triage` shows, and the input of the AI triage.
public struct RunTriage: Sendable, Hashable, Codable {
    public struct Run: Sendable, Hashable, Codable {
        public let id: Int64
        /// `owner/name`.
        public let repository: String
        /// The workflow's name (`CI`), when GitHub gives it.
        public let workflow: String?
        /// The run's title (the commit message or pull request title).
        public let title: String?
        public let number: Int
        public let attempt: Int?
        public let branch: String?
        public let sha: String
        public let event: String
        public let status: String?
        public let conclusion: String?
        public let url: String
        public let createdAt: String
    }

    public struct Step: Sendable, Hashable, Codable {
        public let number: Int
        public let name: String
        public let conclusion: String
    }

    public struct Job: Sendable, Hashable, Codable {
        public let id: Int64
        public let name: String
        public let conclusion: String
        public let url: String?
        public let failedSteps: [Step]
        /// The end of its log (timestamps removed), around the first error.
        public let logTail: [String]
        /// Its `##[error]` lines.
        public let errorLines: [String]
        /// Why there is no log tail (expired, refused…); nil when there is one.
        public let logProblem: String?
    }

    public let run: Run
    /// Failed jobs of the latest attempt, in the order GitHub lists them.
    public let failedJobs: [Job]
    public let classification: FailureClassification

    public var hasFailed: Bool { run.conclusion.map(WorkflowRun.failedConclusions.contains) ?? false }
}

extension RunTriage.Run {
    init(_ run: WorkflowRun, repository: GitHubRepository) {
        self.init(id: run.id, repository: "\(repository)", workflow: run.name, title: run.displayTitle, number: run.runNumber,
                  attempt: run.runAttempt, branch: run.headBranch, sha: run.headSha, event: run.event, status: run.status,
                  conclusion: run.conclusion, url: run.htmlUrl, createdAt: run.createdAt)
    }
}
