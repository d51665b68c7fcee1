import ChatOpsConfig
import PlatformHTTP

/// Writes a version into the GitOps repository: one commit on the tracked branch (re-reading and
/// trying once more when someone else wrote the file meanwhile), or, where configured, a pull
/// request that is merged at once — the request's approval is what merges it.
public struct GitOpsWriter: Sendable {
    let github: GitHubRepoClient

    public init(github: GitHubRepoClient) {
        self.github = github
    }

    public func currentVersion(_ target: GitOpsTarget) async throws -> String? {
        let file = try await github.file(target.repository, target.file, ref: target.branch)
        return try ImageTagEditor(format: target.format, file: target.file).currentTag(in: file.text)
    }

    public func apply(_ change: GitOpsChange) async throws -> GitOpsOutcome {
        change.target.pullRequest ? try await viaPullRequest(change) : try await commit(change)
    }

    func commit(_ change: GitOpsChange) async throws -> GitOpsOutcome {
        let target = change.target
        let editor = ImageTagEditor(format: target.format, file: target.file)
        var attempt = 1
        while true {
            let file = try await github.file(target.repository, target.file, ref: target.branch)
            let previous = try editor.currentTag(in: file.text)
            if previous == change.version { return GitOpsOutcome(previousVersion: previous, revision: nil, pullRequest: nil) }
            let edited = try editor.settingTag(change.version, in: file.text)
            do {
                let sha = try await github.writeFile(target.repository, target.file, branch: target.branch, text: edited,
                                                     replacing: file.sha, message: change.message).sha
                return GitOpsOutcome(previousVersion: previous, revision: sha, pullRequest: nil)
            } catch {
                guard error.http?.status == 409 else { throw error }
                guard attempt == 1 else { throw GitOpsError.conflict(file: target.file, repository: target.repository) }
                attempt += 1
            }
        }
    }

    func baseBranch(_ target: GitOpsTarget) async throws(GitOpsError) -> String {
        if let branch = target.branch { return branch }
        return try await github.defaultBranch(target.repository)
    }

    /// The calls `apply` makes, as a dry-run plan shows them.
    public func planLines(_ change: GitOpsChange) -> [String] {
        let target = change.target
        let fileURL = github.fileURL(target.repository, target.file, ref: nil)
        let body = "{message: \"\(change.title) …\", content: \(change.edit), sha: <the blob read>"
        guard target.pullRequest else {
            return ["GET \(github.fileURL(target.repository, target.file, ref: target.branch)) (read the current tag)",
                    "PUT \(fileURL) \(body)\(target.branch.map { ", branch: \($0)" } ?? "")} (one commit; on 409 re-read and try once more)"]
        }
        let base = target.branch ?? "<default branch>"
        let branch = "\(change.branchPrefix)-<16 random hex digits>"
        let readBase = target.branch == nil ? ["GET \(github.baseURL)/repos/\(target.repository) (find the default branch)"] : []
        return readBase + [
            "GET \(target.branch.map { github.headURL($0, in: target.repository) } ?? github.url(target.repository, "git/ref/heads/\(base)")) "
                + "(the commit to branch from)",
            "GET \(fileURL)?ref=<that commit> (read the current tag)",
            "POST \(github.url(target.repository, "git/refs")) {ref: refs/heads/\(branch), sha: <that commit>} "
                + "(a name nobody can guess, kept with the request; a retry reuses the branch only while it holds nothing but this change)",
            "PUT \(fileURL) \(body), branch: \(branch)} (the commit is kept with the request)",
            "POST \(github.url(target.repository, "pulls")) {title: \"\(change.title)\", head: \(branch), base: \(base)} "
                + "(if one is open already, only chatops' own is used)",
            "PUT \(github.url(target.repository, "pulls/<number>/merge")) {merge_method: squash, sha: <the commit chatops wrote>} "
                + "(GitHub refuses if anyone pushed to the branch since)",
        ]
    }
}
