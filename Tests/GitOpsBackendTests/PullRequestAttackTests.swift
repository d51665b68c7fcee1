import ChatOpsTestSupport
import Execution
import Foundation
import GitOpsBackend
import Synchronization
import Testing

/// Someone who may push branches and open pull requests, but not merge to main, tries to get
/// their change merged into prod under another person's approval of a one-line tag change.
@Suite("pull-request mode merges only chatops' own branch, commit and pull request", .serialized)
struct PullRequestAttackTests {
    typealias H = DeliveryHarness
    let repoPath = "/repos/acme/ml-platform-gitops"
    let prod = ["app": "iris", "version": "v2.3", "env": "prod"]
    static let backdoor = "apps/iris-classifier/base/backdoor.yaml"
    /// The tag change plus a patch nobody approved.
    static let patched = H.kustomization("v2.3") + "patches:\n  - path: ../../base/backdoor.yaml\n"

    func merges(_ h: H, after skipped: Int = 0) -> [RecordedRequest] {
        h.github.requests.dropFirst(skipped).filter { $0.method == "PUT" && $0.path.hasSuffix("/merge") }
    }

    @Test("a branch and pull request prepared under the old predictable name are never touched; chatops merges its own")
    func preparedBranchIsIgnored() async throws {
        let h = try await H.start()
        let oldName = "chatops/request-7-prod-v2.3"
        let prepared = h.repo.push([H.prodFile: Self.patched], to: oldName)
        let theirs = h.repo.openPull(from: oldName, by: "mallory")
        let notes = MemoryNotes()
        let result = await h.deploy(H.input(.deploy, prod, approvers: ["bob"], notes: notes))
        await h.stop()
        #expect(result.isSuccess, "\(result.text)")
        #expect(h.repo.text(H.prodFile) == H.kustomization("v2.3"), "main has the tag change and nothing else")
        #expect(h.repo.pull(theirs)?.open == true && h.repo.pull(theirs)?.merged == false)
        #expect(h.repo.branchHead(oldName) == prepared)
        let everything = h.github.requests.map { "\($0.path)?\($0.query) \($0.bodyText)" }
        #expect(!everything.contains { $0.contains(/chatops\/request-7-prod-v2\.3(?!-[0-9a-f]{16})/) }, "no call names their branch")
        let recorded = await notes.all
        let branch = try #require(recorded[H.noteKey("branch")])
        #expect(branch.wholeMatch(of: /chatops\/request-7-prod-v2\.3-[0-9a-f]{16}/) != nil)
        let merge = try #require(merges(h).first)
        #expect(merges(h).count == 1)
        #expect(merge.path == "\(repoPath)/pulls/\(theirs + 1)/merge")
        #expect(merge.json?["sha"] as? String == recorded[H.noteKey("commit")])
        #expect(recorded[H.noteKey("commit")] == h.repo.branchHead(branch))
    }

