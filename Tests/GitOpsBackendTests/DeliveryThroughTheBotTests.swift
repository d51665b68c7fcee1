import Approvals
import ArgoCDBackend
import ChatOpsConfig
import ChatOpsCore
import ChatOpsTestSupport
import Conversation
import Execution
import Foundation
import GitOpsBackend
import RequestStore
import Testing

@Suite("deploy through the bot: dry-run plans, approvals in the commit, failures recorded", .serialized)
struct DeliveryThroughTheBotTests {
    typealias H = DeliveryHarness

    struct Bot {
        let bot: ChatBot
        let store: SQLiteApprovalStore
        let sink = RecordingSink()

        init(_ h: H, dryRun: Bool, clock: TestClock? = nil) throws {
            store = try SQLiteApprovalStore.inMemory()
            let now: @Sendable () -> Date
            if let clock { now = { clock.now } } else { now = { Date() } }
            let deploy: any Executor = DeployExecutor(delivery: h.delivery)
            let rollback: any Executor = RollbackExecutor(delivery: h.delivery)
            let sync: any Executor = ArgoCDSyncExecutor(client: ArgoCDClientFactory.client(h.argocd),
                                                        waiter: ArgoCDClientFactory.waiter(h.argocd), catalog: h.catalog)
            let executors: [(any Executor, [Intent])] = [(deploy, [.deploy, .promote]), (rollback, [.rollback]), (sync, [.sync])]
            bot = try TestBot.make(configuration: try TestBot.configuration(), executors: executors,
                                   store: store, isDryRun: dryRun, now: now)
        }

        func say(_ user: String, _ text: String) async throws -> [String] {
            await sink.clear()
            try await bot.handle(IncomingMessage(platformUser: "console:\(user)", origin: MessageOrigin(platform: "console", channel: "ops"),
                                                 text: text, isAddressedByPlatform: true), sink: sink)
            return await sink.texts
        }
    }

