/// What a GitHub Actions call was about, for error messages: "workflow train.yml in acme/iris".
public struct ActionsSubject: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        case repository, workflow(String), run(String), job(String)
        /// The pre-signed log URL GitHub redirected to (another host, no token).
        case logDownload(String)
    }

    public let repository: GitHubRepository
    public let kind: Kind
    /// The call changes something (a dispatch): a 403 then means the token lacks Actions write.
    public let writes: Bool

    public init(_ repository: GitHubRepository, _ kind: Kind, writes: Bool = false) {
        self.repository = repository
        self.kind = kind
        self.writes = writes
    }

    public var description: String {
        switch kind {
        case .repository: return "repository \(repository)"
        case .workflow(let name): return "workflow \(name) in \(repository)"
        case .run(let id): return "run \(id) in \(repository)"
        case .job(let id): return "the log of job \(id) in \(repository)"
        case .logDownload(let id): return "the log download of job \(id) in \(repository)"
        }
    }
}

/// Why a GitHub Actions call failed, worded with what it was about and what to do.
public enum GitHubActionsError: Error, Sendable, Hashable, CustomStringConvertible {
    /// An HTTP error status; `rateLimitExhausted` when GitHub sent `x-ratelimit-remaining: 0`.
    case status(ActionsSubject, code: Int, message: String, rateLimitExhausted: Bool)
    /// 429 (or a secondary limit) with a wait longer than a reply can hold.
    case rateLimited(ActionsSubject, retryAfterSeconds: Int?)
    case unreachable(ActionsSubject, detail: String)
    case malformed(ActionsSubject, detail: String)

    public var description: String {
        switch self {
        case .status(let subject, let code, let message, let exhausted):
            let hint = Self.hint(code: code, subject: subject, rateLimitExhausted: exhausted)
            return "GitHub answered \(code) for \(subject): \(hint)" + (message.isEmpty ? "" : " — \(message)")
        case .rateLimited(let subject, let seconds):
            return "GitHub is rate limiting requests for \(subject)"
                + (seconds.map { " (retry after \($0)s)" } ?? "") + ": wait a few minutes and ask again"
        case .unreachable(let subject, let detail):
            return "GitHub did not answer for \(subject) (\(detail)); check CHATOPS_GITHUB_API_URL and the network"
        case .malformed(let subject, let detail):
            return "GitHub's answer for \(subject) could not be read: \(detail)"
        }
    }

    /// The status code, when GitHub answered with one.
    public var statusCode: Int? {
        if case .status(_, let code, _, _) = self { return code }
        return nil
    }

    static func hint(code: Int, subject: ActionsSubject, rateLimitExhausted: Bool) -> String {
        let repo = subject.repository
        if case .logDownload = subject.kind, code < 500 {
            return "the log storage refused the download link GitHub gave (it expires after a minute); ask again"
        }
        switch code {
        case 401:
            return "the token is missing, invalid or expired (CHATOPS_PIPELINE_TOKEN, or the GitHub token it is set to share)"
        case 403 where rateLimitExhausted:
            return "the API rate limit for this token is used up; wait until it resets (x-ratelimit-reset) and ask again"
        case 403:
            return subject.writes
                ? "the token lacks Actions write permission on \(repo) (fine-grained token: Actions read and write; classic token: repo scope)"
                : "the token lacks Actions read permission on \(repo) (fine-grained token: Actions read; classic token: repo scope)"
        case 404:
            return "there is no such \(Self.noun(subject)), or the token cannot see \(repo) "
                + "(check apps[].pipeline in the configuration and the token's repository access)"
        case 409:
            return "GitHub reported a conflict (an empty repository, or the workflow or run is in a state that does not allow this); "
                + "check it on GitHub and try again"
        case 410:
            return "it is gone (logs and runs expire after the repository's retention period)"
        case 422:
            return "GitHub could not process the request: the workflow may have no workflow_dispatch trigger, a required input "
                + "may be missing (apps[].pipeline.inputs), or the ref may not exist (apps[].pipeline.ref)"
        default:
            return code >= 500 ? "GitHub failed; try again shortly" : "the request was refused"
        }
    }

    static func noun(_ subject: ActionsSubject) -> String {
        switch subject.kind {
        case .repository: return "repository"
        case .workflow: return "workflow"
        case .run: return "run"
        case .job, .logDownload: return "job"
        }
    }
}
