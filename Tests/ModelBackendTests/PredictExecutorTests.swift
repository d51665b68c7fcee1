import ChatOpsConfig
import ChatOpsTestSupport
import Foundation
import ModelBackend
import PlatformHTTP
import ReplyModel
import Testing

/// A fake MLServer: ready, and answering inference with the captured responses.
func fakeModelServer(predictProba: FakeResponse? = nil) async throws -> FakePlatformAPI {
    try await FakePlatformAPI.start { request in
        if request.path.hasSuffix("/ready") { return FakeResponse(status: 200) }
        let asksProba = (request.json?["outputs"] as? [[String: Any]])?.first?["name"] as? String == "predict_proba"
        if asksProba { return predictProba ?? .json(ModelFixtures.text("infer.predict_proba.response.json")) }
        return .json(ModelFixtures.text("infer.response.json"))
    }
}

func predict(_ features: [Double]?, fake: FakePlatformAPI, catalog: Catalog = ModelFixtures.exampleCatalog,
             model: String? = "iris-classifier", timeout: Duration = .seconds(15)) async -> ExecutionResultView {
    let client = InferenceClient(baseURL: fake.baseURL + "/", client: PlatformAPIClient(service: "The model server", http: TestHTTP.pool.standard, timeout: timeout))
    let result = await PredictExecutor(client: client, catalog: catalog)
        .execute(ModelFixtures.input(.predict, model: model, features: features), progress: NoProgress())
    return ExecutionResultView(isSuccess: result.isSuccess, reply: result.reply, text: result.text)
}

struct ExecutionResultView {
    let isSuccess: Bool
    let reply: Reply
    let text: String

    var fields: [String: String] {
        var out: [String: String] = [:]
        for case .fields(let fields) in reply.blocks { for field in fields { out[field.label] = field.value } }
        return out
    }
}

@Suite("predict against a fake model server (captured MLServer 1.7.1 answers)", .serialized)
struct PredictExecutorTests {
    let values = [5.1, 3.5, 1.4, 0.2]

