import PlatformHTTP

/// The `generateContent` body the bot sends and the parts of Google's answer it reads.
enum GeminiWire {
    /// `{"contents":[…],"systemInstruction":{…},"generationConfig":{"temperature":0,…}}`.
    static func body(_ request: ModelRequest) -> JSONValue {
        var generation: [String: JSONValue] = ["temperature": .number(0), "maxOutputTokens": .number(Double(request.maxOutputTokens))]
        if let schema = request.schema {
            generation["responseMimeType"] = .string("application/json")
            generation["responseSchema"] = SchemaDialect.gemini(schema)
        }
        var body: [String: JSONValue] = [
            "contents": .array([.object(["role": .string("user"), "parts": .array([.object(["text": .string(request.prompt)])])])]),
            "generationConfig": .object(generation),
        ]
        if !request.system.isEmpty {
            body["systemInstruction"] = .object(["parts": .array([.object(["text": .string(request.system)])])])
        }
        return .object(body)
    }

    struct Response: Decodable {
        struct Candidate: Decodable {
            let content: Content?
            let finishReason: String?
        }
        struct Content: Decodable {
            let parts: [Part]?
        }
        struct Part: Decodable {
            let text: String?
            /// A thinking model's reasoning, not its answer.
            let thought: Bool?
        }
        struct PromptFeedback: Decodable {
            let blockReason: String?
            let blockReasonMessage: String?
        }
        struct UsageMetadata: Decodable {
            let promptTokenCount: Int?
            let candidatesTokenCount: Int?
        }
        let candidates: [Candidate]?
        let promptFeedback: PromptFeedback?
        let modelVersion: String?
        let usageMetadata: UsageMetadata?
    }

    /// The first candidate's text as a reply. A blocked prompt, an answer stopped for safety or
    /// recitation, and one cut at the output limit (`MAX_TOKENS`: its JSON would be incomplete)
    /// are `malformed`, with Google's reason.
    static func reply(_ response: APIResponse, to request: ModelRequest, configuredModel: String,
                      service: String) throws(ModelError) -> ModelReply {
        let answer = try ModelAnswer.envelope(Response.self, from: response, service: service, expected: "a generateContent response")
        guard let candidate = answer.candidates?.first else {
            let reason = answer.promptFeedback?.blockReason ?? "no candidates"
            let words = answer.promptFeedback?.blockReasonMessage.map { " — \($0)" } ?? ""
            throw ModelError(.malformed, "\(service) blocked the prompt and gave no answer (\(reason))\(words)")
        }
        let text = (candidate.content?.parts ?? []).filter { $0.thought != true }.compactMap(\.text).joined()
        switch candidate.finishReason ?? "STOP" {
        case "STOP", "FINISH_REASON_UNSPECIFIED":
            break
        case "MAX_TOKENS":
            throw ModelAnswer.truncated(text, limit: request.maxOutputTokens, reason: "MAX_TOKENS", service: service)
        case let reason:
            throw ModelError(.malformed, "\(service) stopped its answer (\(reason)); nothing of it is used")
        }
        var reply = try ModelAnswer.reply(text, to: request, model: answer.modelVersion ?? configuredModel, service: service)
        (reply.inputTokens, reply.outputTokens) = (answer.usageMetadata?.promptTokenCount, answer.usageMetadata?.candidatesTokenCount)
        return reply
    }
}
