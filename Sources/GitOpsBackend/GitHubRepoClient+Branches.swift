import PlatformHTTP

/// What GitHub's compare API says about a branch head against the base: where they forked, how
/// many commits the head adds, and which files differ between the fork point and the head.
public struct Comparison: Sendable {
    public struct File: Sendable {
        public let filename: String
        /// `added`, `removed`, `modified`, `renamed`, `copied`, `changed` or `unchanged`.
        public let status: String
    }

    public let mergeBase: String
    public let aheadBy: Int
    public let files: [File]
}

extension GitHubRepoClient {
    public func defaultBranch(_ repository: String) async throws(GitOpsError) -> String {
        struct Repo: Decodable { let default_branch: String }
        let call = GitHubCall(action: "read the repository", repository: repository, permission: "Metadata read")
        return try await get(baseURL + "/repos/\(repository)", as: Repo.self, call: call).default_branch
    }

    func headURL(_ branch: String, in repository: String) -> String {
        url(repository, "git/ref/heads/\(PathSegment.encodePath(branch))")
    }

    /// `GET /repos/{repo}/git/ref/heads/{branch}`: the commit the branch points at.
    public func head(of branch: String, in repository: String) async throws(GitOpsError) -> String {
        struct Ref: Decodable { struct Object: Decodable { let sha: String }; let object: Object }
        let call = GitHubCall(action: "read branch \(branch)", repository: repository, permission: "Contents read")
        return try await get(headURL(branch, in: repository), as: Ref.self, call: call).object.sha
    }

    /// `POST /repos/{repo}/git/refs`. GitHub answers 422 "Reference already exists" when it does.
    public func createBranch(_ branch: String, at sha: String, in repository: String) async throws(GitOpsError) {
        struct Body: Encodable { let ref: String; let sha: String }
        struct Ref: Decodable { let ref: String }
        let call = GitHubCall(action: "create branch \(branch)", repository: repository, permission: "Contents write")
        _ = try await send(.POST, url(repository, "git/refs"), body: Body(ref: "refs/heads/\(branch)", sha: sha), as: Ref.self, call: call)
    }

    /// `GET /repos/{repo}/compare/{base}...{head}` (three dots: against their merge base, as a
    /// pull request's diff is). Both are commit shas, so what is compared cannot move meanwhile.
    public func compare(_ base: String, _ head: String, in repository: String) async throws(GitOpsError) -> Comparison {
        struct Answer: Decodable {
            struct Commit: Decodable { let sha: String }
            struct File: Decodable { let filename: String; let status: String }
            let merge_base_commit: Commit
            let ahead_by: Int
            let files: [File]?
        }
        let call = GitHubCall(action: "compare \(head.prefix(7)) with \(base.prefix(7))", repository: repository, permission: "Contents read")
        let answer = try await get(url(repository, "compare/\(PathSegment.encode(base))...\(PathSegment.encode(head))"), as: Answer.self, call: call)
        return Comparison(mergeBase: answer.merge_base_commit.sha, aheadBy: answer.ahead_by,
                          files: (answer.files ?? []).map { Comparison.File(filename: $0.filename, status: $0.status) })
    }

    /// `DELETE /repos/{repo}/git/refs/heads/{branch}` (GitHub answers 204 with no body).
    public func deleteBranch(_ branch: String, in repository: String) async throws(GitOpsError) {
        let call = GitHubCall(action: "delete branch \(branch)", repository: repository, permission: "Contents write")
        try await send(.DELETE, url(repository, "git/refs/heads/\(PathSegment.encodePath(branch))"), call: call)
    }
}
