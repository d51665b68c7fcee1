import GitHubREST

/// What a GitHub Actions call is about, for its errors: "workflow train.yml in acme/iris", and
/// what its statuses mean there (the permission a 403 lacks, what a 404 did not find).
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

    /// The call for the GitHub client: its words, its repository's token and its statuses.
    var call: GitHubClient.Call {
        if case .logDownload = kind {
            return GitHubClient.Call("for \(self)", repository: nil,
                                     fallback: "the log storage refused the download link GitHub gave (it expires after a minute); ask again")
        }
        let repo = repository
        let permission = writes
            ? "the token lacks Actions write permission on \(repo) (fine-grained token: Actions read and write; classic token: repo scope)"
            : "the token lacks Actions read permission on \(repo) (fine-grained token: Actions read; classic token: repo scope)"
        return GitHubClient.Call("for \(self)", repository: repo.description, hints: [
            403: permission,
            404: "there is no such \(noun), or the token cannot see \(repo) "
                + "(check apps[].pipeline in the configuration and the token's repository access)",
            409: "GitHub reported a conflict (an empty repository, or the workflow or run is in a state that does not allow this); "
                + "check it on GitHub and try again",
            410: "it is gone (logs and runs expire after the repository's retention period)",
            422: "GitHub could not process the request: the workflow may have no workflow_dispatch trigger, a required input "
                + "may be missing (apps[].pipeline.inputs), or the ref may not exist (apps[].pipeline.ref)",
        ])
    }

    var noun: String {
        switch kind {
        case .repository: return "repository"
        case .workflow: return "workflow"
        case .run: return "run"
        case .job, .logDownload: return "job"
        }
    }
}
