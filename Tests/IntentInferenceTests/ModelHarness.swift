import ChatOpsApp
import ChatOpsCore
import ChatOpsTestSupport
import Conversation
import Foundation
import Logging
import RequestStore
import Synchronization

/// The bot as `chatops say` builds it (the composition root, the shipped rules, prompts and
/// example configuration), with Gemini chosen by its settings and pointed at an in-process fake
/// that answers `generateContent` as Gemini does, with the JSON each test scripts. The backends
/// are a FakeExecutor, so what ran is counted.
final class ModelHarness: Sendable {
    let app: ChatOpsApp
    let gemini: FakePlatformAPI
    let executor: FakeExecutor
    let sink = RecordingSink()
    let clock: TestClock
    private let answers: Answers

    static let apiKey = "AIzaSyTEST-KEY-0000000000000000000000"

    private init(app: ChatOpsApp, gemini: FakePlatformAPI, executor: FakeExecutor, clock: TestClock, answers: Answers) {
        self.app = app
        self.gemini = gemini
        self.executor = executor
        self.clock = clock
        self.answers = answers
    }

    /// `status`: what the fake Gemini answers (200 with the scripted text, or an error status).
    /// `realIntents`: intents left to the real backends (configured by `environment`), not the FakeExecutor.
    static func start(identities: [String: String] = [:], environment: [String: String] = [:], realIntents: Set<Intent> = [],
                      respond: FakePlatformAPI.Respond? = nil) async throws -> ModelHarness {
        let answers = Answers()
        let scripted: FakePlatformAPI.Respond = { _ in
            let text = answers.queue.withLock { $0.isEmpty ? #"{"intent":"none","slots":{},"confidence":0.1,"paraphrase":""}"# : $0.removeFirst() }
            return .json(GeminiAnswer.response(text: text))
        }
        let gemini = try await FakePlatformAPI.start(respond ?? scripted)
        let folder = try TemporaryDirectory()
        let config = try folder.write("chatops.yaml", try TestBot.configurationText(identities: identities))
        let executor = FakeExecutor()
        let clock = TestClock(Date())
        var logger = Logger(label: "model-harness")
        logger.logLevel = .critical
        let settings = ["CHATOPS_GEMINI_API_KEY": apiKey, "CHATOPS_GEMINI_API_URL": gemini.baseURL, "CHATOPS_LLM_TIMEOUT": "30s"]
        do {
            let app = try await ChatOpsApp.load(AppOptions(
                configPath: config, rulesPath: RepositoryPaths.rules, promptsPath: RepositoryPaths.prompts,
                store: try SQLiteApprovalStore.inMemory(), environment: settings.merging(environment) { _, new in new }, logger: logger,
                executorOverrides: [(executor, Intent.allCases.filter {
                    ![.approve, .deny, .freeze, .unfreeze, .help].contains($0) && !realIntents.contains($0)
                })],
                now: { clock.now }))
            return ModelHarness(app: app, gemini: gemini, executor: executor, clock: clock, answers: answers)
        } catch {
            await gemini.stop()
            throw error
        }
    }

    /// The next answers the fake Gemini gives, in order (then "none").
    func script(_ texts: String...) { answers.queue.withLock { $0.append(contentsOf: texts) } }

    /// A proposal as the model writes it.
    func propose(_ intent: String, _ slots: [String: Any] = [:], confidence: Double = 0.92, paraphrase: String = "as asked") {
        let object: [String: Any] = ["intent": intent, "slots": slots, "confidence": confidence, "paraphrase": paraphrase]
        script(String(decoding: try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self))
    }

    /// `user` says `text` on the console (addressed, as `chatops say` speaks); the replies.
    @discardableResult
    func say(_ user: String, _ text: String, platform: String = "console", channel: String = "ops", thread: String? = nil) async throws -> String {
        await sink.clear()
        let message = IncomingMessage(platformUser: "\(platform):\(user)",
                                      origin: MessageOrigin(platform: platform, channel: channel, thread: thread),
                                      text: text, isAddressedByPlatform: true)
        try await app.bot.handle(message, sink: sink)
        return await sink.texts.joined(separator: "\n")
    }

    /// How many times the model was asked.
    var modelCalls: Int { gemini.requests.count }

    func stop() async {
        await app.shutdown()
        await gemini.stop()
    }
}

/// Gemini's `generateContent` answer (the shape of the captured cookbook response) carrying `text`.
enum GeminiAnswer {
    static func response(text: String, finishReason: String = "STOP") -> String {
        let envelope: [String: Any] = [
            "candidates": [["content": ["parts": [["text": text]], "role": "model"], "finishReason": finishReason, "index": 0]],
            "usageMetadata": ["promptTokenCount": 812, "candidatesTokenCount": 41, "totalTokenCount": 853],
            "modelVersion": "gemini-2.5-flash-lite",
        ]
        return String(decoding: try! JSONSerialization.data(withJSONObject: envelope, options: [.sortedKeys]), as: UTF8.self)
    }
}

/// The answers a test scripted for the fake Gemini, in order.
final class Answers: Sendable {
    let queue = Mutex<[String]>([])
}
