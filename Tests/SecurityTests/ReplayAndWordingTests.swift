import Approvals
import ChatOpsCore
import Foundation
import RequestStore
import Testing

/// Findings 7, 13 and 14 through the Slack routes.
@Suite("Security: replays, freezes, free text")
struct ReplayAndWordingTests {
    /// Finding 13: the same signed slash command sent twice inside the replay window posts
    /// nothing the second time (not even a new "asked:" thread) and runs once.
    @Test func aReplayedSlashCommandPostsNothing() async throws {
        let h = try await SecurityHarness.start()
        try await h.slashCommand("/restart", "iris dev", user: People.aliceSlack, trigger: "1111.2222.same")
        try await h.eventually("the restart ran") { h.deployer.executed.count == 1 }
        try await h.eventually("its result") { h.slackPosts.contains { $0.slackText.contains("Request #1 succeeded") } }
        let posted = h.slackPosts.count
        try await h.slashCommand("/restart", "iris dev", user: People.aliceSlack, trigger: "1111.2222.same")
        try await h.settle()
        await h.stop()
        #expect(h.slackPosts.count == posted)
        #expect(h.slackPosts.filter { $0.slackText.contains("asked:") }.count == 1)
        #expect(h.deployer.executed.count == 1)
    }

    /// Finding 7: a freeze of prod stops retraining the model prod runs, and retraining needs an
    /// approval there like any other change.
    @Test func aFreezeOfProdStopsRetrainAndRetrainNeedsApproval() async throws {
        let h = try await SecurityHarness.start()
        try await h.slashCommand("/freeze", "prod", user: People.aliceSlack)
        try await h.eventually("prod frozen") { try await !h.store.freezes().isEmpty }
        try await h.slashCommand("/retrain", "iris", user: People.aliceSlack)
        try await h.eventually("the refusal") { h.slackPosts.contains { $0.slackText.contains("prod is frozen") } }
        #expect(h.deployer.executed.isEmpty)

        // Requests are found by intent, not by number: which of the refused retrain's record and
        // the unfreeze request is stored first is not fixed.
        try await h.slashCommand("/unfreeze", "prod", user: People.aliceSlack)
        try await h.eventually("the unfreeze request") { try await waiting(.unfreeze, in: h) != nil }
        let unfreeze = try #require(try await waiting(.unfreeze, in: h))
        try await h.slashCommand("/approve", "\(unfreeze.id)", user: People.bobSlack)
        try await h.eventually("prod unfrozen") { try await h.store.freezes().isEmpty }
        try await h.slashCommand("/retrain", "iris", user: People.aliceSlack)
        try await h.eventually("the retrain waits") { try await waiting(.retrain, in: h) != nil }
        await h.stop()
        let retrain = try #require(try await waiting(.retrain, in: h))
        #expect(retrain.env == "prod")
        #expect(retrain.approvers == "prod-approvers")
        #expect(h.deployer.executed.isEmpty)
    }

    /// The request for `intent` that waits for an approval, if there is one.
    private func waiting(_ intent: Intent, in h: SecurityHarness) async throws -> StoredRequest? {
        try await h.store.requests(states: [.awaitingApproval], limit: 20).first { $0.intent == intent }
    }

    /// Finding 14: "deny 1 not now" keeps its whole reason.
    @Test func aDenyReasonEndingInNowIsKeptWhole() async throws {
        let h = try await SecurityHarness.start()
        try await h.slashCommand("/deploy", "iris v2.3 prod", user: People.aliceSlack)
        try await h.eventually("the request") { try await h.store.request(id: 1)?.state == .awaitingApproval }
        try await h.slashCommand("/deny", "1 not now", user: People.bobSlack)
        try await h.eventually("the denial") { try await h.store.request(id: 1)?.state == .denied }
        await h.stop()
        #expect(try await h.store.request(id: 1)?.transitions.last?.reason == "not now")
    }
}
