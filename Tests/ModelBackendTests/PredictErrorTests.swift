import ChatOpsTestSupport
import Foundation
import ModelBackend
import Testing

@Suite("predict: every error answer of the model server becomes a clear failure", .serialized)
struct PredictErrorTests {
    let values = [5.1, 3.5, 1.4, 0.2]
    static let model = "model iris-classifier"

    /// The captured 404 body, as MLServer words it for the model asked.
    static let notFound = ModelFixtures.text("infer.model-not-found.error.json").replacingOccurrences(of: "no-such-model", with: "iris-classifier")

    @Test("401, 403 and 404 answer every call (an auth proxy, an unknown model): readiness reports them", arguments: [
        (401, "Unauthorized", "The model server answered 401 for \(model): the server wants credentials: set CHATOPS_INFERENCE_TOKEN "
            + "(a bearer token), or CHATOPS_INFERENCE_USERNAME and CHATOPS_INFERENCE_PASSWORD"),
        (403, #"{"error":"RBAC: access denied"}"#, "The model server answered 403 for \(model): the server refused the bot; "
            + "allow its address or service account to call the inference endpoint — RBAC: access denied"),
        (404, notFound, "The model server answered 404 for \(model): the server serves no such model; check model.name in the "
            + "configuration against the served model's name (KServe: the InferenceService; MLServer: model-settings.json; Triton: "
            + "the repository folder) — Model iris-classifier not found"),
    ])
    func refusedEverywhere(code: Int, body: String, expected: String) async throws {
        let fake = try await FakePlatformAPI.start { _ in .json(body, status: code) }
        defer { Task { await fake.stop() } }
        let result = await predict(values, fake: fake)
        #expect(!result.isSuccess)
        #expect(result.text.hasPrefix(expected))
        #expect(fake.requests.map(\.path) == ["/v2/models/iris-classifier/ready"])
    }

    @Test("errors answered to the inference call", arguments: [
        (400, "application/json", #"{"error":"Invalid input: expected 4 features"}"#, 1,
         "The model server answered 400 for \(model): the server refused the request as invalid; check the values against "
            + "model.features and the server log — Invalid input: expected 4 features"),
        (409, "application/json", #"{"error":"model is being reloaded"}"#, 1,
         "The model server answered 409 for \(model): the server refused the request as conflicting with its state"),
        (429, "application/json", #"{"error":"too many requests"}"#, 1,
         "The model server is rate limiting the bot (429) for \(model): try again in a minute"),
        (500, "text/plain; charset=utf-8", ModelFixtures.text("infer.wrong-shape.error.txt"), 1,
         "The model server answered 500 for \(model): the model failed on this input; check that the values match the model's "
            + "features (model.features, in order) and read the model server's log — Internal Server Error"),
        (503, "application/json", #"{"error":"no healthy upstream"}"#, 3,
         "The model server answered 503 for \(model): the model server or a proxy in front of it is unavailable; try again shortly"),
        (200, "application/json", "{not json", 1,
         "The model server's answer for \(model) could not be read: an inference response expected, got {not json — check that "
            + "CHATOPS_INFERENCE_URL (backends.inference.url) points at the right server"),
        // No `predict`, so the optional `predict_proba` call is made too, and gives nothing either.
        (200, "application/json", #"{"model_name":"iris-classifier","outputs":[]}"#, 2,
         "The model server's answer for model iris-classifier has no class I can read: it holds neither a `predict` nor a "
            + "`predict_proba` output. Check that model.name is a classifier"),
    ])
    func inferenceErrors(code: Int, contentType: String, body: String, inferCalls: Int, expected: String) async throws {
        let fake = try await FakePlatformAPI.start { request in
            request.path.hasSuffix("/ready") ? FakeResponse(status: 200)
                : FakeResponse(status: code, headers: ["Content-Type": contentType], body: Array(body.utf8))
        }
        defer { Task { await fake.stop() } }
        let result = await predict(values, fake: fake)
        #expect(!result.isSuccess)
        #expect(result.reply.severity == .failure)
        #expect(result.text.hasPrefix(expected))
        #expect(fake.requests.filter { $0.method == "POST" }.count == inferCalls)
    }

    @Test("a server that does not answer in time is a failure naming the model and the setting to check")
    func timeout() async throws {
        let fake = try await FakePlatformAPI.start { _ in
            try? await Task.sleep(for: .seconds(5))
            return FakeResponse(status: 200)
        }
        defer { Task { await fake.stop() } }
        let result = await predict(values, fake: fake, timeout: .seconds(1))
        #expect(!result.isSuccess)
        #expect(result.text.hasPrefix("The model server did not answer for \(Self.model): The model server could not be reached at "))
        #expect(result.text.hasSuffix(" — check CHATOPS_INFERENCE_URL (backends.inference.url) and that the server is up and "
            + "reachable from the bot"))
        #expect(fake.requests.allSatisfy { $0.method == "GET" })
    }
}
