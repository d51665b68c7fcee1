import Approvals
import ChatOpsCore
import CIPipelineBackend
import ChatOpsConfig
import ChatOpsTestSupport
import Conversation
import Execution
import Foundation
import ReplyModel
import RequestStore
import Testing

/// Collects what the bot says.
actor CollectingSink: ReplySink {
    private(set) var texts: [String] = []

    func send(_ reply: Reply, to origin: MessageOrigin) async -> MessageOrigin? {
        texts.append(PlainTextRenderer.render(reply))
        return nil
    }

    func update(_ posted: MessageOrigin, with reply: Reply) async {}
}

@Suite("retrain through the whole bot")
struct RetrainDryRunTests {
    /// alice asks; retrain is a change in prod (the pipeline's environment), so bob approves.
    func say(_ text: String, dryRun: Bool, fake: FakePlatformAPI) async throws -> [String] {
        let configuration = try TestBot.configuration()
        let executor = RetrainExecutor(client: FakeGitHub.client(fake), catalog: configuration.catalog, configFile: configuration.source)
        let bot = try TestBot.make(configuration: configuration, executors: [(executor, [.retrain])], isDryRun: dryRun)
        let sink = CollectingSink()
        for (who, words) in [("alice", text), ("bob", "approve 1")] {
            try await bot.handle(IncomingMessage(platformUser: "console:\(who)", origin: MessageOrigin(platform: "console", channel: "ops"),
                                                 text: words, isAddressedByPlatform: true), sink: sink)
        }
        let texts = await sink.texts
        #expect(texts.first?.hasPrefix("Request #1: retrain iris-classifier needs 1 approval from prod-approvers") == true)
        return texts
    }

    @Test("in dry-run, `retrain iris` shows the exact dispatch and GitHub receives no request")
    func dryRun() async throws {
        let fake = try await FakePlatformAPI.start { _ in FakeResponse(status: 204) }
        defer { Task { await fake.stop() } }
        let replies = try await say("retrain iris", dryRun: true, fake: fake)
        let body = #"{"inputs":{"experiment":"iris-classification","model":"iris-classifier"},"ref":"main"}"#
        #expect(replies.last == "Request #1 succeeded: Dry run: nothing was changed.\n"
                + "• would POST \(fake.baseURL)/repos/acme/iris-classifier/actions/workflows/train.yml/dispatches \(body)")
        #expect(fake.requests.isEmpty)
    }

    @Test("without dry-run, retrain (a change in prod, approved by bob) dispatches once")
    func realRun() async throws {
        let fake = try await FakePlatformAPI.start { _ in FakeResponse(status: 204) }
        defer { Task { await fake.stop() } }
        let replies = try await say("retrain iris", dryRun: false, fake: fake)
        #expect(replies.last?.hasPrefix("Request #1 succeeded: Started training for iris-classifier") == true)
        #expect(fake.requests.map { "\($0.method) \($0.path)" } == ["POST /repos/acme/iris-classifier/actions/workflows/train.yml/dispatches"])
    }
}
