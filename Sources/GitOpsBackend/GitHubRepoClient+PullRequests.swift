import PlatformHTTP

/// A pull request: its number and page, the commit its branch points at, and who opened it.
public struct OpenedPullRequest: Sendable {
    public let number: Int
    public let url: String
    public let headSHA: String
    /// The login that opened it (`user.login`).
    public let author: String
}

/// A pull request as GitHub's REST API answers it (the parts the bot uses).
struct PullRequestAnswer: Decodable {
    struct Head: Decodable { let sha: String }
    struct User: Decodable { let login: String }
    let number: Int
    let html_url: String
    let head: Head
    let user: User
    let state: String?
    let merged: Bool?

    var pullRequest: OpenedPullRequest {
        OpenedPullRequest(number: number, url: html_url, headSHA: head.sha, author: user.login)
    }
}

extension GitHubRepoClient {
    /// `GET /user`: the login the token acts as (what `user.login` says on what it opens).
    public func tokenLogin(for repository: String) async throws(GitOpsError) -> String {
        struct User: Decodable { let login: String }
        let call = GitHubCall(action: "read the token's own user (GET /user)", repository: repository,
                              permission: "access to its own user (a personal access token or GitHub App user token)")
        return try await get(baseURL + "/user", as: User.self, call: call).login
    }

    /// `POST /repos/{repo}/pulls`. GitHub answers 422 when one from `head` into `base` is open already.
    public func openPullRequest(in repository: String, title: String, body: String, head: String,
                                base: String) async throws(GitOpsError) -> OpenedPullRequest {
        struct Request: Encodable { let title: String; let body: String; let head: String; let base: String }
        let call = GitHubCall(action: "open a pull request", repository: repository, permission: "Pull requests write")
        return try await send(.POST, url(repository, "pulls"), body: Request(title: title, body: body, head: head, base: base),
                              as: PullRequestAnswer.self, call: call).pullRequest
    }

    /// `GET /repos/{repo}/pulls/{n}`: the pull request, and whether it is still open.
    public func pullRequest(_ number: Int, in repository: String) async throws(GitOpsError) -> (pullRequest: OpenedPullRequest, isOpen: Bool) {
        let call = GitHubCall(action: "read pull request #\(number)", repository: repository, permission: "Pull requests read")
        let answer = try await get(url(repository, "pulls/\(number)"), as: PullRequestAnswer.self, call: call)
        return (answer.pullRequest, answer.state == "open" && answer.merged != true)
    }

    /// `GET /repos/{repo}/pulls?head=OWNER:BRANCH&base=BASE&state=open`: the open pull requests
    /// from this repository's `branch` into `base` (a fork's branch of the same name is not one).
    public func openPullRequests(from branch: String, into base: String, in repository: String) async throws(GitOpsError) -> [OpenedPullRequest] {
        let owner = repository.split(separator: "/").first.map(String.init) ?? repository
        let call = GitHubCall(action: "find the pull request from \(branch)", repository: repository, permission: "Pull requests read")
        let query = [("head", "\(owner):\(branch)"), ("base", base), ("state", "open")]
        return try await get(url(repository, "pulls", query: query), as: [PullRequestAnswer].self, call: call).map(\.pullRequest)
    }

    /// `PUT /repos/{repo}/pulls/{n}/merge`, squashed, only while its head is `sha`: GitHub answers
    /// 409 when the branch has moved (thrown as it came, for the caller to word). Returns the
    /// merge commit's sha.
    public func merge(_ pullRequest: OpenedPullRequest, at sha: String, in repository: String, title: String,
                      message: String) async throws(GitOpsError) -> String {
        struct Request: Encodable { let commit_title: String; let commit_message: String; let merge_method: String; let sha: String }
        struct Answer: Decodable { let sha: String?; let merged: Bool?; let message: String? }
        let call = GitHubCall(action: "merge pull request #\(pullRequest.number)", repository: repository, permission: "Contents write")
        let body = Request(commit_title: title, commit_message: message, merge_method: "squash", sha: sha)
        let answer: Answer
        do {
            answer = try await send(.PUT, url(repository, "pulls/\(pullRequest.number)/merge"), body: body, as: Answer.self, call: call)
        } catch {
            guard let refusal = error.http, let code = refusal.status, [405, 422].contains(code) else { throw error }
            throw .notMerged(pullRequest: pullRequest.url, reason: refusal.message)
        }
        guard answer.merged ?? true, let sha = answer.sha else {
            throw .notMerged(pullRequest: pullRequest.url, reason: answer.message ?? "GitHub did not merge it")
        }
        return sha
    }

    /// `https://github.com/OWNER/NAME/pull/N` (from the API base: GitHub Enterprise's pages sit
    /// under its host).
    public func pullRequestPage(_ number: Int, in repository: String) -> String {
        let host = baseURL.hasPrefix("https://api.github.com") ? "https://github.com"
            : baseURL.replacingOccurrences(of: "/api/v3", with: "")
        return "\(host)/\(repository)/pull/\(number)"
    }

    /// `PATCH /repos/{repo}/pulls/{n}` with `state: closed`.
    public func closePullRequest(_ number: Int, in repository: String) async throws(GitOpsError) {
        struct Body: Encodable { let state = "closed" }
        struct Answer: Decodable { let state: String? }
        let call = GitHubCall(action: "close pull request #\(number)", repository: repository, permission: "Pull requests write")
        _ = try await send(.PATCH, url(repository, "pulls/\(number)"), body: Body(), as: Answer.self, call: call)
    }
}
