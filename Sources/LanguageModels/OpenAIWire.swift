import PlatformHTTP

/// The `chat/completions` body the bot sends and the parts of the answer it reads.
enum OpenAIWire {
    static func body(_ request: ModelRequest, model: String, form: StructuredOutputForm?) -> JSONValue {
        var system = request.system
        var body: [String: JSONValue] = ["model": .string(model), "temperature": .number(0),
                                         "max_tokens": .number(Double(request.maxOutputTokens))]
        if let schema = request.schema, let form {
            switch form {
            case .jsonSchema:
                body["response_format"] = .object([
                    "type": .string("json_schema"),
                    "json_schema": .object(["name": .string(schemaName(request.task)), "strict": .bool(true),
                                            "schema": SchemaDialect.jsonSchema(schema, strict: true)]),
                ])
            case .jsonObject:
                body["response_format"] = .object(["type": .string("json_object"),
                                                   "schema": SchemaDialect.jsonSchema(schema, strict: false)])
                system += schemaInstructions(schema)
            case .prompt:
                system += schemaInstructions(schema)
            }
        }
        var messages: [JSONValue] = []
        if !system.isEmpty { messages.append(.object(["role": .string("system"), "content": .string(system)])) }
        messages.append(.object(["role": .string("user"), "content": .string(request.prompt)]))
        body["messages"] = .array(messages)
        return .object(body)
    }

    /// The schema in words, for servers that cannot be made to follow one: the answer is parsed
    /// as it comes (a ```json fence tolerated).
    static func schemaInstructions(_ schema: JSONValue) -> String {
        "\n\nAnswer with one JSON object and nothing else: no prose, no code fence. It must follow this JSON Schema:\n"
            + SchemaDialect.jsonSchema(schema, strict: false).text
    }

    /// OpenAI wants `^[a-zA-Z0-9_-]{1,64}$`: the task's name, so logs on the server say what it was.
    static func schemaName(_ task: String) -> String {
        let name = String(task.map { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") ? $0 : "_" }.prefix(64))
        return name.isEmpty ? "answer" : name
    }

    struct Response: Decodable {
        struct Choice: Decodable {
            let message: Message?
            let finish_reason: String?
        }
        struct Message: Decodable {
            let content: String?
            /// OpenAI's structured outputs: the model declined, in its words.
            let refusal: String?
        }
        struct Usage: Decodable {
            let prompt_tokens: Int?
            let completion_tokens: Int?
        }
        let choices: [Choice]?
        let model: String?
        let usage: Usage?
    }

    /// The first choice's content as a reply; one cut at `max_tokens` (`length`) or filtered is `malformed`.
    static func reply(_ response: APIResponse, to request: ModelRequest, configuredModel: String,
                      service: String) throws(ModelError) -> ModelReply {
        let answer = try ModelAnswer.envelope(Response.self, from: response, service: service, expected: "a chat completion")
        guard let choice = answer.choices?.first else { throw ModelError(.malformed, "\(service) answered with no choices") }
        let text = choice.message?.content ?? ""
        if let refusal = choice.message?.refusal, !refusal.isEmpty {
            throw ModelError(.malformed, "the model declined to answer: \(ModelAnswer.excerpt(refusal))")
        }
        switch choice.finish_reason {
        case "length":
            throw ModelAnswer.truncated(text, limit: request.maxOutputTokens, reason: "finish_reason length", service: service)
        case "content_filter":
            throw ModelError(.malformed, "\(service) filtered its answer (content_filter); nothing of it is used")
        default:
            break
        }
        var reply = try ModelAnswer.reply(text, to: request, model: answer.model ?? configuredModel, service: service)
        (reply.inputTokens, reply.outputTokens) = (answer.usage?.prompt_tokens, answer.usage?.completion_tokens)
        return reply
    }
}
