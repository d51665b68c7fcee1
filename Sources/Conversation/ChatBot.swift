import Approvals
import ChatOpsCore
import ChatOpsConfig
import Execution
import Foundation
import Logging
import Understanding

/// One message through the whole path: understand → policy → approval → execute → reply.
/// The same object serves the console and every chat platform; it holds no mutable state
/// (the store does), so any number of messages may be handled at once.
public struct ChatBot: Sendable {
    /// The rules, policy, catalog and executors in force: swapped whole by `reload`, so a message
    /// is handled by one set from start to end of each step.
    let loaded: LoadedSet
    var classifier: RuleClassifier { loaded.current.classifier }
    var policy: Policy { loaded.current.policy }
    var policyEngine: PolicyEngine { loaded.current.policyEngine }
    var catalog: Catalog { loaded.current.catalog }
    var runner: ExecutionRunner { loaded.current.runner }
    public let store: any ApprovalStore
    let isDryRun: Bool
    let owner: ExecutionOwner
    let crashpoint: Crashpoint
    /// The clock the bot reads (tests set it).
    public let now: @Sendable () -> Date
    /// How long an execution may go without renewing its lease before recovery calls it interrupted.
    let lease: TimeInterval
    /// Commands per person and per channel.
    let limiter: CommandRateLimiter
    /// The LLM intent layer, when a model is configured: asked only about addressed messages no
    /// rule understood.
    let inference: ModelInference?
    /// What the bot decided and did about each request, with the inbound request's id.
    let logger: Logger

    public init(classifier: RuleClassifier, policy: Policy, catalog: Catalog, store: any ApprovalStore,
                registry: ExecutorRegistry, isDryRun: Bool, owner: ExecutionOwner = .current,
                crashpoint: Crashpoint = Crashpoint(armed: nil), lease: TimeInterval = 60,
                limiter: CommandRateLimiter = .unlimited, inference: ModelInference? = nil,
                logger: Logger = Logger(label: "chatops.bot"), now: @escaping @Sendable () -> Date = { Date() }) {
        loaded = LoadedSet(BotRules(classifier: classifier, policy: policy, catalog: catalog, registry: registry))
        self.store = store
        self.isDryRun = isDryRun
        self.owner = owner
        self.crashpoint = crashpoint
        self.lease = lease
        self.limiter = limiter
        self.inference = inference
        self.logger = logger
        self.now = now
    }

    /// Handles one message: a repeated delivery is answered without acting again.
    @discardableResult
    public func handle(_ message: IncomingMessage, sink: any ReplySink) async throws -> HandlingOutcome {
        guard let delivery = message.deliveryID else {
            try await process(message, sink: sink)
            return .handled
        }
        if case .repeated(let reply) = try await claimDelivery(platform: message.origin.platform, id: delivery) {
            return .duplicate(previousReply: reply)
        }
        try await handleClaimed(message, sink: sink)
        return .handled
    }

    /// Records a platform delivery before anything is said or done about it: a repeat (a retry,
    /// a replayed request) finds it here and acts no more. Adapters that answer the platform before
    /// the bot handles a message claim first, with the `work` that handling it takes (kept until
    /// the delivery completes: a restart resumes it), then `handleClaimed`.
    public func claimDelivery(platform: String, id: String, work: [UInt8]? = nil) async throws -> DeliveryStatus {
        try await store.recordDelivery(platform: platform, id: id, at: now(), work: work)
    }

    /// Handles a message whose delivery was claimed as new, and remembers what it answered. A
    /// failure is remembered too (and rethrown): a delivery that failed is not resumed later.
    public func handleClaimed(_ message: IncomingMessage, sink: any ReplySink) async throws {
        guard let delivery = message.deliveryID else { return try await process(message, sink: sink) }
        crashpoint.reach("before-handling")
        let recorder = RecordingReplySink(next: sink)
        do {
            try await process(message, sink: recorder)
        } catch {
            try? await completeDelivery(platform: message.origin.platform, id: delivery,
                                        reply: (await recorder.texts + ["(failed)"]).joined(separator: "\n"))
            throw error
        }
        try await completeDelivery(platform: message.origin.platform, id: delivery, reply: await recorder.texts.joined(separator: "\n"))
    }

