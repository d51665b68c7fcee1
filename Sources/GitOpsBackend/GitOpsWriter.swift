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
                                                     replacing: file.sha, message: change.message)
                return GitOpsOutcome(previousVersion: previous, revision: sha, pullRequest: nil)
            } catch {
                guard case .status(let call, 409, _) = error else { throw error }
                guard attempt == 1 else { throw GitOpsError.conflict(call: call) }
                attempt += 1
            }
        }
    }

    func viaPullRequest(_ change: GitOpsChange) async throws -> GitOpsOutcome {
        let target = change.target
        let editor = ImageTagEditor(format: target.format, file: target.file)
        let base = try await baseBranch(target)
        let baseHead = try await github.head(of: base, in: target.repository)
        let onBase = try await github.file(target.repository, target.file, ref: base)
        let previous = try editor.currentTag(in: onBase.text)
        if previous == change.version { return GitOpsOutcome(previousVersion: previous, revision: nil, pullRequest: nil) }
        do {
            try await github.createBranch(change.branchName, at: baseHead, in: target.repository)
        } catch {
            // 422 "Reference already exists": an earlier attempt of this request made it; reuse it.
            guard case .status(_, 422, let message) = error, message.contains("already exists") else { throw error }
        }
        let onBranch = try await github.file(target.repository, target.file, ref: change.branchName)
        if try editor.currentTag(in: onBranch.text) != change.version {
            _ = try await github.writeFile(target.repository, target.file, branch: change.branchName,
                                           text: try editor.settingTag(change.version, in: onBranch.text),
                                           replacing: onBranch.sha, message: change.message)
        }
        let pullRequest = try await pullRequest(for: change, base: base)
        let merged = try await github.merge(pullRequest, in: target.repository, title: change.title, message: change.message)
        return GitOpsOutcome(previousVersion: previous, revision: merged, pullRequest: pullRequest)
    }

    /// Opens the pull request, or finds the one an earlier attempt of this request opened
    /// (GitHub answers 422 "A pull request already exists").
    func pullRequest(for change: GitOpsChange, base: String) async throws(GitOpsError) -> OpenedPullRequest {
        let repository = change.target.repository
        do {
            return try await github.openPullRequest(in: repository, title: change.title, body: change.message, head: change.branchName, base: base)
        } catch {
            guard case .status(_, 422, _) = error, let existing = try await github.openPullRequest(from: change.branchName, in: repository) else {
                throw error
            }
            return existing
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
        return ["GET \(github.fileURL(target.repository, target.file, ref: base)) (read the current tag)",
                "POST \(github.url(target.repository, "git/refs")) {ref: refs/heads/\(change.branchName), sha: <head of \(base)>}",
                "PUT \(fileURL) \(body), branch: \(change.branchName)}",
                "POST \(github.url(target.repository, "pulls")) {title: \"\(change.title)\", head: \(change.branchName), base: \(base)}",
                "PUT \(github.url(target.repository, "pulls/<number>/merge")) {merge_method: squash, sha: <head of the pull request>}"]
    }
}