    @Test("in dry-run, deploy shows the exact calls and neither GitHub nor Argo CD receives any")
    func dryRunDeployPlan() async throws {
        let h = try await H.start()
        let bot = try Bot(h, dryRun: true)
        let replies = try await bot.say("alice", "deploy iris v2.3 to staging").joined(separator: "\n")
        await h.stop()
        let file = "\(h.github.baseURL)/repos/acme/ml-platform-gitops/contents/apps/iris-classifier/overlays/staging/kustomization.yaml"
        #expect(replies.contains("Dry run: nothing was changed."))
        #expect(replies.contains("• would GET \(file)?ref=main (read the current tag)"))
        #expect(replies.contains("• would PUT \(file) {message: \"deploy iris-classifier v2.3 to staging …\", "
                                 + "content: images[ghcr.io/acme/iris-classifier].newTag = v2.3, sha: <the blob read>, branch: main}"))
        #expect(replies.contains(#"• would POST \#(h.argocd.baseURL)/api/v1/applications/iris-classifier-staging/sync {"name":"iris-classifier-staging","prune":false}"#))
        #expect(h.github.requests.isEmpty)
        #expect(h.argocd.requests.isEmpty)
        #expect(h.repo.text(H.stagingFile) == H.kustomization("v2.2"))
    }

    @Test("in dry-run, an approved prod deploy plans the pull request and its merge, and makes none")
    func dryRunProdPlan() async throws {
        let h = try await H.start()
        let bot = try Bot(h, dryRun: true)
        _ = try await bot.say("alice", "deploy iris v2.3 to prod")
        let replies = try await bot.say("bob", "approve 1").joined(separator: "\n")
        await h.stop()
        let repo = "\(h.github.baseURL)/repos/acme/ml-platform-gitops"
        #expect(replies.contains("• would GET \(repo)/git/ref/heads/main (the commit to branch from)"), "\(replies)")
        #expect(replies.contains("• would POST \(repo)/git/refs {ref: refs/heads/chatops/request-1-prod-v2.3-<16 random hex digits>, sha: <that commit>}"))
        #expect(replies.contains("• would POST \(repo)/pulls {title: \"deploy iris-classifier v2.3 to prod\", "
                                 + "head: chatops/request-1-prod-v2.3-<16 random hex digits>, base: main}"))
        #expect(replies.contains("• would PUT \(repo)/pulls/<number>/merge {merge_method: squash, sha: <the commit chatops wrote>}"))
        #expect(h.github.requests.isEmpty && h.argocd.requests.isEmpty)
    }

    /// The approvers' view: the change read from the repository, and the pull request opened when
    /// the request starts to wait, so its diff can be read on GitHub. The approval merges exactly
    /// it (no second one), at the commit recorded then, and the merge names both people.
    @Test("a prod deploy opens its pull request for the approvers, and the approval merges exactly it")
    func approvedProdDeploy() async throws {
        let h = try await H.start()
        let bot = try Bot(h, dryRun: false)
        let asked = try await bot.say("alice", "deploy iris v2.3 to prod").joined(separator: "\n")
        #expect(asked.contains("needs 1 approval"))
        #expect(asked.contains("iris-classifier in prod: v2.1 → v2.3 (\(H.prodFile) in acme/ml-platform-gitops, via pull request)"), "\(asked)")
        #expect(asked.contains("• will images[ghcr.io/acme/iris-classifier].newTag = v2.3"))
        let opened = try #require(h.repo.pulls.first)
        #expect(asked.contains("Pull request #\(opened.number): the change to approve"), "\(asked)")
        #expect(asked.contains("https://github.com/acme/ml-platform-gitops/pull/\(opened.number)"))
        #expect(!h.github.requests.contains { $0.path.hasSuffix("/merge") } && h.argocd.requests.isEmpty, "nothing merged or synced before the approval")
        let body = try #require(h.github.requests.first { $0.path.hasSuffix("/pulls") }?.json?["body"] as? String)
        #expect(body.contains("Approved-by: awaiting approval"))
        #expect(h.repo.text(H.prodFile) == H.kustomization("v2.1"))

        _ = try await bot.say("bob", "approve 1")
        await h.stop()
        let request = try #require(try await bot.store.request(id: 1))
        #expect(request.state == .succeeded, "\(request.result ?? "")")
        #expect(h.github.requests.filter { $0.method == "POST" && $0.path.hasSuffix("/pulls") }.count == 1, "no second pull request")
        let merge = try #require(h.github.requests.first { $0.path.hasSuffix("/merge") })
        #expect(merge.path == "/repos/acme/ml-platform-gitops/pulls/\(opened.number)/merge")
        let key = "gitops:acme/ml-platform-gitops:\(H.prodFile):v2.3:"
        #expect(merge.json?["sha"] as? String == (try await bot.store.executionNote(requestID: 1, key: key + "commit")))
        let message = try #require(merge.json?["commit_message"] as? String)
        #expect(message.contains("chatops request #1: deploy iris-classifier v2.3 to prod\nRequested-by: alice\nApproved-by: bob\n"))
        #expect(h.repo.text(H.prodFile) == H.kustomization("v2.3"))
    }

    @Test("a denied prod deploy closes its pull request and deletes its branch; nothing is merged")
    func deniedProdDeployClosesItsPullRequest() async throws {
        let h = try await H.start()
        let bot = try Bot(h, dryRun: false)
        _ = try await bot.say("alice", "deploy iris v2.3 to prod")
        let opened = try #require(h.repo.pulls.first)
        let denied = try await bot.say("bob", "deny 1 not this week").joined(separator: "\n")
        await h.stop()
        #expect(denied.contains("Closed pull request #\(opened.number) in acme/ml-platform-gitops and deleted its branch"), "\(denied)")
        #expect(h.repo.pull(opened.number)?.open == false)
        #expect(h.repo.pull(opened.number)?.merged == false)
        #expect(h.repo.branchHead(opened.branch) == nil)
        #expect(h.repo.text(H.prodFile) == H.kustomization("v2.1"))
        #expect(h.argocd.requests.isEmpty)
    }

    @Test("a pull request closed on GitHub before the approval is not reopened or replaced; the request fails and nothing is merged")
    func closedOnGitHubBeforeApproval() async throws {
        let h = try await H.start()
        let bot = try Bot(h, dryRun: false)
        _ = try await bot.say("alice", "deploy iris v2.3 to prod")
        let opened = try #require(h.repo.pulls.first)
        h.repo.closePull(opened.number)
        let replies = try await bot.say("bob", "approve 1").joined(separator: "\n")
        await h.stop()
        let request = try #require(try await bot.store.request(id: 1))
        #expect(request.state == .failed)
        #expect(replies.contains("it was closed on GitHub before the approval ran"), "\(replies)")
        #expect(h.repo.pulls.count == 1, "no second pull request")
        #expect(!h.github.requests.contains { $0.path.hasSuffix("/merge") })
        #expect(h.repo.text(H.prodFile) == H.kustomization("v2.1"))
        #expect(h.argocd.requests.isEmpty)
    }

    @Test("a prod deploy nobody approves in time closes its pull request when it expires")
    func expiredProdDeployClosesItsPullRequest() async throws {
        let h = try await H.start()
        let clock = TestClock(Date())
        let bot = try Bot(h, dryRun: false, clock: clock)
        _ = try await bot.say("alice", "deploy iris v2.3 to prod")
        let opened = try #require(h.repo.pulls.first)
        clock.advance(3601)
        try await bot.bot.sweep(platforms: ["console"], sink: bot.sink)
        await h.stop()
        #expect(try await bot.store.request(id: 1)?.state == .expired)
        #expect(h.repo.pull(opened.number)?.open == false)
        #expect(h.repo.pull(opened.number)?.merged == false)
        #expect(await bot.sink.texts.contains { $0.contains("Closed pull request #\(opened.number)") })
    }

    @Test("when the repository cannot be read, the prompt says so and shows the intended change")
    func failingLiveReadIsSaid() async throws {
        let h = try await H.start(githubAnswer: { request, _ in
            request.path.contains("/contents/") ? .json(#"{"message":"Server Error"}"#, status: 503) : nil
        })
        let bot = try Bot(h, dryRun: false)
        let asked = try await bot.say("alice", "deploy iris v2.3 to prod").joined(separator: "\n")
        await h.stop()
        #expect(asked.contains("iris-classifier in prod: → v2.3 (\(H.prodFile) in acme/ml-platform-gitops, via pull request)"), "\(asked)")
        #expect(asked.contains("Could not read the current state (GitHub answered 503"), "\(asked)")
        #expect(asked.contains("this is the intended change"))
        #expect(asked.contains("• will images[ghcr.io/acme/iris-classifier].newTag = v2.3"))
        #expect(try await bot.store.request(id: 1)?.state == .awaitingApproval)
    }

    @Test("an approved prod deploy ignores a branch and pull request someone prepared under the old name, and merges its own random branch")
    func approvalMergesOnlyChatopsBranch() async throws {
        var branches: [String] = []
        for _ in 1...2 {   // two bots, each deploying as request #1: the same name twice would be guessable
            let h = try await H.start()
            let evil = H.kustomization("v2.1") + "patches:\n  - path: ../../base/backdoor.yaml\n"
            h.repo.push([H.prodFile: evil], to: "chatops/request-1-prod-v2.3")
            let theirs = h.repo.openPull(from: "chatops/request-1-prod-v2.3", by: "mallory")
            let bot = try Bot(h, dryRun: false)
            _ = try await bot.say("alice", "deploy iris v2.3 to prod")
            _ = try await bot.say("bob", "approve 1")
            await h.stop()
            #expect(h.repo.text(H.prodFile) == H.kustomization("v2.3"), "no patches: entry reached main")
            #expect(h.repo.pull(theirs)?.merged == false)
            let request = try #require(try await bot.store.request(id: 1))
            #expect(request.state == .succeeded, "\(request.result ?? "")")
            let key = "gitops:acme/ml-platform-gitops:\(H.prodFile):v2.3:"
            let branch = try #require(try await bot.store.executionNote(requestID: 1, key: key + "branch"))
            let commit = try #require(try await bot.store.executionNote(requestID: 1, key: key + "commit"))
            #expect(branch.wholeMatch(of: /chatops\/request-1-prod-v2\.3-[0-9a-f]{16}/) != nil, "\(branch)")
            #expect(h.github.requests.first { $0.path.hasSuffix("/git/refs") }?.json?["ref"] as? String == "refs/heads/\(branch)")
            #expect(h.github.requests.first { $0.path.hasSuffix("/pulls") }?.json?["head"] as? String == branch)
            let merge = try #require(h.github.requests.first { $0.path.hasSuffix("/merge") })
            #expect(merge.path != "/repos/acme/ml-platform-gitops/pulls/\(theirs)/merge")
            #expect(merge.json?["sha"] as? String == commit)
            branches.append(branch)
        }
        #expect(Set(branches).count == 2)
    }

    @Test("a GitHub refusal leaves the request failed with the reason")
    func failureIsRecorded() async throws {
        let h = try await H.start(githubAnswer: { _, _ in .json(#"{"message":"Bad credentials"}"#, status: 401) })
        let bot = try Bot(h, dryRun: false)
        let replies = try await bot.say("alice", "deploy iris v2.3 to staging")
        await h.stop()
        let request = try #require(try await bot.store.request(id: 1))
        #expect(request.state == .failed)
        #expect(request.result?.contains("GitHub answered 401") == true)
        #expect(replies.contains { $0.contains("the token is missing, invalid or expired (CHATOPS_GITOPS_TOKEN, or the GitHub token it is set to share)") })
    }

    @Test("in dry-run, sync, promote and rollback show their exact calls and make none", arguments: [
        ("sync iris staging", [#"• would POST ARGO/api/v1/applications/iris-classifier-staging/sync {"name":"iris-classifier-staging","prune":false}"#,
                               "• would GET ARGO/api/v1/applications/iris-classifier-staging every 0 s until Synced and Healthy (up to 20 s)"]),
        ("promote iris to staging", ["• would GET ARGO/api/v1/applications/iris-classifier-dev (read the version running in dev)",
                                     "• would PUT GITHUB/repos/acme/ml-platform-gitops/contents/apps/iris-classifier/overlays/staging/kustomization.yaml "
                                     + "{message: \"promote iris-classifier <the version running in dev> to staging …\""]),
        ("rollback iris in staging", ["• would GET GITHUB/repos/acme/ml-platform-gitops/commits?path=apps/iris-classifier/overlays/staging/kustomization.yaml&sha=main "
                                      + "and the file at each commit, until a different version",
                                      "• would POST ARGO/api/v1/applications/iris-classifier-staging/sync"]),
    ])
    func dryRunPlans(text: String, expected: [String]) async throws {
        let h = try await H.start()
        let bot = try Bot(h, dryRun: true)
        let replies = try await bot.say("alice", text).joined(separator: "\n")
        await h.stop()
        #expect(replies.contains("Dry run: nothing was changed."))
        for line in expected {
            let filled = line.replacingOccurrences(of: "ARGO", with: h.argocd.baseURL).replacingOccurrences(of: "GITHUB", with: h.github.baseURL)
            #expect(replies.contains(filled), "\(replies)")
        }
        #expect(h.github.requests.isEmpty && h.argocd.requests.isEmpty)
    }
}
