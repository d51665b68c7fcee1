import ChatOpsTestSupport
import Foundation
import LanguageModels
import Testing

@Suite("OpenAI-compatible servers: the best structured-output form each takes, remembered")
struct OpenAICompatibleModelTests {
    @Test("json_schema accepted: strict schema, system and user messages, temperature 0, max_tokens, the bearer key")
    func jsonSchema() async throws {
        let fake = try await FakePlatformAPI.start { _ in OpenAIAnswers.completion(IntentQuestion.answer) }
        defer { Task { await fake.stop() } }
        let reply = try await Models.openAI(fake, key: "sk-local-test").complete(IntentQuestion.request())
        #expect(reply.json?["intent"]?.string == "status")
        #expect(reply.model == "local")

        let sent = try #require(fake.requests.first)
        #expect(sent.path == "/v1/chat/completions")
        #expect(sent.header("Authorization") == "Bearer sk-local-test")
        let body = try #require(sent.value)
        #expect(body["model"]?.string == "local")
        #expect(body["temperature"] == .number(0))
        #expect(body["max_tokens"] == .number(256))
        let roles = body["messages"]?.array?.compactMap { $0["role"]?.string }
        #expect(roles == ["system", "user"])
        #expect(body["messages"]?.array?.last?["content"]?.string == "is iris healthy in prod?")
        let format = try #require(body["response_format"])
        #expect(format["type"]?.string == "json_schema")
        #expect(format["json_schema"]?["name"]?.string == "intent")
        #expect(format["json_schema"]?["strict"] == .bool(true))
        let schema = try #require(format["json_schema"]?["schema"])
        #expect(schema["additionalProperties"] == .bool(false))
        #expect(schema["required"] == .array([.string("app"), .string("confidence"), .string("intent")]))
        #expect(schema["properties"]?["app"]?["type"] == .array([.string("string"), .string("null")]))
        #expect(schema["properties"]?["intent"]?["type"] == .string("string"))
    }

    @Test("json_schema refused with 500 (llama.cpp): json_object with the schema is used, and the next call starts there")
    func fallsBackToJSONObjectAndRemembers() async throws {
        let fake = try await FakePlatformAPI.start { request in
            OpenAIAnswers.form(of: request) == "json_schema" ? OpenAIAnswers.jsonSchemaRefused : OpenAIAnswers.completion(IntentQuestion.answer)
        }
        defer { Task { await fake.stop() } }
        let model = Models.openAI(fake)
        let first = try await model.complete(IntentQuestion.request())
        let second = try await model.complete(IntentQuestion.request("sync iris in staging"))
        #expect(first.json?["intent"]?.string == "status")
        #expect(second.json != nil)

        let forms = fake.requests.map(OpenAIAnswers.form)
        #expect(forms == ["json_schema", "json_object", "json_object"])
        let body = try #require(fake.requests.last?.value)
        #expect(body["response_format"]?["schema"]?["properties"]?["intent"]?["enum"]?.array?.count == 3)
        #expect(fake.requests.allSatisfy { $0.header("Authorization") == nil })
    }

    @Test("both forms refused: no response_format, the schema in the instructions, a fenced answer parsed")
    func fallsBackToPrompt() async throws {
        let fenced = "Sure! Here it is:\n```json\n" + IntentQuestion.answer + "\n```\n"
        let fake = try await FakePlatformAPI.start { request in
            switch OpenAIAnswers.form(of: request) {
            case "json_schema": return OpenAIAnswers.jsonSchemaRefused
            case "json_object": return OpenAIAnswers.responseFormatRefused
            default: return OpenAIAnswers.completion(fenced)
            }
        }
        defer { Task { await fake.stop() } }
        let model = Models.openAI(fake)
        let reply = try await model.complete(IntentQuestion.request())
        _ = try await model.complete(IntentQuestion.request("again"))
        #expect(reply.json?["app"]?.string == "iris-classifier")
        #expect(reply.text == fenced)
        #expect(fake.requests.map(OpenAIAnswers.form) == ["json_schema", "json_object", "none", "none"])
        let system = try #require(fake.requests.last?.value?["messages"]?.array?.first?["content"]?.string)
        #expect(system.contains("It must follow this JSON Schema:\n{"))
        #expect(system.contains(#""enum":["status","sync","none"]"#))
    }

    @Test("a server failing with 500 for every form is unavailable, and the best form is still tried next time")
    func brokenServerIsNotAFormRefusal() async throws {
        let fake = try await FakePlatformAPI.start { _ in
            .json(#"{"error":{"code":500,"message":"llama_decode failed","type":"server_error"}}"#, status: 500)
        }
        defer { Task { await fake.stop() } }
        let model = Models.openAI(fake)
        let error = try #require(await modelError { () async throws(ModelError) -> ModelReply in
            try await model.complete(IntentQuestion.request())
        })
        #expect(error.kind == .unavailable)
        #expect(error.description.contains("llama_decode failed"))
        _ = await modelError { () async throws(ModelError) -> ModelReply in try await model.complete(IntentQuestion.request()) }
        #expect(fake.requests.map(OpenAIAnswers.form) == ["json_schema", "json_object", "none", "json_schema", "json_object", "none"])
    }

    @Test("prose without a schema goes without response_format; finish_reason length is a truncated, malformed answer")
    func proseAndTruncation() async throws {
        let fake = try await FakePlatformAPI.start { request in
            request.value?["max_tokens"] == .number(5) ? OpenAIAnswers.completion(#"{"intent":"sta"#, finishReason: "length")
                : OpenAIAnswers.completion("The pod ran out of memory.")
        }
        defer { Task { await fake.stop() } }
        let model = Models.openAI(fake)
        let prose = try await model.complete(ModelRequest(task: "incident-rca", system: "Be brief.", prompt: "why did it crash?"))
        #expect(prose.text == "The pod ran out of memory.")
        #expect(OpenAIAnswers.form(of: try #require(fake.requests.first)) == "none")
        var short = IntentQuestion.request()
        short.maxOutputTokens = 5
        let error = try #require(await modelError { () async throws(ModelError) -> ModelReply in try await model.complete(short) })
        #expect(error.kind == .malformed)
        #expect(error.description.contains("cut at the output limit of 5 tokens (finish_reason length)"))
    }

    @Test("401 is refused naming the key's setting, without the key; 429 reads Retry-After")
    func refusals() async throws {
        let fake = try await FakePlatformAPI.start { request in
            request.header("Authorization") == "Bearer sk-wrong"
                ? .json(#"{"error":{"message":"Incorrect API key provided: sk-wrong.","type":"invalid_request_error"}}"#, status: 401)
                : .json(#"{"error":{"message":"Rate limit reached","type":"requests"}}"#, status: 429, headers: ["Retry-After": "2"])
        }
        defer { Task { await fake.stop() } }
        let wrongKey = Models.openAI(fake, key: "sk-wrong")
        let refused = try #require(await modelError { () async throws(ModelError) -> ModelReply in
            try await wrongKey.complete(IntentQuestion.request())
        })
        #expect(refused.kind == .refused)
        #expect(refused.description.contains("CHATOPS_OPENAI_API_KEY"))
        #expect(!refused.description.contains("sk-wrong"))
        let limited = try #require(await modelError { () async throws(ModelError) -> ModelReply in
            try await Models.openAI(fake).complete(IntentQuestion.request())
        })
        #expect(limited.kind == .rateLimited)
        #expect(limited.retryAfterSeconds == 2)
    }
}
