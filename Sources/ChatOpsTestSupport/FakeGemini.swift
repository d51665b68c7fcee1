import Foundation
import Synchronization

/// Gemini's `generateContent` as the platform tests need it: an in-process fake that answers each
/// call with the next proposal a test scripted (then "none"), wrapped in the response envelope
/// Gemini sends. `environment` points the bot at it (merge it into `PlatformHarness.Options`).
public final class FakeGemini: Sendable {
    public static let apiKey = "AIzaSyFAKE-PLATFORM-0000000000000000000"

    public let api: FakePlatformAPI
    private let proposals: Proposals

    private init(api: FakePlatformAPI, proposals: Proposals) {
        self.api = api
        self.proposals = proposals
    }

    public static func start() async throws -> FakeGemini {
        let proposals = Proposals()
        let api = try await FakePlatformAPI.start { _ in .json(envelope(carrying: proposals.next())) }
        return FakeGemini(api: api, proposals: proposals)
    }

    /// The settings that choose Gemini and send it here.
    public var environment: [String: String] {
        ["CHATOPS_GEMINI_API_KEY": Self.apiKey, "CHATOPS_GEMINI_API_URL": api.baseURL, "CHATOPS_LLM_TIMEOUT": "5s"]
    }

    /// The model's next answer: `intent` with `slots`, as confident as a clear reading is.
    public func propose(_ intent: String, _ slots: [String: String], paraphrase: String = "as asked") {
        let proposal: [String: Any] = ["intent": intent, "slots": slots, "confidence": 0.92, "paraphrase": paraphrase]
        proposals.append(Self.json(proposal))
    }

    /// How many times the bot asked the model.
    public var calls: Int { api.requests.count }

    public func stop() async { await api.stop() }

    /// The answer's JSON text as the one part of the one candidate, with its usage and model.
    public static func envelope(carrying text: String) -> String {
        let part: [String: Any] = ["text": text]
        let content: [String: Any] = ["role": "model", "parts": [part]]
        let candidate: [String: Any] = ["index": 0, "finishReason": "STOP", "content": content]
        let usage: [String: Any] = ["promptTokenCount": 640, "candidatesTokenCount": 38, "totalTokenCount": 678]
        return json(["candidates": [candidate], "usageMetadata": usage, "modelVersion": "gemini-2.5-flash-lite"])
    }

    static func json(_ object: [String: Any]) -> String {
        String(decoding: (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data(), as: UTF8.self)
    }
}

/// The scripted answers, taken in order across the fake's concurrent handlers.
private final class Proposals: Sendable {
    static let none = #"{"confidence":0.1,"intent":"none","paraphrase":"","slots":{}}"#
    private let queue = Mutex<[String]>([])

    func append(_ text: String) { queue.withLock { $0.append(text) } }

    func next() -> String { queue.withLock { $0.isEmpty ? Self.none : $0.removeFirst() } }
}