    /// Records what a claimed delivery came to, when it ends without the bot handling it (its
    /// thread could not be started; it was too old to resume). Its stored work is forgotten.
    public func completeDelivery(platform: String, id: String, reply: String) async throws {
        try await store.completeDelivery(platform: platform, id: id, reply: reply)
    }

    /// Deliveries acknowledged with their work and never handled, received before `before` (the
    /// start of this process: later ones are this process's own, in flight).
    public func pendingDeliveries(receivedBefore before: Date) async throws -> [PendingDelivery] {
        try await store.pendingDeliveries(receivedBefore: before)
    }

    func process(_ original: IncomingMessage, sink: any ReplySink) async throws {
        var message = original
        var builtIn: Result<ParsedCommand, SlotProblem>?
        // Answers to the bot's own questions and votes on its analyses, read from the screened text
        // once; in an incident's thread, its short forms ("roll back") name the incident's app, and
        // its silence and a pipeline failure's re-run (buttons, or `silence 2h` there) are built-in commands, not a rule match.
        if case .success(let screened) = classifier.screen.screen(message.text, addressedByPlatform: message.isAddressedByPlatform) {
            let body = screened.body.lowercased()
            if try await answerConfirmation(message, body: body, sink: sink) { return }
            if try await recordFeedback(message, body: body, sink: sink) { return }
            let expanded = await expandingIncidentWords(message, screenedBody: screened.body, isAddressed: screened.isAddressed)
            if screened.isAddressed {
                // An expansion is already a plain command, as the screen would leave it.
                builtIn = BuiltInCommands.parse(expanded == message ? screened.body : expanded.text, normalizer: classifier.normalizer)
            }
            message = expanded
        }
        let context = MessageContext(channel: message.origin.channel, isAddressedByPlatform: message.isAddressedByPlatform)
        var understanding: UnderstandingResult
        switch builtIn {
        case .success(let command): understanding = .understood(command)
        case .failure(let problem): understanding = .notUnderstood(reason: problem.message)
        case nil: understanding = classifier.classify(message.text, context: context)
        }
        // Only a message addressed to the bot that passed the screen and matched no rule may reach the model.
        let forModel = inference != nil && understanding == .notUnderstood(reason: nil)
            ? classifier.screenedForModel(message.text, context: context) : nil
        if case .notUnderstood(nil) = understanding, !message.isAddressedByPlatform, forModel == nil {
            return  // chatter in a channel: no answer, and it costs nobody their rate
        }
        let channel = [message.origin.platform, message.origin.channel ?? "-"].joined(separator: ":")
        if case .limited(let scope, let retryAfter, let tell) = await limiter.admit(user: message.platformUser, channel: channel, at: now()) {
            if tell { await sink.send(Replies.rateLimited(scope: scope, retryAfter: retryAfter), to: message.origin) }
            return
        }
        var inferred: InferredBy?
        if let forModel {
            switch try await infer(message, screened: forModel, context: context, sink: sink) {
            case .handled: return
            case .understood(let command, let by):
                understanding = .understood(command)
                inferred = by
            case .notUnderstood(let reason):
                understanding = .notUnderstood(reason: reason)
                if reason == nil, !message.isAddressedByPlatform { return }
            }
        }
        let command: ParsedCommandInContext
        switch understanding {
        case .notUnderstood(let reason):
            // Chatter in a channel gets no answer; a message meant for the bot always does.
            await sink.send(Replies.notUnderstood(reason), to: message.origin)
            return
        case .understood(let parsed):
            command = ParsedCommandInContext(command: parsed, message: message,
                                             principal: policy.principal(platformUser: message.platformUser, roles: message.roles))
        }
        switch command.command.intent {
        case .approve, .deny: try await decide(command, sink: sink)
        default: try await request(command, sink: sink, inferred: inferred)
        }
    }
}

/// A command with who said it and where.
struct ParsedCommandInContext: Sendable {
    let command: ParsedCommand
    let message: IncomingMessage
    let principal: Principal

    var origin: MessageOrigin { message.origin }
}
