import ChatOpsTestSupport
import Foundation
import LanguageModels
import Testing

@Suite("The guard every model call goes through: redaction, the size cap, the cache")
struct GuardedModelTests {
    @Test("secrets in the instructions and the prompt never reach the provider; the log names their kinds, not their values")
    func redaction() async throws {
        let fake = try await FakeGemini.answering()
        defer { Task { await fake.stop() } }
        let log = CapturedLog()
        let model = Models.guarded(fake, clock: ManualClock(), log: log)
        let token = "ghp_4Xb7TqR2mN9kLp0vWz3YcD8eF1gH6jK5sA2q"
        let prompt = "deploy failed: git clone https://x-access-token:\(token)@github.com/acme/iris.git\nDB_PASSWORD=hunter2"
        _ = try await model.complete(ModelRequest(task: "pipeline-triage", system: "Use Authorization: Bearer abcdefghijklmnop1234",
                                                  prompt: prompt))

        let sent = try #require(fake.requests.first)
        for secret in [token, "hunter2", "abcdefghijklmnop1234", Models.geminiKey] {
            #expect(!sent.bodyText.contains(secret))
        }
        #expect(sent.bodyText.contains("https://[REDACTED:credentials]@github.com/acme/iris.git"))
        #expect(sent.bodyText.contains("DB_PASSWORD=[REDACTED:password]"))
        let logged = log.lines.joined(separator: "\n")
        #expect(logged.contains("kinds=bearer,credentials,password"))
        for secret in [token, "hunter2", Models.geminiKey] { #expect(!logged.contains(secret)) }
    }

    @Test("a prompt over the cap loses its middle: head and tail kept, a marker saying how much went, the cap held")
    func sizeCap() async throws {
        let fake = try await FakeGemini.answering("ok")
        defer { Task { await fake.stop() } }
        var limits = GuardLimits()
        limits.maxPromptCharacters = 1000
        let model = Models.guarded(fake, limits: limits, clock: ManualClock())
        let head = "QUESTION: why did the job fail?\n", tail = "\nERROR: exit code 137 (OOMKilled)"
        let prompt = head + String(repeating: "log line that says nothing\n", count: 400) + tail
        _ = try await model.complete(ModelRequest(task: "pipeline-triage", system: "", prompt: prompt))

        let sent = try #require(fake.requests.first?.value?["contents"]?.array?.first?["parts"]?.array?.first?["text"]?.string)
        #expect(sent.count <= 1000)
        #expect(sent.count > 900)
        #expect(sent.hasPrefix(head))
        #expect(sent.hasSuffix(tail))
        #expect(sent.contains("characters cut from the middle to keep the prompt short"))
        let cut = prompt.count - (sent.count - PromptCapMarker.length(in: sent))
        #expect(sent.contains("[… \(cut) characters cut"))
        #expect(PromptCap(maxCharacters: 1000).apply("short") == "short")
    }

    @Test("an identical intent question within five minutes is answered without a call; other tasks and later ones call")
    func cache() async throws {
        let fake = try await FakeGemini.answering()
        defer { Task { await fake.stop() } }
        let clock = ManualClock()
        let model = Models.guarded(fake, clock: clock)
        let first = try await model.complete(IntentQuestion.request())
        let again = try await model.complete(IntentQuestion.request())
        #expect(again == first)
        #expect(fake.requests.count == 1)

        _ = try await model.complete(IntentQuestion.request("sync iris"))
        _ = try await model.complete(IntentQuestion.request(task: "drift"))
        _ = try await model.complete(IntentQuestion.request(task: "drift"))
        #expect(fake.requests.count == 4)

        clock.advance(.seconds(301))
        _ = try await model.complete(IntentQuestion.request())
        #expect(fake.requests.count == 5)
    }

    @Test("a failed answer is not cached")
    func failuresNotCached() async throws {
        let calls = Counter()
        let fake = try await FakePlatformAPI.start { _ in
            calls.next() == 1 ? .json(GeminiFixtures.response(text: "not json")) : .json(GeminiFixtures.response(text: IntentQuestion.answer))
        }
        defer { Task { await fake.stop() } }
        let model = Models.guarded(fake, clock: ManualClock())
        let error = await modelError { () async throws(ModelError) -> ModelReply in try await model.complete(IntentQuestion.request()) }
        #expect(error?.kind == .malformed)
        let reply = try await model.complete(IntentQuestion.request())
        #expect(reply.json?["intent"]?.string == "status")
        #expect(fake.requests.count == 2)
    }
}

/// The marker's length inside a capped prompt, to check the number it carries.
enum PromptCapMarker {
    static func length(in text: String) -> Int {
        guard let start = text.range(of: "\n[… "), let end = text.range(of: " …]\n") else { return 0 }
        return text.distance(from: start.lowerBound, to: end.upperBound)
    }
}
