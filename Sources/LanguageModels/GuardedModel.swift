import ChatOpsMetrics
import Logging
import Synchronization

/// Every model the bot makes, wrapped: secrets are redacted before anything leaves, the prompt is
/// capped, the bot's own budget is kept, a provider's 429 is honoured (a short wait retried once,
/// a long one waited out without calling), a model that stops answering is left alone for a while
/// (a circuit breaker), and identical intent questions are answered from a short cache. The
/// caller learns of an outage once (`shouldAnnounceOutage`), not on every message.
public final class GuardedModel: LanguageModel {
    /// The provider's model, which only the guard calls.
    public let model: any LanguageModel
    public let limits: GuardLimits
    let redactor = SecretRedactor()
    let clock: GuardClock
    let logger: Logger
    private let state: Mutex<GuardState>

    public init(_ model: any LanguageModel, limits: GuardLimits = GuardLimits(), clock: GuardClock = .continuous,
                logger: Logger = Logger(label: "chatops.llm")) {
        self.model = model
        self.limits = limits
        self.clock = clock
        self.logger = logger
        state = Mutex(GuardState(limits: limits, model: model.description, at: clock.now()))
    }

    public var description: String { model.description }

    public func complete(_ request: ModelRequest) async throws(ModelError) -> ModelReply {
        let prepared = prepare(request)
        switch state.withLock({ $0.admit(prepared, at: clock.now()) }) {
        case .answer(let reply):
            logger.debug("model answer reused", metadata: ["task": "\(request.task)", "model": "\(model.description)"])
            return reply
        case .refuse(let error):
            logger.info("model not called", metadata: ["task": "\(request.task)", "reason": "\(error.description)"])
            throw error
        case .call:
            break
        }
        let started = clock.now()
        let called = await call(prepared)
        let outcome = state.withLock { $0.record(called, for: prepared, at: clock.now()) }
        log(outcome, task: request.task, took: clock.now() - started)
        return try outcome.get()
    }

    /// True once per outage (no answer, a rate limit, the budget used up), the first time it is
    /// asked: the caller says "the model is unavailable" once, then carries on quietly with rules.
    /// An answer ends the outage.
    public func shouldAnnounceOutage() -> Bool {
        state.withLock { $0.announceOutage() }
    }

    /// The request as it may leave: secrets redacted in the instructions and the prompt, the prompt capped.
    func prepare(_ request: ModelRequest) -> ModelRequest {
        var prepared = request
        let system = redactor.redact(request.system), prompt = redactor.redact(request.prompt)
        prepared.system = system.text
        prepared.prompt = PromptCap(maxCharacters: limits.maxPromptCharacters).apply(prompt.text)
        let redacted = system.redacted + prompt.redacted
        if !redacted.isEmpty {
            logger.info("secrets redacted before the model call",
                        metadata: ["task": "\(request.task)", "kinds": "\(redacted.joined(separator: ","))"])
        }
        return prepared
    }

    /// One call; a 429 that asks for a short wait is waited out and sent once more.
    func call(_ request: ModelRequest) async -> Result<ModelReply, ModelError> {
        let first: ModelError
        do { return .success(try await model.complete(request)) } catch { first = error }
        guard first.kind == .rateLimited, let seconds = first.retryAfterSeconds, .seconds(seconds) <= limits.maxRetryWait else {
            return .failure(first)
        }
        do { try await clock.sleep(.seconds(seconds)) } catch { return .failure(first) }
        do { return .success(try await model.complete(request)) } catch { return .failure(error) }
    }

    private func log(_ outcome: Result<ModelReply, ModelError>, task: String, took: Duration) {
        let milliseconds = took.components.seconds * 1000 + took.components.attoseconds / 1_000_000_000_000_000
        switch outcome {
        case .success(let reply):
            BotMetrics.modelCall(task: task, inputTokens: reply.inputTokens, outputTokens: reply.outputTokens, error: nil)
            logger.info("model answered", metadata: ["task": "\(task)", "model": "\(reply.model)", "ms": "\(milliseconds)"])
        case .failure(let error):
            BotMetrics.modelCall(task: task, inputTokens: nil, outputTokens: nil, error: error.kind.rawValue)
            logger.warning("model call failed", metadata: ["task": "\(task)", "kind": "\(error.kind.rawValue)",
                                                          "error": "\(error.description)", "ms": "\(milliseconds)"])
        }
    }
}
