import PlatformHTTP

/// Why a GitOps change failed, worded with the repository, the call and what to do.
public enum GitOpsError: Error, Sendable, CustomStringConvertible {
    /// GitHub answered an error status, did not answer, rate limited, or answered something
    /// unreadable: worded from GitHub's table with GitOps' hints (`GitHubRepoClient.hints`).
    case api(BackendHTTPError)
    /// The file changed under us twice in a row.
    case conflict(file: String, repository: String)
    case notMerged(pullRequest: String, reason: String)
    /// A branch or pull request chatops was about to merge holds, or is, someone else's work.
    /// `what`: `branch X in owner/repo` or `pull request URL from X`.
    case untrusted(what: String, problem: String)
    /// Someone pushed to chatops' branch after (or while) it wrote its commit there.
    /// `detail`: what it changed, or the pull request.
    case pushedToBranch(branch: String, repository: String, expected: String, detail: String?)

    /// The failure of GitHub's API, when that is what this is: read its `status` and `message`.
    public var http: BackendHTTPError? {
        if case .api(let error) = self { return error }
        return nil
    }

    public var description: String {
        switch self {
        case .api(let error):
            return "\(error)"
        case .conflict(let file, let repository):
            return "the file kept changing while we wrote it (write \(file) in \(repository)); nothing was committed — try again"
        case .notMerged(let pullRequest, let reason):
            return "opened \(pullRequest) but could not merge it: \(reason); merge it on GitHub, then run `sync`"
        case .untrusted(let what, let problem):
            return "refused to merge \(what): \(problem); nothing was merged — find out who made it, "
                + "delete the branch on GitHub (that closes its pull requests), then ask again"
        case .pushedToBranch(let branch, let repository, let expected, let detail):
            return "someone pushed to the branch \(branch) in \(repository) after chatops wrote it "
                + "(its head is no longer chatops' commit `\(expected.prefix(7))`\(detail.map { "; \($0)" } ?? "")); "
                + "nothing was merged — find out who pushed, delete the branch on GitHub, then ask again"
        }
    }
}
