// Errors are matched inside a plain `catch` (on `error.http`'s status): Swift 6.3.1 crashes or
// hangs (MandatoryAllocBoxToStack) on `catch GitOpsError.api(…)` patterns in these async functions.
/// Pull-request mode: the approval merges a pull request at once, so the bot must merge exactly
/// its own one-line change. Anyone who may push branches could otherwise get their own changes
/// merged under someone's approval, by preparing the branch or the pull request it will use.
/// So: the branch name ends in random bits, every branch, commit and pull request the bot makes
/// is recorded in the request's notes, a branch or pull request that is already there is used
/// only when it is provably the bot's, and the merge names the commit the bot wrote.
/// A pull request made ahead of the approval, ready to merge.
public struct PreparedPullRequest: Sendable {
    public let branch: String
    public let commit: String
    public let pullRequest: OpenedPullRequest
    public let previousVersion: String?
}

extension GitOpsWriter {
    func viaPullRequest(_ change: GitOpsChange) async throws -> GitOpsOutcome {
        guard let prepared = try await openPullRequest(change) else {
            return GitOpsOutcome(previousVersion: change.version, revision: nil, pullRequest: nil)
        }
        let target = change.target
        do {
            let merged = try await github.merge(prepared.pullRequest, at: prepared.commit, in: target.repository, title: change.title,
                                                message: change.message)
            return GitOpsOutcome(previousVersion: prepared.previousVersion, revision: merged, pullRequest: prepared.pullRequest)
        } catch {
            guard error.http?.status == 409 else { throw error }
            throw GitOpsError.pushedToBranch(branch: prepared.branch, repository: target.repository, expected: prepared.commit,
                                             detail: prepared.pullRequest.url)
        }
    }

    /// Everything short of the merge: the branch, the one commit on it, the pull request, each
    /// recorded as it is made. Run when the request starts waiting for approval (approvers read the
    /// diff on GitHub), and again when it runs, when it finds and checks what it made the first
    /// time. Nil when the base already has the version.
    public func openPullRequest(_ change: GitOpsChange) async throws -> PreparedPullRequest? {
        let target = change.target
        let editor = ImageTagEditor(format: target.format, file: target.file)
        let notes = GitOpsNotes(change)
        let base = try await baseBranch(target)
        let baseHead = try await github.head(of: base, in: target.repository)
        let onBase = try await github.file(target.repository, target.file, ref: baseHead)
        let previous = try editor.currentTag(in: onBase.text)
        if previous == change.version { return nil }
        let recorded = try await notes.recorded()
        let branch = try await notes.branch()
        let commit = try await commitOnBranch(change, branch, baseHead: baseHead, onBase: onBase, recorded, notes)
        let pullRequest = try await pullRequest(change, from: branch, into: base, at: commit, recorded, notes)
        return PreparedPullRequest(branch: branch, commit: commit, pullRequest: pullRequest, previousVersion: previous)
    }

    /// The pull request this request opened, as its notes recorded it (nil when none was).
    public func recordedPullRequest(_ change: GitOpsChange) async throws -> (number: Int, url: String)? {
        let notes = GitOpsNotes(change)
        guard let number = try await notes.value(.pullRequest).flatMap({ Int($0) }) else { return nil }
        return (number, github.pullRequestPage(number, in: change.target.repository))
    }

    /// The request will not run: closes the pull request it opened and deletes its branch. Only
    /// what its notes recorded is touched. Says what it did, or what is left to clean up.
    public func closePullRequest(_ change: GitOpsChange) async -> String? {
        let notes = GitOpsNotes(change)
        let repository = change.target.repository
        guard let number = (try? await notes.value(.pullRequest)).flatMap({ Int($0) }) else { return nil }
        do {
            try await github.closePullRequest(number, in: repository)
        } catch {
            return "Could not close pull request #\(number) in \(repository) (\(error)); close it on GitHub."
        }
        if let branch = try? await notes.value(.branch) {
            do { try await github.deleteBranch(branch, in: repository) } catch {
                return "Closed pull request #\(number) in \(repository); its branch \(branch) is left (\(error))."
            }
        }
        return "Closed pull request #\(number) in \(repository) and deleted its branch: this change will not be made."
    }

    /// The commit on `branch` that holds this change and nothing else: written now on a branch
    /// made at the base's head, or, when the branch exists, what an earlier attempt made there.
    func commitOnBranch(_ change: GitOpsChange, _ branch: String, baseHead: String, onBase: RepoFile,
                        _ recorded: GitOpsNotes.Recorded, _ notes: GitOpsNotes) async throws -> String {
        // Recorded first: if the answer to the create is lost, a retry still knows the branch's start.
        try await notes.record(.base, baseHead)
        do {
            try await github.createBranch(branch, at: baseHead, in: change.target.repository)
        } catch {
            guard let refusal = error.http, refusal.status == 422, refusal.message.contains("already exists") else { throw error }
            return try await existingCommit(change, branch, baseHead: baseHead, recorded, notes)
        }
        return try await write(change, on: branch, at: baseHead, file: onBase, notes)
    }