    @Test("checks readiness, sends one FP64 [1, 4] row in feature order, and names the class with its probabilities")
    func predictsAClass() async throws {
        let fake = try await fakeModelServer()
        defer { Task { await fake.stop() } }
        let result = await predict(values, fake: fake)
        #expect(result.isSuccess)
        #expect(result.reply.severity == .success)

        #expect(fake.requests.map { "\($0.method) \($0.path)" } == [
            "GET /v2/models/iris-classifier/ready", "POST /v2/models/iris-classifier/infer", "POST /v2/models/iris-classifier/infer",
        ])
        let infer = fake.requests[1]
        #expect(infer.header("Content-Type")?.hasPrefix("application/json") == true)
        #expect(infer.header("Authorization") == nil)
        let body = try #require(infer.json)
        let captured = try #require((ModelFixtures.json("infer.request.json") as? [String: Any])?["inputs"] as? [[String: Any]])
        let input = try #require((body["inputs"] as? [[String: Any]])?.first)
        #expect(input["name"] as? String == captured[0]["name"] as? String)
        #expect(input["datatype"] as? String == "FP64")
        #expect(input["shape"] as? [Int] == [1, ModelFixtures.iris.features.count])
        #expect(input["data"] as? [Double] == values)
        #expect(body["id"] as? String == "chatops-7")
        #expect(body["outputs"] == nil)
        let probaBody = try #require(fake.requests[2].json)
        #expect(probaBody["outputs"] as? [[String: String]] == [["name": "predict_proba"]])
        #expect(probaBody["inputs"] as? [[String: AnyHashable]] == body["inputs"] as? [[String: AnyHashable]])

        let classes = ModelFixtures.iris.classes
        let answered = try #require(((ModelFixtures.json("infer.response.json") as? [String: Any])?["outputs"] as? [[String: Any]])?
            .first?["data"] as? [Int])
        let probabilities = try #require(((ModelFixtures.json("infer.predict_proba.response.json") as? [String: Any])?["outputs"]
            as? [[String: Any]])?.first?["data"] as? [Double])
        let fields = result.fields
        #expect(fields["Model"] == "iris-classifier (version v1)")
        #expect(zip(ModelFixtures.iris.features, ["5.1", "3.5", "1.4", "0.2"]).allSatisfy { fields[$0] == $1 })
        #expect(fields["Prediction"] == "\(classes[answered[0]]) (\(answered[0]))")
        #expect(fields["Probabilities"] == zip(classes, probabilities).map { "\($0) " + String(format: "%.1f%%", $1 * 100) }
            .joined(separator: ", "))
    }

    @Test("a server that does not give predict_proba still gives the class", arguments: [
        FakeResponse.json(#"{"error":"unexpected inference output 'predict_proba' for model 'iris-classifier'"}"#, status: 400),
        FakeResponse.json(ModelFixtures.text("kserve-docs.sklearnserver.expected-output.json")),
    ])
    func withoutProbabilities(answer: FakeResponse) async throws {
        let fake = try await fakeModelServer(predictProba: answer)
        defer { Task { await fake.stop() } }
        let result = await predict(values, fake: fake)
        #expect(result.isSuccess)
        #expect(result.fields["Prediction"] != nil)
        #expect(result.fields["Probabilities"] == nil)
        #expect(fake.requests.count == 3)
    }

    @Test("the wrong number of values is refused before any call, naming the features in order")
    func wrongFeatureCount() async throws {
        let fake = try await fakeModelServer()
        defer { Task { await fake.stop() } }
        let result = await predict([5.1, 3.5, 1.4], fake: fake)
        #expect(!result.isSuccess)
        #expect(result.text == "Model iris-classifier takes 4 features, in this order: sepal_length, sepal_width, petal_length, "
            + "petal_width; got 3. Example: `predict iris-classifier <sepal_length> <sepal_width> <petal_length> <petal_width>`.")
        #expect(fake.requests.isEmpty)
        #expect(await predict(nil, fake: fake).text.hasPrefix("Give the feature values: `predict iris-classifier <sepal_length>"))
        #expect(fake.requests.isEmpty)
    }

    @Test("a model that is not ready is reported with what to check, and nothing is inferred", arguments: [400, 503])
    func notReady(status: Int) async throws {
        let fake = try await FakePlatformAPI.start { _ in .json(#"{"error":"Model iris-classifier is not ready"}"#, status: status) }
        defer { Task { await fake.stop() } }
        let result = await predict(values, fake: fake)
        #expect(!result.isSuccess)
        #expect(result.text.hasPrefix("Model iris-classifier is not ready on the model server (it answered \(status) to "
            + "GET /v2/models/iris-classifier/ready): check that the model loaded"))
        #expect(!fake.requests.isEmpty)
        #expect(fake.requests.allSatisfy { $0.method == "GET" && $0.path == "/v2/models/iris-classifier/ready" })
    }

    @Test("without a model named, the only configured model is used; a model name is escaped in the path")
    func modelChoice() async throws {
        let fake = try await fakeModelServer()
        defer { Task { await fake.stop() } }
        #expect(await predict(values, fake: fake, model: nil).isSuccess)
        #expect(fake.requests.first?.path == "/v2/models/iris-classifier/ready")

        let odd = ModelFixtures.catalog(ModelConfig(name: "iris/../admin", features: ModelFixtures.iris.features))
        _ = await predict(values, fake: fake, catalog: odd)
        #expect(fake.requests.last?.path.hasPrefix("/v2/models/iris%2F..%2Fadmin/") == true)
    }

    @Test("the plan lists the exact calls")
    func plan() throws {
        let client = InferenceClient(baseURL: "http://models:8080/", client: TestHTTP.api("The model server"))
        let lines = PredictExecutor(client: client, catalog: ModelFixtures.exampleCatalog)
            .plan(ModelFixtures.input(.predict, features: values))
        let input = #"{"id":"chatops-7","inputs":[{"data":[5.1,3.5,1.4,0.2],"datatype":"FP64","name":"input-0","shape":[1,4]}]"#
        #expect(lines == [
            "GET http://models:8080/v2/models/iris-classifier/ready",
            "POST http://models:8080/v2/models/iris-classifier/infer \(input)}",
            #"POST http://models:8080/v2/models/iris-classifier/infer \#(input),"outputs":[{"name":"predict_proba"}]}"#,
        ])
    }
}