    @Test("someone pushes to chatops' branch between attempts: the retry fails naming the branch and merges nothing", arguments: [
        ([backdoor: "kind: ConfigMap\n"], false, "it also changes \(backdoor)"),
        ([H.prodFile: patched], false, "it is 2 commits ahead of where it forked, where chatops makes one"),
        ([H.prodFile: patched], true, "its \(H.prodFile) differs from the file with only the tag set to v2.3, from line 7 on"),
    ])
    func pushBetweenAttempts(files: [String: String], replacesChatopsCommit: Bool, problem: String) async throws {
        let h = try await H.start()
        h.repo.refuseMerges("Required status check \"ci\" is expected.")
        let notes = MemoryNotes()
        let input = H.input(.deploy, prod, approvers: ["bob"], notes: notes)
        #expect(await !h.deploy(input).isSuccess)
        let branch = try #require(await notes.all[H.noteKey("branch")])
        let commit = try #require(await notes.all[H.noteKey("commit")])
        if replacesChatopsCommit { h.repo.forcePush(files, to: branch, onto: FakeGitHubRepo.rootSHA) } else { h.repo.push(files, to: branch) }
        h.repo.allowMerges()
        let before = h.github.requests.count
        let second = await h.deploy(input)
        await h.stop()
        #expect(!second.isSuccess)
        #expect(second.text.hasPrefix("someone pushed to the branch \(branch) in acme/ml-platform-gitops after chatops wrote it "
                                      + "(its head is no longer chatops' commit `\(commit.prefix(7))`; \(problem)); nothing was merged"), "\(second.text)")
        #expect(merges(h, after: before).isEmpty)
        #expect(!h.github.requests.dropFirst(before).contains { $0.method == "PUT" || $0.path.hasSuffix("/pulls") && $0.method == "POST" })
        #expect(h.repo.text(H.prodFile) == H.kustomization("v2.1"))
        #expect(h.argocd.requests.isEmpty)
    }

    @Test("someone opens a pull request from chatops' branch before chatops does: refused, nothing merged")
    func foreignPullRequestIsRefused() async throws {
        let h = try await H.start(githubAnswer: { request, repo in
            if request.method == "POST", request.path.hasSuffix("/pulls"), let head = request.json?["head"] as? String {
                repo.openPull(from: head, by: "mallory")
            }
            return nil
        })
        let notes = MemoryNotes()
        let result = await h.deploy(H.input(.deploy, prod, approvers: ["bob"], notes: notes))
        await h.stop()
        #expect(merges(h).isEmpty)
        #expect(h.repo.pull(12)?.open == true)
        #expect(h.repo.text(H.prodFile) == H.kustomization("v2.1"))
        #expect(!result.isSuccess)
        let branch = try #require(await notes.all[H.noteKey("branch")])
        #expect(result.text.hasPrefix("refused to merge pull request https://github.com/acme/ml-platform-gitops/pull/12 from \(branch): "
                                      + "@mallory opened it, not chatops (@chatops-bot); nothing was merged"), "\(result.text)")
        #expect(h.githubCalls.contains("GET /user"))
    }

    @Test("someone pushes to the branch after the pull request is opened: GitHub refuses the merge at chatops' commit, and the request says why")
    func pushBeforeMerge() async throws {
        let h = try await H.start(githubAnswer: { request, repo in
            if request.method == "PUT", request.path.hasSuffix("/merge"), let pull = repo.pull(12) {
                repo.push([Self.backdoor: "kind: ConfigMap\n"], to: pull.branch)
            }
            return nil
        })
        let notes = MemoryNotes()
        let result = await h.deploy(H.input(.deploy, prod, approvers: ["bob"], notes: notes))
        await h.stop()
        #expect(!result.isSuccess)
        #expect(h.repo.pull(12)?.merged == false)
        #expect(h.repo.text(Self.backdoor) == nil && h.repo.text(H.prodFile) == H.kustomization("v2.1"))
        #expect(h.argocd.requests.isEmpty)
        let recorded = await notes.all
        let branch = try #require(recorded[H.noteKey("branch")])
        let commit = try #require(recorded[H.noteKey("commit")])
        #expect(result.text == "someone pushed to the branch \(branch) in acme/ml-platform-gitops after chatops wrote it "
                + "(its head is no longer chatops' commit `\(commit.prefix(7))`; https://github.com/acme/ml-platform-gitops/pull/12); "
                + "nothing was merged — find out who pushed, delete the branch on GitHub, then ask again")
        #expect(merges(h).map { $0.json?["sha"] as? String } == [commit])
    }

    @Test("a retry after GitHub failed the pull request reuses the recorded branch and commit and merges at that commit")
    func retryAfterCommitRecorded() async throws {
        let failedOnce = Mutex(false)
        let h = try await H.start(githubAnswer: { request, _ in
            guard request.method == "POST", request.path.hasSuffix("/pulls"), !failedOnce.withLock({ $0 }) else { return nil }
            failedOnce.withLock { $0 = true }
            return .json("<html>502 Bad Gateway</html>", status: 502)
        })
        let notes = MemoryNotes()
        let input = H.input(.deploy, prod, approvers: ["bob"], notes: notes)
        let first = await h.deploy(input)
        #expect(first.text.hasPrefix("GitHub answered 502 to open a pull request"), "\(first.text)")
        let branch = try #require(await notes.all[H.noteKey("branch")])
        let commit = try #require(await notes.all[H.noteKey("commit")])
        let second = await h.deploy(input)
        await h.stop()
        #expect(second.isSuccess, "\(second.text)")
        #expect(await notes.all[H.noteKey("branch")] == branch)
        #expect(h.githubCalls.filter { $0.hasPrefix("PUT \(repoPath)/contents/") }.count == 1)
        #expect(h.githubCalls.filter { $0 == "POST \(repoPath)/git/refs" }.count == 2)
        #expect(merges(h).map { $0.json?["sha"] as? String } == [commit])
        #expect(h.repo.text(H.prodFile) == H.kustomization("v2.3"))
    }

    @Test("a retry after chatops stopped before recording its commit or pull request recognises them by content and author",
          arguments: [("commit", "/compare/"), ("pull_request", "GET /user")])
    func retryAfterUnrecordedStep(field: String, recognisedBy call: String) async throws {
        let h = try await H.start()
        let notes = StoppingNotes(stopAt: H.noteKey(field))
        let input = H.input(.deploy, prod, approvers: ["bob"], notes: notes)
        let first = await h.deploy(input)
        #expect(first.text == "the store stopped", "\(first.text)")
        let second = await h.deploy(input)
        await h.stop()
        #expect(second.isSuccess, "\(second.text)")
        let recorded = await notes.values
        let branch = try #require(recorded[H.noteKey("branch")])
        #expect(h.githubCalls.contains { $0.contains(call) })
        #expect(h.githubCalls.filter { $0.hasPrefix("PUT \(repoPath)/contents/") }.count == 1)
        #expect(merges(h).map { $0.path } == ["\(repoPath)/pulls/12/merge"])
        #expect(merges(h).first?.json?["sha"] as? String == h.repo.branchHead(branch))
        #expect(recorded[H.noteKey("commit")] == h.repo.branchHead(branch))
        #expect(h.repo.text(H.prodFile) == H.kustomization("v2.3"))
    }

    @Test("a branch of this request with no commit of its own is written on, even when main moved and a later base was recorded")
    func branchLeftAtAnOlderBase() async throws {
        let failing = Mutex<String?>("PUT /repos/acme/ml-platform-gitops/contents/")
        let h = try await H.start(githubAnswer: { request, _ in
            guard let fail = failing.withLock({ $0 }), "\(request.method) \(request.path)".hasPrefix(fail) else { return nil }
            return .json("<html>502 Bad Gateway</html>", status: 502)
        })
        let notes = MemoryNotes()
        let input = H.input(.deploy, prod, approvers: ["bob"], notes: notes)
        #expect(await h.deploy(input).text.hasPrefix("GitHub answered 502 to write \(H.prodFile)"))
        let moved = H.kustomization("v2.2") + "# main moved on\n"
        h.repo.seedHistory([(H.stagingFile, moved)])
        failing.withLock { $0 = "GET /repos/acme/ml-platform-gitops/git/ref/heads/chatops/" }
        #expect(await h.deploy(input).text.hasPrefix("GitHub answered 502 to read branch chatops/request-7-prod-v2.3-"))
        #expect(await notes.all[H.noteKey("base")] == h.repo.head, "the second attempt recorded main's new head; the branch is still at the old one")
        failing.withLock { $0 = nil }
        let third = await h.deploy(input)
        await h.stop()
        #expect(third.isSuccess, "\(third.text)")
        #expect(h.githubCalls.contains { $0.contains("/compare/") })
        let commit = try #require(await notes.all[H.noteKey("commit")])
        #expect(merges(h).map { $0.json?["sha"] as? String } == [commit])
        #expect(h.repo.text(H.prodFile) == H.kustomization("v2.3"))
        #expect(h.repo.text(H.stagingFile) == moved, "the squash merge carries only the tag change")
    }
}

/// Notes whose store fails the first time `stopAt` is recorded: the bot stops right after the
/// step that key follows, as if the process died there.
actor StoppingNotes: RequestNotes {
    struct Stopped: Error, CustomStringConvertible { var description: String { "the store stopped" } }

    var values: [String: String] = [:]
    var stopAt: String?

    init(stopAt: String) { self.stopAt = stopAt }

    func note(_ key: String) async throws -> String? { values[key] }

    func record(_ key: String, _ value: String) async throws {
        if key == stopAt {
            stopAt = nil
            throw Stopped()
        }
        values[key] = value
    }
}
