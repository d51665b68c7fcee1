import ChatOpsTestSupport
import Foundation
import LanguageModels
import Testing

@Suite("Gemini's failures, each a ModelError of the right kind that says what to check")
struct GeminiErrorTests {
    func failure(_ answer: FakeResponse, timeout: Duration = .seconds(60),
                 request: ModelRequest = IntentQuestion.request()) async throws -> ModelError {
        let fake = try await FakePlatformAPI.start { _ in answer }
        defer { Task { await fake.stop() } }
        let model = Models.gemini(fake, timeout: timeout)
        return try #require(await modelError { () async throws(ModelError) -> ModelReply in try await model.complete(request) })
    }

    @Test("429 with RetryInfo (the captured body): rate limited, the 26s it asks for, Google's words")
    func rateLimitedWithRetryInfo() async throws {
        let error = try await failure(.json(GeminiFixtures.rateLimitedWithDetails, status: 429))
        #expect(error.kind == .rateLimited)
        #expect(error.retryAfterSeconds == 26)
        #expect(error.description.contains("RESOURCE_EXHAUSTED: You exceeded your current quota"))
    }

    @Test("429 minimal (the captured body) names no wait; a Retry-After header is read when there is one")
    func rateLimitedMinimal() async throws {
        let bare = try await failure(.json(GeminiFixtures.rateLimitedMinimal, status: 429))
        #expect(bare.kind == .rateLimited)
        #expect(bare.retryAfterSeconds == nil)
        #expect(bare.description.contains("Resource has been exhausted"))
        let withHeader = try await failure(.json(GeminiFixtures.rateLimitedMinimal, status: 429, headers: ["Retry-After": "7"]))
        #expect(withHeader.retryAfterSeconds == 7)
    }

    @Test("500 and 503 are unavailable")
    func serverError() async throws {
        let body = #"{"error":{"code":500,"message":"An internal error has occurred.","status":"INTERNAL"}}"#
        let error = try await failure(.json(body, status: 500))
        #expect(error.kind == .unavailable)
        #expect(error.description.contains("Gemini answered 500"))
        let overloaded = #"{"error":{"code":503,"message":"The model is overloaded. Please try again later.","status":"UNAVAILABLE"}}"#
        #expect(try await failure(.json(overloaded, status: 503)).kind == .unavailable)
    }

    @Test("no answer within the timeout is unavailable, and says which setting bounds it")
    func timeout() async throws {
        // The fake would answer after 60 s; the call gives up long before. The bound is loose: with
        // the whole suite running on two cores, giving up on a 0.3 s deadline has taken 6 s.
        let fake = try await FakeGemini.slow(.seconds(60))
        defer { Task { await fake.stop() } }
        let model = Models.gemini(fake, timeout: .milliseconds(300))
        let started = ContinuousClock.now
        let error = try #require(await modelError { () async throws(ModelError) -> ModelReply in
            try await model.complete(IntentQuestion.request())
        })
        #expect(error.kind == .unavailable)
        #expect(error.description.contains("did not answer within 0.3s (llm.timeout)"))
        #expect(ContinuousClock.now - started < .seconds(30))
    }

    @Test("nobody listening is unavailable")
    func unreachable() async throws {
        let model = GeminiModel(model: "gemini-2.5-flash-lite", endpoint: .geminiAPI(baseURL: "http://127.0.0.1:9/v1beta", key: "k"),
                                pool: TestHTTP.pool, timeout: .seconds(1))
        let error = try #require(await modelError { () async throws(ModelError) -> ModelReply in
            try await model.complete(IntentQuestion.request())
        })
        #expect(error.kind == .unavailable)
        #expect(error.description.contains("could not be reached at /v1beta/models/gemini-2.5-flash-lite:generateContent"))
    }

    @Test("an answer cut at the output limit (MAX_TOKENS) is malformed and says it was truncated")
    func truncated() async throws {
        let cut = GeminiFixtures.response(text: #"{"intent":"status","app":"iris-cla"#, finishReason: "MAX_TOKENS")
        let error = try await failure(.json(cut))
        #expect(error.kind == .malformed)
        #expect(error.description.contains("cut at the output limit of 256 tokens (MAX_TOKENS)"))
    }

    @Test("text that is not JSON where JSON was asked is malformed, quoting its start")
    func notJSON() async throws {
        let error = try await failure(.json(GeminiFixtures.response(text: "The intent is status, I think.")))
        #expect(error.kind == .malformed)
        #expect(error.description.contains("was asked for JSON and answered something else: The intent is status"))
        let envelope = try await failure(.json("<html>proxy error</html>"))
        #expect(envelope.kind == .malformed)
    }

    @Test("a blocked prompt and an answer stopped for safety are malformed with Google's reason")
    func safety() async throws {
        let blocked = try await failure(.json(GeminiFixtures.promptBlocked("SAFETY")))
        #expect(blocked.kind == .malformed)
        #expect(blocked.description.contains("blocked the prompt and gave no answer (SAFETY)"))
        let stopped = try await failure(.json(GeminiFixtures.response(text: nil, finishReason: "SAFETY")))
        #expect(stopped.kind == .malformed)
        #expect(stopped.description.contains("stopped its answer (SAFETY)"))
        let recitation = try await failure(.json(GeminiFixtures.response(text: "…", finishReason: "RECITATION")))
        #expect(recitation.description.contains("RECITATION"))
    }

    @Test("a wrong key (400 API_KEY_INVALID) and a wrong model (404) are refused, naming the setting to check")
    func refused() async throws {
        let badKey = #"{"error":{"code":400,"message":"API key not valid. Please pass a valid API key.","status":"INVALID_ARGUMENT","#
            + #""details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"API_KEY_INVALID"}]}}"#
        let key = try await failure(.json(badKey, status: 400))
        #expect(key.kind == .refused)
        #expect(key.description.contains("CHATOPS_GEMINI_API_KEY"))
        #expect(!key.description.contains(Models.geminiKey))
        let missing = #"{"error":{"code":404,"message":"models/gemini-9 is not found for API version v1beta","status":"NOT_FOUND"}}"#
        let model = try await failure(.json(missing, status: 404))
        #expect(model.kind == .refused)
        #expect(model.description.contains("CHATOPS_GEMINI_MODEL"))
        let forbidden = try await failure(.json(#"{"error":{"code":403,"message":"denied","status":"PERMISSION_DENIED"}}"#, status: 403))
        #expect(forbidden.kind == .refused)
    }

    @Test("a provider message that quotes the key never carries it further")
    func keyNotQuoted() async throws {
        let quoting = #"{"error":{"code":400,"message":"API key \#(Models.geminiKey) not valid","status":"INVALID_ARGUMENT"}}"#
        let error = try await failure(.json(quoting, status: 400))
        #expect(!error.description.contains(Models.geminiKey))
        #expect(error.description.contains("<redacted>"))
    }
}
