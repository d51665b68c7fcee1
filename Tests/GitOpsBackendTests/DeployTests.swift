import ChatOpsTestSupport
import Execution
import Foundation
import GitOpsBackend
import Testing

@Suite("deploy and promote through the GitOps repository and Argo CD", .serialized)
struct DeployTests {
    typealias H = DeliveryHarness
    let repoPath = "/repos/acme/ml-platform-gitops"

    @Test("deploy commits the new tag with a message naming request, requester and approvers, then syncs and waits")
    func deployCommitsAndSyncs() async throws {
        let h = try await H.start()
        let progress = ProgressLog()
        let notes = MemoryNotes()
        let result = await h.deploy(H.input(.deploy, ["app": "iris-classifier", "version": "v2.3", "env": "staging"], notes: notes),
                                    progress: progress)
        await h.stop()
        #expect(result.isSuccess, "\(result.text)")
        #expect(h.repo.text(H.stagingFile) == H.kustomization("v2.3"))
        let noted = await notes.all
        #expect(noted[ChangeNote.previousVersion] == "v2.2" && noted[ChangeNote.version] == "v2.3",
                "the change is noted with the request for diagnoses and incidents: \(noted)")
        #expect(h.githubCalls == ["GET \(repoPath)/contents/\(H.stagingFile)?ref=main", "PUT \(repoPath)/contents/\(H.stagingFile)"])
        let get = try #require(h.github.requests.first)
        #expect(get.header("Authorization") == "Bearer gh-token")
        #expect(get.header("Accept") == "application/vnd.github+json")
        let put = try #require(h.github.requests.last?.json)
        #expect(put["branch"] as? String == "main")
        #expect(put["sha"] as? String == FakeGitHubRepo.blobSHA(H.kustomization("v2.2")))
        #expect(put["message"] as? String == """
            deploy iris-classifier v2.3 to staging

            chatops request #7: deploy iris-classifier v2.3 to staging
            Requested-by: alice
            Approved-by: none (no approval was needed)

