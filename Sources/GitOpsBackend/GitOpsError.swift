/// What a GitOps call was doing, for error messages: `write apps/iris/kustomization.yaml in acme/gitops`.
public struct GitHubCall: Sendable, CustomStringConvertible {
    public let action: String
    public let repository: String
    /// The token permission this call needs (fine-grained PAT / App), named when GitHub says 403.
    public let permission: String

    public var description: String { "\(action) in \(repository)" }
}

/// Why a GitOps change failed, worded with the repository, the call and what to do.
public enum GitOpsError: Error, Sendable, CustomStringConvertible {
    case status(call: GitHubCall, code: Int, message: String)
    case unreachable(call: GitHubCall, detail: String)
    case rateLimited(call: GitHubCall, detail: String)
    case malformed(call: GitHubCall, detail: String)
    /// The file changed under us twice in a row.
    case conflict(call: GitHubCall)
    case notMerged(pullRequest: String, reason: String)
    /// A branch or pull request chatops was about to merge holds, or is, someone else's work.
    /// `what`: `branch X in owner/repo` or `pull request URL from X`.
    case untrusted(what: String, problem: String)
    /// Someone pushed to chatops' branch after (or while) it wrote its commit there.
    /// `detail`: what it changed, or the pull request.
    case pushedToBranch(branch: String, repository: String, expected: String, detail: String?)

    public var description: String {
        switch self {
        case .status(let call, let code, let message):
            let hint: String
            switch code {
            case 401: hint = "the token is missing, invalid or expired (CHATOPS_GITOPS_TOKEN, or the GitHub token it is set to share)"
            case 403: hint = "the token lacks \(call.permission) on \(call.repository), or its rate limit is used up"
            case 404: hint = "\(call.repository) or the file or branch does not exist, or the token cannot see it (check the app's gitops settings)"
            case 409: hint = "the file or branch changed at the same time"
            case 422: hint = "GitHub rejected the change"
            default: hint = code >= 500 ? "GitHub failed; try again shortly" : "the request was refused"
            }
            return "GitHub answered \(code) to \(call): \(hint)" + (message.isEmpty ? "" : " — \(message)")
        case .unreachable(let call, let detail):
            return "GitHub did not answer (\(call)): \(detail)"
        case .rateLimited(let call, let detail):
            return "GitHub is rate limiting the token (\(call)); nothing was changed — try again later (\(detail))"
        case .malformed(let call, let detail):
            return "GitHub's answer could not be read (\(call)): \(detail)"
        case .conflict(let call):
            return "the file kept changing while we wrote it (\(call)); nothing was committed — try again"
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
