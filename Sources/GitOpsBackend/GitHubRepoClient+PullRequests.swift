import PlatformHTTP

/// A pull request the bot opened.
public struct OpenedPullRequest: Sendable {
    public let number: Int
    public let url: String
    public let headSHA: String
}

/// A pull request as GitHub's REST API answers it (the parts the bot uses).
struct PullRequestAnswer: Decodable {
    struct Head: Decodable { let sha: String }
    let number: Int
    let html_url: String
    let head: Head
}

extension GitHubRepoClient {
    public func defaultBranch(_ repository: String) async throws(GitOpsError) -> String {
        struct Repo: Decodable { let default_branch: String }
        let call = GitHubCall(action: "read the repository", repository: repository, permission: "Metadata read")
        return try await get(baseURL + "/repos/\(repository)", as: Repo.self, call: call).default_branch
    }

    /// `GET /repos/{repo}/git/ref/heads/{branch}`: the commit the branch points at.
    public func head(of branch: String, in repository: String) async throws(GitOpsError) -> String {
        struct Ref: Decodable { struct Object: Decodable { let sha: String }; let object: Object }
        let call = GitHubCall(action: "read branch \(branch)", repository: repository, permission: "Contents read")
        return try await get(url(repository, "git/ref/heads/\(PathSegment.encodePath(branch))"), as: Ref.self, call: call).object.sha
    }

    /// `POST /repos/{repo}/git/refs`.
    public func createBranch(_ branch: String, at sha: String, in repository: String) async throws(GitOpsError) {
        struct Body: Encodable { let ref: String; let sha: String }
        struct Ref: Decodable { let ref: String }
        let call = GitHubCall(action: "create branch \(branch)", repository: repository, permission: "Contents write")
        _ = try await send(.POST, url(repository, "git/refs"), body: Body(ref: "refs/heads/\(branch)", sha: sha), as: Ref.self, call: call)
    }

    /// `POST /repos/{repo}/pulls`.
    public func openPullRequest(in repository: String, title: String, body: String, head: String,
                                base: String) async throws(GitOpsError) -> OpenedPullRequest {
        struct Request: Encodable { let title: String; let body: String; let head: String; let base: String }
        let call = GitHubCall(action: "open a pull request", repository: repository, permission: "Pull requests write")
        let answer = try await send(.POST, url(repository, "pulls"), body: Request(title: title, body: body, head: head, base: base),
                                    as: PullRequestAnswer.self, call: call)
        return OpenedPullRequest(number: answer.number, url: answer.html_url, headSHA: answer.head.sha)
    }

    /// `GET /repos/{repo}/pulls?head=OWNER:BRANCH&state=open`: the open pull request from a branch.
    public func openPullRequest(from branch: String, in repository: String) async throws(GitOpsError) -> OpenedPullRequest? {
        let owner = repository.split(separator: "/").first.map(String.init) ?? repository
        let call = GitHubCall(action: "find the pull request from \(branch)", repository: repository, permission: "Pull requests read")
        let found = try await get(url(repository, "pulls", query: [("head", "\(owner):\(branch)"), ("state", "open")]),
                                  as: [PullRequestAnswer].self, call: call)
        return found.first.map { OpenedPullRequest(number: $0.number, url: $0.html_url, headSHA: $0.head.sha) }
    }

    /// `PUT /repos/{repo}/pulls/{n}/merge` at the head we opened (GitHub refuses with 409 if it moved).
    /// Returns the merge commit's sha.
    public func merge(_ pullRequest: OpenedPullRequest, in repository: String, title: String,
                      message: String) async throws(GitOpsError) -> String {
        struct Request: Encodable { let commit_title: String; let commit_message: String; let merge_method: String; let sha: String }
        struct Answer: Decodable { let sha: String?; let merged: Bool?; let message: String? }
        let call = GitHubCall(action: "merge pull request #\(pullRequest.number)", repository: repository, permission: "Contents write")
        let body = Request(commit_title: title, commit_message: message, merge_method: "squash", sha: pullRequest.headSHA)
        let answer: Answer
        do {
            answer = try await send(.PUT, url(repository, "pulls/\(pullRequest.number)/merge"), body: body, as: Answer.self, call: call)
        } catch {
            if case .status(_, let code, let reason) = error, [405, 409, 422].contains(code) {
                throw .notMerged(pullRequest: pullRequest.url, reason: reason)
            }
            throw error
        }
        guard answer.merged ?? true, let sha = answer.sha else {
            throw .notMerged(pullRequest: pullRequest.url, reason: answer.message ?? "GitHub did not merge it")
        }
        return sha
    }
}