    /// The branch exists already: an earlier attempt of this request made it (its name is random
    /// and recorded). Its head must be a commit recorded for this request, a commit of the base,
    /// or hold exactly this change; anything else is someone else's work.
    func existingCommit(_ change: GitOpsChange, _ branch: String, baseHead: String, _ recorded: GitOpsNotes.Recorded,
                        _ notes: GitOpsNotes) async throws -> String {
        let repository = change.target.repository
        let head = try await github.head(of: branch, in: repository)
        if head == recorded.commit { return head }
        if head == recorded.base {
            let file = try await github.file(repository, change.target.file, ref: head)
            return try await write(change, on: branch, at: head, file: file, notes)
        }
        let comparison = try await github.compare(baseHead, head, in: repository)
        // No commit of its own (it sits on a commit of the base, e.g. made at a base recorded by an
        // attempt before the last): as good as a new branch.
        if comparison.aheadBy == 0 {
            let file = try await github.file(repository, change.target.file, ref: head)
            return try await write(change, on: branch, at: head, file: file, notes)
        }
        // A commit chatops wrote but could not record (it stopped in between), or someone else's push.
        if let problem = try await problem(with: change, head: head, comparison) {
            guard let ours = recorded.commit else { throw GitOpsError.untrusted(what: "branch \(branch) in \(repository)", problem: problem) }
            throw GitOpsError.pushedToBranch(branch: branch, repository: repository, expected: ours, detail: problem)
        }
        try await notes.record(.commit, head)
        return head
    }

    /// Writes the new tag on `branch`, whose head is `start`, and records the commit. The
    /// contents API commits on whatever the head is by then: a commit made on anything but
    /// `start` carries someone else's push and is refused.
    func write(_ change: GitOpsChange, on branch: String, at start: String, file: RepoFile, _ notes: GitOpsNotes) async throws -> String {
        let target = change.target
        let edited = try ImageTagEditor(format: target.format, file: target.file).settingTag(change.version, in: file.text)
        let written: WrittenCommit
        do {
            written = try await github.writeFile(target.repository, target.file, branch: branch, text: edited, replacing: file.sha,
                                                 message: change.message)
        } catch {
            guard error.http?.status == 409 else { throw error }
            throw GitOpsError.untrusted(what: "branch \(branch) in \(target.repository)",
                                        problem: "someone changed \(target.file) on it while chatops was writing the new tag")
        }
        guard written.parents == [start] else {
            throw GitOpsError.untrusted(what: "branch \(branch) in \(target.repository)",
                                        problem: "someone pushed to it while chatops was writing, so chatops' commit "
                                            + "`\(written.sha.prefix(7))` sits on top of their changes")
        }
        try await notes.record(.commit, written.sha)
        return written.sha
    }

    /// Opens the pull request, or, when GitHub says one from the branch is open already, uses it
    /// only if it is the one an earlier attempt recorded or one the token itself opened, and its
    /// head is the bot's commit.
    func pullRequest(_ change: GitOpsChange, from branch: String, into base: String, at commit: String,
                     _ recorded: GitOpsNotes.Recorded, _ notes: GitOpsNotes) async throws -> OpenedPullRequest {
        let repository = change.target.repository
        if let number = recorded.pullRequest {
            // Opened when the request started to wait: the approval merges that one, still open and
            // still at the bot's commit, or nothing.
            let (pullRequest, isOpen) = try await github.pullRequest(number, in: repository)
            guard isOpen else {
                throw GitOpsError.untrusted(what: "pull request \(pullRequest.url)",
                                            problem: "it was closed on GitHub before the approval ran; ask again if the change is still wanted")
            }
            try await notes.record(.pullRequestHead, pullRequest.headSHA)
            guard pullRequest.headSHA == commit else {
                throw GitOpsError.pushedToBranch(branch: branch, repository: repository, expected: commit, detail: pullRequest.url)
            }
            return pullRequest
        }
        let pullRequest: OpenedPullRequest
        do {
            pullRequest = try await github.openPullRequest(in: repository, title: change.title, body: change.message, head: branch, base: base)
        } catch {
            guard error.http?.status == 422 else { throw error }
            guard let existing = try await github.openPullRequests(from: branch, into: base, in: repository).first else { throw error }
            if existing.number != recorded.pullRequest {
                let login = try await github.tokenLogin(for: repository)
                guard existing.author.lowercased() == login.lowercased() else {
                    throw GitOpsError.untrusted(what: "pull request \(existing.url) from \(branch)",
                                                problem: "@\(existing.author) opened it, not chatops (@\(login))")
                }
            }
            pullRequest = existing
        }
        try await notes.record(.pullRequest, String(pullRequest.number))
        try await notes.record(.pullRequestHead, pullRequest.headSHA)
        guard pullRequest.headSHA == commit else {
            throw GitOpsError.pushedToBranch(branch: branch, repository: repository, expected: commit, detail: pullRequest.url)
        }
        return pullRequest
    }
}
