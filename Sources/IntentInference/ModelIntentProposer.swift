import ChatOpsConfig
import ChatOpsCore
import LanguageModels
import Logging
import PromptTemplates
import Understanding

/// The LLM intent layer: renders the `intent` prompt from the catalog, asks the model for the
/// schema's JSON, and reads the answer into a proposal — data only; `ProposalValidator` decides.
/// A model that fails is said once per outage; the bot carries on with rules alone.
public struct ModelIntentProposer: IntentProposer {
    let model: any LanguageModel
    let prompt: PromptTemplate
    let catalog: Catalog
    let logger: Logger

    public init(model: any LanguageModel, prompt: PromptTemplate, catalog: Catalog, logger: Logger) {
        self.model = model
        self.prompt = prompt
        self.catalog = catalog
        self.logger = logger
    }

    /// The request the model gets for `text`: what `chatops eval` shows for a miss.
    public func request(for text: String) -> ModelRequest {
        let rendered = prompt.render(IntentPromptValues.values(text: text, catalog: catalog))
        return ModelRequest(task: "intent", system: rendered.system, prompt: rendered.user, schema: IntentSchema.schema,
                            maxOutputTokens: 256)
    }

    public func propose(_ text: String, context: MessageContext) async -> ProposalOutcome {
        let reply: ModelReply
        do {
            reply = try await model.complete(request(for: text))
        } catch {
            logger.warning("the language model gave no intent", metadata: ["model": "\(model)", "error": "\(error)"])
            // An answer that is not the JSON asked for is no command, not an outage.
            if error.kind == .malformed {
                return .proposed(IntentProposal(intent: nil, slots: [:], confidence: 0, paraphrase: "", model: "\(model)",
                                                promptVersion: prompt.versionTag))
            }
            // Said once per outage: the guard knows when one starts and ends.
            let announce = (model as? GuardedModel)?.shouldAnnounceOutage() ?? true
            return .unavailable(reason: Self.short(error), announce: announce)
        }
        let proposal = Self.proposal(from: reply, promptVersion: prompt.versionTag)
        logger.info("the language model proposed an intent", metadata: [
            "model": "\(reply.model)", "prompt": "\(prompt.versionTag)", "intent": "\(proposal.intent ?? "none")",
            "confidence": "\(proposal.confidence)",
        ])
        return .proposed(proposal)
    }

    /// The answer read as a proposal. Anything unreadable is "no command": a model that answers
    /// nonsense never becomes an action.
    static func proposal(from reply: ModelReply, promptVersion: String) -> IntentProposal {
        let json = reply.json ?? JSONValue.parse(reply.text)
        let none = IntentProposal(intent: nil, slots: [:], confidence: 0, paraphrase: "", model: reply.model, promptVersion: promptVersion)
        guard let json, let intent = json["intent"]?.string else { return none }
        var slots: [String: String] = [:]
        for (name, value) in json["slots"]?.object ?? [:] {
            guard let text = slotText(value) else { continue }
            slots[name] = text
        }
        return IntentProposal(intent: intent, slots: slots, confidence: json["confidence"]?.number ?? 0,
                              paraphrase: String((json["paraphrase"]?.string ?? "").prefix(200)), model: reply.model,
                              promptVersion: promptVersion)
    }

    /// A slot value as text: strings as they are, whole numbers without `.0`, lists of numbers
    /// space-separated; null, objects and anything else dropped (and so not a value at all).
    static func slotText(_ value: JSONValue) -> String? {
        switch value {
        case .string(let text): return text
        case .number(let number): return number.rounded() == number && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        case .array(let items):
            let numbers = items.compactMap(\.number)
            return numbers.count == items.count && !numbers.isEmpty ? numbers.map { String($0) }.joined(separator: " ") : nil
        case .null, .bool, .object: return nil
        }
    }

    /// The error in a few words for the thread (the full one is in the log).
    static func short(_ error: ModelError) -> String {
        switch error.kind {
        case .unavailable: return "it is not answering"
        case .rateLimited: return "its rate limit is used up"
        case .refused: return "it refused the request; see the bot's log"
        case .malformed: return "its answer could not be read"
        }
    }
}
