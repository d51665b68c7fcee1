import ChatOpsTestSupport
import Foundation
import LanguageModels
import Synchronization

/// A clock tests move by hand; a wait the guard asks for moves it at once, and is remembered.
final class ManualClock: Sendable {
    let start = ContinuousClock.now
    private let offset = Mutex(Duration.zero)
    private let waits = Mutex<[Duration]>([])

    var sleeps: [Duration] { waits.withLock { $0 } }

    func advance(_ duration: Duration) { offset.withLock { $0 += duration } }

    var guardClock: GuardClock {
        GuardClock(now: { self.start + self.offset.withLock { $0 } },
                   sleep: { duration in
                       self.waits.withLock { $0.append(duration) }
                       self.advance(duration)
                   })
    }
}

/// Models pointed at in-process fakes.
enum Models {
    /// Shaped like a real Gemini key (AIza and 35 more), so a leak would also be a redaction miss.
    static let geminiKey = "AIzaSyDfakeKEY0123456789abcdefghijklmno"

    static func gemini(_ fake: FakePlatformAPI, timeout: Duration = .seconds(60)) -> GeminiModel {
        GeminiModel(model: "gemini-2.5-flash-lite", endpoint: .geminiAPI(baseURL: fake.baseURL + "/v1beta", key: geminiKey),
                    pool: TestHTTP.pool, timeout: timeout)
    }

    static func openAI(_ fake: FakePlatformAPI, key: String? = nil) -> OpenAICompatibleModel {
        OpenAICompatibleModel(model: "local", baseURL: fake.baseURL + "/v1", key: key, pool: TestHTTP.pool, timeout: .seconds(10))
    }

    /// A guarded Gemini on a manual clock; `limits` as given (tests set what they check).
    static func guarded(_ fake: FakePlatformAPI, limits: GuardLimits = GuardLimits(), clock: ManualClock,
                        log: CapturedLog = CapturedLog(), timeout: Duration = .seconds(60)) -> GuardedModel {
        GuardedModel(gemini(fake, timeout: timeout), limits: limits, clock: clock.guardClock, logger: log.logger)
    }
}

extension RecordedRequest {
    /// The body as the bot's own JSON value.
    var value: JSONValue? { JSONValue.parse(bodyText) }
}

/// A ModelError thrown by `body`, or nil when it threw nothing.
func modelError(_ body: () async throws(ModelError) -> ModelReply) async -> ModelError? {
    do {
        _ = try await body()
        return nil
    } catch {
        return error
    }
}

/// Fake Gemini servers answering with the captured shapes.
enum FakeGemini {
    /// `text` (the intent answer unless told) in the captured envelope, to every call.
    static func answering(_ text: String = IntentQuestion.answer) async throws -> FakePlatformAPI {
        try await FakePlatformAPI.start { _ in .json(GeminiFixtures.response(text: text)) }
    }

    /// The captured 429 with RetryInfo (26s) to the first call, the intent answer after.
    static func rateLimitedOnce() async throws -> FakePlatformAPI {
        let calls = Counter()
        return try await FakePlatformAPI.start { _ in
            calls.next() == 1 ? .json(GeminiFixtures.rateLimitedWithDetails, status: 429)
                : .json(GeminiFixtures.response(text: IntentQuestion.answer))
        }
    }

    /// Answers only after `delay`: longer than the tests' short timeouts.
    static func slow(_ delay: Duration = .seconds(2)) async throws -> FakePlatformAPI {
        try await FakePlatformAPI.start { _ in
            try? await Task.sleep(for: delay)
            return .json(GeminiFixtures.response(text: IntentQuestion.answer))
        }
    }
}
