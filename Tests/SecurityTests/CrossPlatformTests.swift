import Approvals
import ChatOpsCore
import Foundation
import RequestStore
import Testing

/// Findings 3 and 4: a request lives where it was made, and an approval counts only from a
/// person the configuration maps, whichever platform they click on.
@Suite("Security: across platforms")
struct CrossPlatformTests {
    /// A GitHub request approved from Slack: "Running…" and the result go to the GitHub issue;
    /// Slack hears only the acknowledgement, in bob's own thread, and nothing is sent to Slack
    /// with a GitHub repository as its channel.
    @Test func aGitHubRequestApprovedFromSlackIsReportedOnGitHub() async throws {
        let h = try await SecurityHarness.start()
        try await h.githubComment("/deploy iris v2.3 prod", login: People.aliceGitHubLogin, userID: People.aliceGitHubID)
        try await h.eventually("the approval prompt on GitHub") { h.githubComments.contains { $0.contains("needs 1 approval") } }

        try await h.slashCommand("/approve", "1", user: People.bobSlack)
        try await h.eventually("the result on GitHub") { h.githubComments.contains { $0.contains("Request #1 succeeded") } }
        await h.stop()

        #expect(h.deployer.executed.count == 1)
        #expect(h.githubComments.contains { $0.contains("Running request #1") })
        let slackTexts = h.slackPosts.map(\.slackText)
        #expect(slackTexts.contains { $0.contains("approved by bob") }, "\(slackTexts)")
        #expect(!slackTexts.contains { $0.contains("Running request #1") || $0.contains("succeeded") }, "\(slackTexts)")
        #expect(h.slackPosts.allSatisfy { $0.json?["channel"] as? String == People.slackChannel })
        // The GitHub prompt is updated with the decision, in place.
        #expect(h.github.requests.contains { $0.method == "PATCH" && ($0.json?["body"] as? String ?? "").contains("Approved by bob") })
    }

    /// With roles allowed in approver groups, a Discord user holding the role but mapped to no
    /// identity (here: possibly alice's own second account) cannot approve alice's Slack request.
    @Test func anUnmappedRoleHolderCannotApprove() async throws {
        let h = try await SecurityHarness.start(edit: {
            $0.replacingOccurrences(of: "prod-approvers: [bob, carol]", with: "prod-approvers: [bob, carol, discord-role:42]")
                .replacingOccurrences(of: "  unknown_users: none", with: "  unknown_users: none\n  allow_roles_in_approver_groups: true")
        })
        try await h.slashCommand("/deploy", "iris v2.3 prod", user: People.aliceSlack)
        try await h.eventually("the request") { try await h.store.request(id: 1)?.state == .awaitingApproval }

        try await h.discordClick(.approve, request: 1, user: People.malloryDiscord, roles: ["42"])
        try await h.eventually("the refusal on Discord") { h.discordTexts.contains { $0.contains("only people mapped to an identity") } }
        try await h.settle()
        #expect(try await h.store.request(id: 1)?.state == .awaitingApproval)
        #expect(try await h.store.request(id: 1)?.approvals.isEmpty == true)
        #expect(h.deployer.executed.isEmpty)

        // bob, mapped and holding the role, may.
        try await h.discordClick(.approve, request: 1, user: People.bobDiscord, roles: ["42"])
        try await h.eventually("the deploy ran") { h.deployer.executed.count == 1 }
        await h.stop()
        #expect(try await h.store.request(id: 1)?.approvals.map(\.approver) == ["bob"])
        // The result went to alice's Slack thread, not to Discord.
        #expect(h.slackPosts.contains { $0.slackText.contains("Request #1 succeeded") })
        #expect(!h.discordTexts.contains { $0.contains("Request #1 succeeded") })
    }
}