            """)
        #expect(h.argocd.requests.first.map { "\($0.method) \($0.path)" } == "POST /api/v1/applications/iris-classifier-staging/sync")
        #expect(result.text.hasPrefix("iris-classifier v2.3 is running in staging: Synced and Healthy."))
        #expect(result.text.contains("Was: v2.2"))
        #expect(progress.all.first == "Committed `c0ffee0` to acme/ml-platform-gitops: images[ghcr.io/acme/iris-classifier].newTag = v2.3 (was v2.2)")
    }

    @Test("a write that lost the race (409) is re-read and tried once more")
    func conflictIsRetriedOnce() async throws {
        let h = try await H.start(conflicts: 1)
        let result = await h.deploy(H.input(.deploy, ["app": "iris", "version": "v2.3", "env": "staging"]))
        await h.stop()
        #expect(result.isSuccess, "\(result.text)")
        #expect(h.githubCalls.filter { $0.hasPrefix("PUT") }.count == 2)
        #expect(h.githubCalls.filter { $0.hasPrefix("GET") }.count == 2)
        let text = try #require(h.repo.text(H.stagingFile))
        #expect(text.contains("newTag: v2.3") && text.contains("# touched by someone else"), "the other writer's change is kept")
    }

    @Test("two lost races fail the request, commit nothing and never sync")
    func conflictTwiceFails() async throws {
        let h = try await H.start(conflicts: 2)
        let result = await h.deploy(H.input(.deploy, ["app": "iris", "version": "v2.3", "env": "staging"]))
        await h.stop()
        #expect(!result.isSuccess)
        #expect(result.text.contains("the file kept changing while we wrote it (write \(H.stagingFile) in acme/ml-platform-gitops); nothing was committed"))
        #expect(h.argocd.requests.isEmpty)
    }

    @Test("prod goes through a pull request from a branch only chatops can name, merged at the commit chatops wrote")
    func prodPullRequest() async throws {
        let h = try await H.start()
        let notes = MemoryNotes()
        let result = await h.deploy(H.input(.deploy, ["app": "iris", "version": "v2.3", "env": "prod"], approvers: ["bob", "carol"], notes: notes))
        await h.stop()
        #expect(result.isSuccess, "\(result.text)")
        let base = FakeGitHubRepo.rootSHA
        #expect(h.githubCalls == [
            "GET \(repoPath)/git/ref/heads/main", "GET \(repoPath)/contents/\(H.prodFile)?ref=\(base)", "POST \(repoPath)/git/refs",
            "PUT \(repoPath)/contents/\(H.prodFile)", "POST \(repoPath)/pulls", "PUT \(repoPath)/pulls/12/merge",
        ])
        let recorded = await notes.all
        let branch = try #require(recorded[H.noteKey("branch")])
        #expect(branch.wholeMatch(of: /chatops\/request-7-prod-v2\.3-[0-9a-f]{16}/) != nil, "\(branch)")
        let commit = try #require(recorded[H.noteKey("commit")])
        #expect(recorded[H.noteKey("base")] == base)
        #expect(recorded[H.noteKey("pull_request")] == "12")
        #expect(recorded[H.noteKey("pull_request_head")] == commit)
        let calls = h.github.requests
        #expect(calls[2].json?["ref"] as? String == "refs/heads/\(branch)")
        #expect(calls[2].json?["sha"] as? String == base)
        #expect(calls[3].json?["branch"] as? String == branch)
        #expect(calls[4].json?["head"] as? String == branch)
        #expect(calls[4].json?["base"] as? String == "main")
        #expect((calls[4].json?["body"] as? String)?.contains("Approved-by: bob, carol") == true)
        #expect(calls[5].json?["sha"] as? String == commit)
        #expect(commit == h.repo.branchHead(branch))
        #expect(h.repo.text(H.prodFile) == H.kustomization("v2.3"))
        #expect(result.text.contains("Pull request #12: https://github.com/acme/ml-platform-gitops/pull/12"))
    }

    @Test("a pull request GitHub will not merge fails the request with its link and what to do")
    func mergeRefused() async throws {
        let h = try await H.start()
        h.repo.refuseMerges("At least 1 approving review is required by reviewers with write access.")
        let result = await h.deploy(H.input(.deploy, ["app": "iris", "version": "v2.3", "env": "prod"], approvers: ["bob"]))
        await h.stop()
        #expect(!result.isSuccess)
        #expect(result.text == "opened https://github.com/acme/ml-platform-gitops/pull/12 but could not merge it: "
                + "At least 1 approving review is required by reviewers with write access.; merge it on GitHub, then run `sync`")
        #expect(h.argocd.requests.isEmpty)
    }

    @Test("running the same prod request again after a refused merge reuses its own branch and pull request")
    func retryReusesTheBranch() async throws {
        let h = try await H.start()
        h.repo.refuseMerges("Required status check \"ci\" is expected.")
        let notes = MemoryNotes()
        let input = H.input(.deploy, ["app": "iris", "version": "v2.3", "env": "prod"], approvers: ["bob"], notes: notes)
        let first = await h.deploy(input)
        #expect(!first.isSuccess)
        h.repo.allowMerges()
        let second = await h.deploy(input)
        await h.stop()
        #expect(second.isSuccess, "\(second.text)")
        #expect(h.repo.text(H.prodFile) == H.kustomization("v2.3"))
        let branch = try #require(await notes.all[H.noteKey("branch")])
        let calls = h.githubCalls
        #expect(calls.filter { $0.hasPrefix("PUT \(repoPath)/contents/") }.count == 1, "the branch already has the change")
        #expect(calls.contains("GET \(repoPath)/git/ref/heads/\(branch)"))
        #expect(calls.contains("GET \(repoPath)/pulls/12"), "the recorded pull request is read, not opened again")
        #expect(calls.filter { $0 == "POST \(repoPath)/pulls" }.count == 1)
        #expect(!calls.contains { $0.contains("/compare/") || $0 == "GET /user" }, "its own commit and pull request were recorded")
        let merges = h.github.requests.filter { $0.path.hasSuffix("/merge") }
        #expect(merges.map(\.path) == ["\(repoPath)/pulls/12/merge", "\(repoPath)/pulls/12/merge"])
        #expect(merges.last?.json?["sha"] as? String == h.repo.branchHead(branch))
    }

    @Test("promote takes the version Argo CD shows running in the environment before")
    func promoteFromStaging() async throws {
        let h = try await H.start(running: ["iris-classifier-staging": "v2.2"])
        let progress = ProgressLog()
        let result = await h.deploy(H.input(.promote, ["app": "iris", "env": "prod"], approvers: ["bob"]), progress: progress)
        await h.stop()
        #expect(result.isSuccess, "\(result.text)")
        #expect(h.argocd.requests.first?.path == "/api/v1/applications/iris-classifier-staging")
        #expect(h.repo.text(H.prodFile) == H.kustomization("v2.2"))
        #expect(progress.all.first == "staging runs iris-classifier v2.2; promoting it to prod")
    }

    @Test("promote falls back to the source environment's GitOps file when Argo CD shows no tag")
    func promoteFromFile() async throws {
        let h = try await H.start()
        let result = await h.deploy(H.input(.promote, ["app": "iris", "env": "prod", "from": "staging"]))
        await h.stop()
        #expect(result.isSuccess, "\(result.text)")
        #expect(h.repo.text(H.prodFile) == H.kustomization("v2.2"))
    }

    @Test("bad versions and missing places are refused before any call", arguments: [
        (["app": "iris", "version": "v2.3\nimages: []", "env": "staging"], "is not a valid image tag"),
        (["app": "iris", "version": "v2.3"], "Say which environment of iris-classifier: dev, staging, prod."),
        (["app": "payments", "version": "v2.3", "env": "staging"], "payments-api has no GitOps file for staging: add apps[payments-api].environments.staging.gitops"),
        (["app": "nope", "version": "v1", "env": "staging"], "Say which app: one of iris-classifier, payments-api."),
    ])
    func refusedBeforeAnyCall(slots: [String: String], expected: String) async throws {
        let h = try await H.start()
        let result = await h.deploy(H.input(.deploy, slots))
        await h.stop()
        #expect(!result.isSuccess)
        #expect(result.text.contains(expected), "\(result.text)")
        #expect(h.github.requests.isEmpty && h.argocd.requests.isEmpty)
    }

    @Test("promote out of the first environment is refused")
    func promoteNeedsASource() async throws {
        let h = try await H.start()
        let result = await h.deploy(H.input(.promote, ["app": "iris", "env": "dev"]))
        await h.stop()
        #expect(result.text == "dev is the first environment: there is nothing to promote from; use deploy")
    }
}
