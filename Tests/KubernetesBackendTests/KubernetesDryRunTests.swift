import Approvals
import ChatOpsCore
import ChatOpsTestSupport
import Conversation
import KubernetesBackend
import ReplyModel
import RequestStore
import Testing

/// What the bot says, as plain text.
actor CollectedReplies: ReplySink {
    private(set) var texts: [String] = []

    func send(_ reply: Reply, to origin: MessageOrigin) async -> MessageOrigin? {
        texts.append(PlainTextRenderer.render(reply))
        return MessageOrigin(platform: origin.platform, channel: origin.channel, messageID: "m\(texts.count)")
    }

    func update(_ posted: MessageOrigin, with reply: Reply) async {}
}

@Suite("Kubernetes mutations in dry-run show the exact calls and send none")
struct KubernetesDryRunTests {
    func say(_ user: String, _ text: String, to bot: ChatBot) async throws -> [String] {
        let replies = CollectedReplies()
        let message = IncomingMessage(platformUser: "console:\(user)", origin: MessageOrigin(platform: "console", channel: "ops"),
                                      text: text, isAddressedByPlatform: true)
        try await bot.handle(message, sink: replies)
        return await replies.texts
    }

    @Test("scale iris to 3 in staging: the read and the merge patch, method, URL and body; no PATCH reaches the server")
    func scale() async throws {
        let fake = try await FakePlatformAPI.start { _ in .json(KubeFixtures.scale(1)) }
        defer { Task { await fake.stop() } }
        let bot = try TestBot.make(configuration: KubeHarness.configuration, executors: KubeHarness.context(fake).executors, isDryRun: true)
        let replies = try await say("alice", "scale iris to 3 in staging", to: bot)
        let scale = "\(fake.baseURL)/apis/apps/v1/namespaces/ml-staging/deployments/iris-classifier/scale"
        #expect(replies.last?.hasSuffix("""
            Dry run: nothing was changed.
            • would GET \(scale)
            • would PATCH \(scale) {"spec":{"replicas":3}}
            """) == true, "\(replies)")
        #expect(fake.requests.isEmpty)
    }

    @Test("restart iris in prod, approved: the restartedAt patch is shown, not sent")
    func restart() async throws {
        let fake = try await FakePlatformAPI.start { _ in .json("{}") }
        defer { Task { await fake.stop() } }
        let bot = try TestBot.make(configuration: KubeHarness.configuration, executors: KubeHarness.context(fake).executors, isDryRun: true)
        _ = try await say("alice", "restart iris in prod", to: bot)
        let replies = try await say("bob", "approve 1", to: bot)
        #expect(replies.last?.hasSuffix("""
            Dry run: nothing was changed.
            • would PATCH \(fake.baseURL)/apis/apps/v1/namespaces/ml-prod/deployments/iris-classifier?fieldManager=chatops \
            {"spec":{"template":{"metadata":{"annotations":{"kubectl.kubernetes.io/restartedAt":"2026-11-21T19:10:55Z"}}}}}
            """) == true, "\(replies)")
        #expect(fake.requests.isEmpty)
    }
}
