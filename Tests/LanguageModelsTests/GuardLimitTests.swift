import ChatOpsTestSupport
import Foundation
import LanguageModels
import Testing

@Suite("The guard's limits: the bot's own budget, a provider's 429, the circuit breaker, one announcement per outage")
struct GuardLimitTests {
    func complete(_ model: GuardedModel, _ prompt: String = "is iris healthy?") async -> ModelError? {
        await modelError { () async throws(ModelError) -> ModelReply in try await model.complete(IntentQuestion.request(prompt)) }
    }

    @Test("per minute: the 4th call of a 3-a-minute budget is refused without a call, and goes once the minute refills")
    func minuteBudget() async throws {
        let fake = try await FakeGemini.answering()
        defer { Task { await fake.stop() } }
        let clock = ManualClock()
        var limits = GuardLimits()
        limits.requestsPerMinute = 3
        let model = Models.guarded(fake, limits: limits, clock: clock)
        for n in 1...3 { #expect(await complete(model, "question \(n)") == nil) }
        let refused = try #require(await complete(model, "question 4"))
        #expect(refused.kind == .rateLimited)
        #expect(refused.description.contains("the bot's own budget of 3 model calls a minute is used up"))
        #expect(refused.retryAfterSeconds == 20)
        #expect(fake.requests.count == 3)

        clock.advance(.seconds(20))
        #expect(await complete(model, "question 5") == nil)
        #expect(fake.requests.count == 4)
    }

    @Test("per day: the day's budget holds even when the minute's has room")
    func dayBudget() async throws {
        let fake = try await FakeGemini.answering()
        defer { Task { await fake.stop() } }
        let clock = ManualClock()
        var limits = GuardLimits()
        limits.requestsPerDay = 2
        let model = Models.guarded(fake, limits: limits, clock: clock)
        #expect(await complete(model, "one") == nil)
        clock.advance(.seconds(120))
        #expect(await complete(model, "two") == nil)
        clock.advance(.seconds(120))
        let refused = try #require(await complete(model, "three"))
        #expect(refused.description.contains("budget of 2 model calls a day"))
        #expect(fake.requests.count == 2)
    }

    @Test("a 429 asking for a short wait (RetryInfo 26s, 30s allowed) is waited out and sent once more")
    func shortRetry() async throws {
        let fake = try await FakeGemini.rateLimitedOnce()
        defer { Task { await fake.stop() } }
        let clock = ManualClock()
        var limits = GuardLimits()
        limits.maxRetryWait = .seconds(30)
        let model = Models.guarded(fake, limits: limits, clock: clock)
        #expect(await complete(model) == nil)
        #expect(clock.sleeps == [.seconds(26)])
        #expect(fake.requests.count == 2)
    }

    @Test("a 429 asking for longer fails at once, and the provider is not called again before the wait is over")
    func longWaitHonoured() async throws {
        let fake = try await FakeGemini.rateLimitedOnce()
        defer { Task { await fake.stop() } }
        let clock = ManualClock()
        let model = Models.guarded(fake, clock: clock)
        let first = try #require(await complete(model, "one"))
        #expect(first.kind == .rateLimited)
        #expect(first.retryAfterSeconds == 26)
        #expect(clock.sleeps.isEmpty)

        clock.advance(.seconds(20))
        let held = try #require(await complete(model, "two"))
        #expect(held.kind == .rateLimited)
        #expect(held.retryAfterSeconds == 6)
        #expect(fake.requests.count == 1)

        clock.advance(.seconds(6))
        #expect(await complete(model, "three") == nil)
        #expect(fake.requests.count == 2)
    }

    @Test("a 429 naming no wait is not retried, and the provider is left alone for a while")
    func minimal429() async throws {
        let fake = try await FakePlatformAPI.start { _ in .json(GeminiFixtures.rateLimitedMinimal, status: 429) }
        defer { Task { await fake.stop() } }
        let clock = ManualClock()
        let model = Models.guarded(fake, clock: clock)
        #expect(await complete(model, "one")?.kind == .rateLimited)
        #expect(await complete(model, "two")?.retryAfterSeconds == 15)
        #expect(fake.requests.count == 1)
    }

    @Test("three calls in a row with no answer open the breaker: no call for 60s, then one trial that closes it")
    func breaker() async throws {
        let fake = try await FakePlatformAPI.start { request in
            if request.bodyText.contains("recovered") { return .json(GeminiFixtures.response(text: IntentQuestion.answer)) }
            return .json(#"{"error":{"code":503,"message":"The model is overloaded.","status":"UNAVAILABLE"}}"#, status: 503)
        }
        defer { Task { await fake.stop() } }
        let clock = ManualClock()
        let model = Models.guarded(fake, clock: clock)
        for n in 1...2 { #expect(await complete(model, "try \(n)")?.kind == .unavailable) }
        let third = try #require(await complete(model, "try 3"))
        #expect(third.description.contains("after 3 calls in a row with no answer the model is not asked for 60s"))

        let open = try #require(await complete(model, "try 4"))
        #expect(open.kind == .unavailable)
        #expect(open.description.hasPrefix("the model is not answering; the bot carries on with rules alone"))
        #expect(fake.requests.count == 3)

        clock.advance(.seconds(61))
        let trial = try #require(await complete(model, "trial"))
        #expect(trial.kind == .unavailable)
        #expect(fake.requests.count == 4)
        #expect(await complete(model, "recovered")?.kind == .unavailable)
        #expect(fake.requests.count == 4)

        clock.advance(.seconds(61))
        #expect(await complete(model, "recovered") == nil)
        #expect(await complete(model, "recovered again") == nil)
        #expect(fake.requests.count == 6)
    }

    @Test("timeouts count as no answer for the breaker")
    func timeoutsOpenTheBreaker() async throws {
        let fake = try await FakeGemini.slow(.seconds(2))
        defer { Task { await fake.stop() } }
        let model = Models.guarded(fake, clock: ManualClock(), timeout: .milliseconds(200))
        for n in 1...3 { #expect(await complete(model, "try \(n)")?.kind == .unavailable) }
        let open = try #require(await complete(model, "try 4"))
        #expect(open.description.hasPrefix("the model is not answering"))
        #expect(fake.requests.count == 3)
    }

    @Test("an outage is announced once, and again only after the model has answered in between")
    func announceOnce() async throws {
        let fake = try await FakePlatformAPI.start { request in
            request.bodyText.contains("down")
                ? .json(#"{"error":{"code":500,"message":"Internal error","status":"INTERNAL"}}"#, status: 500)
                : .json(GeminiFixtures.response(text: IntentQuestion.answer))
        }
        defer { Task { await fake.stop() } }
        let model = Models.guarded(fake, clock: ManualClock())
        #expect(!model.shouldAnnounceOutage())
        _ = await complete(model, "down 1")
        #expect(model.shouldAnnounceOutage())
        _ = await complete(model, "down 2")
        #expect(!model.shouldAnnounceOutage())
        #expect(await complete(model, "up") == nil)
        #expect(!model.shouldAnnounceOutage())
        _ = await complete(model, "down 3")
        #expect(model.shouldAnnounceOutage())
    }
}
