import ChatOpsTestSupport
import Foundation
import LanguageModels
import Testing

@Suite("Gemini over generateContent, against an in-process fake answering with Google's captured shapes")
struct GeminiModelTests {
    @Test("structured output: temperature 0, the instructions, JSON mode with the schema, the key in a header and not the URL")
    func structuredOutput() async throws {
        let fake = try await FakeGemini.answering(IntentQuestion.answer + " \n")
        defer { Task { await fake.stop() } }
        let reply = try await Models.gemini(fake).complete(IntentQuestion.request())

        #expect(reply.json?["intent"]?.string == "status")
        #expect(reply.json?["app"]?.string == "iris-classifier")
        #expect(reply.model == "gemini-2.5-flash-lite")
        let sent = try #require(fake.requests.first)
        #expect(sent.method == "POST")
        #expect(sent.path == "/v1beta/models/gemini-2.5-flash-lite:generateContent")
        #expect(sent.query.isEmpty)
        #expect(sent.header("x-goog-api-key") == Models.geminiKey)
        #expect(sent.header("Authorization") == nil)
        let body = try #require(sent.value)
        let generation = try #require(body["generationConfig"])
        #expect(generation["temperature"] == .number(0))
        #expect(generation["maxOutputTokens"] == .number(256))
        #expect(generation["responseMimeType"] == .string("application/json"))
        #expect(generation["responseSchema"]?["type"] == .string("OBJECT"))
        #expect(generation["responseSchema"]?["properties"]?["app"] == .object(["type": .string("STRING"), "nullable": .bool(true)]))
        #expect(generation["responseSchema"]?["required"] == IntentQuestion.schema["required"])
        #expect(body["systemInstruction"]?["parts"]?.array?.first?["text"]?.string == "You map chat messages to one ChatOps intent.")
        let part = body["contents"]?.array?.first?["parts"]?.array?.first
        #expect(part?["text"]?.string == "is iris healthy in prod?")
    }

    @Test("the body has every field Google's own SDK sent for structured output, at the same places")
    func sameShapeAsTheSDK() async throws {
        let fake = try await FakeGemini.answering()
        defer { Task { await fake.stop() } }
        _ = try await Models.gemini(fake).complete(IntentQuestion.request())
        let ours = try #require(fake.requests.first?.json)
        let sdk = GeminiFixtures.sdkStructuredRequest
        #expect(Set(sdk.keys).isSubset(of: Set(ours.keys)))
        let sdkGeneration = try #require(sdk["generationConfig"] as? [String: Any])
        let ourGeneration = try #require(ours["generationConfig"] as? [String: Any])
        #expect(Set(sdkGeneration.keys).isSubset(of: Set(ourGeneration.keys)))
        #expect((ourGeneration["temperature"] as? Double) == (sdkGeneration["temperature"] as? Double))
    }

    @Test("a prose answer (the cookbook's, as captured) comes back as text, no JSON, the configured model named")
    func prose() async throws {
        let fake = try await FakePlatformAPI.start { _ in .json(GeminiFixtures.cookbookResponse) }
        defer { Task { await fake.stop() } }
        let request = ModelRequest(task: "incident-rca", system: "", prompt: "Give me python code to sort a list.")
        let reply = try await Models.gemini(fake).complete(request)
        #expect(reply.text.hasPrefix("```python\n# Example list to be sorted"))
        #expect(reply.json == nil)
        #expect(reply.model == "gemini-2.5-flash-lite")
        let body = try #require(fake.requests.first?.value)
        #expect(body["systemInstruction"] == nil)
        #expect(body["generationConfig"]?["responseMimeType"] == nil)
    }

    @Test("Vertex AI: the project's regional URL, the access token as a bearer, no API key; a token file is read at every call")
    func vertex() async throws {
        let fake = try await FakeGemini.answering()
        defer { Task { await fake.stop() } }
        let dir = try TemporaryDirectory()
        try dir.write("token", "ya29.first-token\n")
        let endpoint = GeminiEndpoint.vertex(project: "acme-ml", location: "europe-west4", token: .file(dir.path + "/token"),
                                             baseURL: fake.baseURL + "/v1")
        let model = GeminiModel(model: "gemini-2.5-flash-lite", endpoint: endpoint, pool: TestHTTP.pool)
        _ = try await model.complete(IntentQuestion.request())
        try dir.write("token", "ya29.refreshed-token")
        _ = try await model.complete(IntentQuestion.request())

        let sent = fake.requests
        #expect(sent.map(\.path) == Array(repeating: "/v1/projects/acme-ml/locations/europe-west4/publishers/google/models/"
                                              + "gemini-2.5-flash-lite:generateContent", count: 2))
        #expect(sent.map { $0.header("Authorization") } == ["Bearer ya29.first-token", "Bearer ya29.refreshed-token"])
        #expect(sent.allSatisfy { $0.header("x-goog-api-key") == nil })
        #expect(model.description == "gemini-2.5-flash-lite (Vertex AI, project acme-ml, europe-west4)")
        #expect(GeminiEndpoint.vertexBaseURL(location: "europe-west4") == "https://europe-west4-aiplatform.googleapis.com/v1")
        #expect(GeminiEndpoint.vertexBaseURL(location: "global") == "https://aiplatform.googleapis.com/v1")
    }
}
