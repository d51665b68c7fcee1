import ChatOpsCore
import ChatOpsTestSupport
import Conversation
import Foundation
import KubernetesBackend
import Testing

/// Approvers see the change as the cluster has it: "payments-api in prod: 3 → 5 replicas", read
/// from the deployment's scale subresource when the request starts to wait; when that read fails,
/// the prompt says so and shows the intended change.
@Suite("Kubernetes changes in the approval prompt", .serialized)
struct KubernetesApprovalPromptTests {
    func ask(_ text: String, answering respond: @escaping FakePlatformAPI.Respond) async throws -> (String, [RecordedRequest]) {
        let fake = try await FakePlatformAPI.start(respond)
        let bot = try TestBot.make(configuration: KubeHarness.configuration, executors: KubeHarness.context(fake, readAttempts: 1).executors)
        let replies = RecordingSink()
        try await bot.handle(IncomingMessage(platformUser: "console:alice", origin: MessageOrigin(platform: "console", channel: "ops"),
                                             text: text, isAddressedByPlatform: true), sink: replies)
        await fake.stop()
        return (await replies.texts.joined(separator: "\n"), fake.requests)
    }

    @Test func aProdScaleShowsTheReplicasNowAndAfter() async throws {
        let (prompt, calls) = try await ask("scale payments to 5 in prod") { _ in .json(KubeFixtures.scale(3)) }
        #expect(prompt.contains("needs 1 approval from prod-approvers"), "\(prompt)")
        #expect(prompt.contains("payments-api in prod: 3 → 5 replicas"), "\(prompt)")
        #expect(prompt.contains("• will scale payments-prod/payments-api to 5 replicas"))
        #expect(calls.map { "\($0.method) \($0.path)" } == ["GET /apis/apps/v1/namespaces/payments-prod/deployments/payments-api/scale"],
                "only a read before the approval")
    }

    @Test func aFailingReadIsSaidAndTheIntendedChangeShown() async throws {
        let (prompt, _) = try await ask("scale payments to 5 in prod") { _ in
            .json(KubeFixtures.status(503, "ServiceUnavailable", "the server is currently unable to handle the request"), status: 503)
        }
        #expect(prompt.contains("payments-api in prod: → 5 replicas"), "\(prompt)")
        #expect(prompt.contains("Could not read the current state ("), "\(prompt)")
        #expect(prompt.contains("this is the intended change"))
        #expect(prompt.contains("• will scale payments-prod/payments-api to 5 replicas"))
    }
}
