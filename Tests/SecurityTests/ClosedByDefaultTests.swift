import Approvals
import ChatOpsConfig
import ChatOpsCore
import Conversation
import Foundation
import RequestStore
import Testing

/// Finding 6: strangers get nothing and leave nothing; only the configured workspaces and
/// servers are served; nobody can flood the bot; old records go, the audit chain still verifies.
@Suite("Security: closed by default")
struct ClosedByDefaultTests {
    @Test func aStrangerInTheWorkspaceCannotReadProdAndLeavesNoRequest() async throws {
        let h = try await SecurityHarness.start()
        try await h.slashCommand("/logs", "iris prod", user: People.mallorySlack)
        try await h.slashCommand("/deploy", "iris v2.3 dev", user: People.mallorySlack)
        try await h.eventually("two refusals") {
            h.slackPosts.filter { $0.slackText.contains("you are not in this bot's configuration") }.count == 2
        }
        await h.stop()
        #expect(try await h.store.requests(states: nil, limit: 10).isEmpty)
        #expect(h.deployer.executed.isEmpty)
    }

    @Test func aSlackWorkspaceNotAllowedIsRefusedBeforeAnythingIsPosted() async throws {
        let h = try await SecurityHarness.start(environment: ["CHATOPS_SLACK_ALLOWED_TEAMS": "T999"])
        let response = try await h.slashCommand("/deploy", "iris v2.3 dev", user: People.aliceSlack, team: "T111")
        #expect(response.status == 200)
        #expect(String(decoding: response.body, as: UTF8.self).contains("does not serve this workspace"))
        try await h.settle()
        await h.stop()
        #expect(h.slackPosts.isEmpty)
        #expect(try await h.store.requests(states: nil, limit: 10).isEmpty)
    }

    @Test func aDiscordServerNotAllowedIsRefused() async throws {
        let h = try await SecurityHarness.start(environment: ["CHATOPS_DISCORD_ALLOWED_GUILDS": "111111111111111111"])
        let response = try await h.discordCommand("deploy", [("app", "iris"), ("version", "v2.3"), ("env", "dev")],
                                                  user: People.aliceDiscord, guild: "290926798626357999")
        #expect(response.status == 200)
        #expect(String(decoding: response.body, as: UTF8.self).contains("not in platforms.discord.allowed_guilds"))
        try await h.settle()
        await h.stop()
        #expect(try await h.store.requests(states: nil, limit: 10).isEmpty)
        #expect(h.deployer.executed.isEmpty)
    }

    @Test func aFloodFromOnePersonIsCutOffAndToldOnce() async throws {
        let limiter = CommandRateLimiter(perUser: RateLimitSetting(count: 3, window: .seconds(60)), perChannel: nil)
        let h = try await SecurityHarness.start(limiter: limiter)
        for n in 1...6 {
            try await h.slashCommand("/restart", "iris dev", user: People.aliceSlack, trigger: "flood-\(n)")
        }
        try await h.eventually("the limit notice") { h.slackPosts.contains { $0.slackText.contains("Too many commands from you") } }
        try await h.settle()
        await h.stop()
        #expect(h.deployer.executed.count == 3)
        #expect(h.slackPosts.filter { $0.slackText.contains("Too many commands") }.count == 1)
    }
}

/// Retention: what is old goes, and the audit log that is left still verifies from its checkpoint.
@Suite("Security: retention")
struct RetentionTests {
    @Test func pruningKeepsTheAuditChainVerifiableAndUnfinishedRequests() async throws {
        let store = try SQLiteApprovalStore.inMemory()
        let t0 = Date(timeIntervalSince1970: 1_790_000_000)
        let day: TimeInterval = 86_400
        func request(_ text: String) -> NewRequest {
            NewRequest(command: .init(intent: .restart, slots: ["app": .string("iris-classifier"), "env": .string("dev")], source: .rule, ruleID: nil),
                       requester: "alice", origin: MessageOrigin(platform: "slack", channel: "C1", thread: "1.1"), text: text, isDryRun: false)
        }
        let old = try await store.createRequest(request("old"), admission: .approved, at: t0)
        _ = try await store.claimForExecution(id: old.id, owner: ExecutionOwner(host: "h", pid: 1), leaseUntil: t0 + 60, at: t0 + 1)
        _ = try await store.finish(id: old.id, succeeded: true, result: "ok", at: t0 + 2)
        _ = try await store.recordDelivery(platform: "slack", id: "old-delivery", at: t0)
        let waiting = try await store.createRequest(request("waiting"), admission: .awaitingApproval(approvers: nil, quorum: 1, expiresAt: t0 + 100 * day), at: t0 + day)
        let recent = try await store.createRequest(request("recent"), admission: .refused(reason: "no"), at: t0 + 95 * day)

        let report = try await store.prune(before: t0 + 90 * day, at: t0 + 100 * day)
        #expect(report.requests == 1)
        #expect(report.deliveries == 1)
        #expect(report.auditEntries > 0)
        #expect(try await store.request(id: old.id) == nil)
        #expect(try await store.request(id: waiting.id)?.state == .awaitingApproval)
        #expect(try await store.request(id: recent.id) != nil)
        #expect(try await store.verifyAudit() == .intact(entries: try await store.auditEntries().count))
        // A replay of the pruned delivery is new again only because its request is gone too.
        #expect(try await store.recordDelivery(platform: "slack", id: "old-delivery", at: t0 + 100 * day) == .new)
        // Pruning twice is harmless, and the chain still verifies after more entries.
        _ = try await store.prune(before: t0 + 90 * day, at: t0 + 100 * day)
        _ = try await store.approve(id: waiting.id, approver: "bob", origin: nil, at: t0 + 99 * day)
        #expect(try await store.verifyAudit() == .intact(entries: try await store.auditEntries().count))
    }
}
