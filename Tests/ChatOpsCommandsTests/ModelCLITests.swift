import ChatOpsTestSupport
import Foundation
import Testing

@Suite("chatops say: predict and drift against (fake) model server and MLflow", .serialized)
struct ModelCLITests {
    static func fixture(_ name: String) throws -> String {
        try String(contentsOf: RepositoryPaths.root.appendingPathComponent("Tests/ModelBackendTests/Fixtures/\(name)"), encoding: .utf8)
    }

    @Test("predict iris 5.1 3.5 1.4 0.2 prints the class from the model server")
    func predict() async throws {
        let response = try Self.fixture("infer.response.json")
        let proba = try Self.fixture("infer.predict_proba.response.json")
        let server = try await FakePlatformAPI.start { request in
            if request.path.hasSuffix("/ready") { return FakeResponse(status: 200) }
            return .json(request.json?["outputs"] == nil ? response : proba)
        }
        defer { Task { await server.stop() } }
        let cli = try FreshStoreCLI()
        let result = try await cli.runBesideFakes(["say", "--as", "alice", "--store", cli.store, "predict iris 5.1 3.5 1.4 0.2"],
                                        env: ["CHATOPS_INFERENCE_URL": server.baseURL])
        #expect(result.status == 0)
        // infer.response.json answers class 0 for the first row: setosa.
        #expect(result.stdout.contains("Prediction: setosa (0)\n"))
        #expect(result.stdout.contains("sepal_length: 5.1\n"))
        #expect(server.requests.map { "\($0.method) \($0.path)" }.prefix(2) == [
            "GET /v2/models/iris-classifier/ready", "POST /v2/models/iris-classifier/infer",
        ])
        let input = try #require((server.requests[1].json?["inputs"] as? [[String: Any]])?.first)
        #expect(input["data"] as? [Double] == [5.1, 3.5, 1.4, 0.2])
    }

    @Test("check drift for iris prints the drift from MLflow's runs")
    func drift() async throws {
        let experiment = try Self.fixture("experiments-get-by-name.response.json")
        let runs = try Self.fixture("runs-search.response.json")
        let mlflow = try await FakePlatformAPI.start { request in
            .json(request.path.hasSuffix("/get-by-name") ? experiment : runs)
        }
        defer { Task { await mlflow.stop() } }
        let cli = try FreshStoreCLI()
        let result = try await cli.runBesideFakes(["say", "--as", "alice", "--store", cli.store, "check drift for iris"],
                                        env: ["CHATOPS_MLFLOW_URL": mlflow.baseURL])
        #expect(result.status == 0)
        // Latest run 0.9556 against the best earlier 0.9667: (0.9667 − 0.9556) / 0.9667 ≈ 1.15%, P2.
        #expect(result.stdout.contains("Drift: 1.15%\nPriority: P2"))
        #expect(mlflow.requests.map(\.path) == ["/api/2.0/mlflow/experiments/get-by-name", "/api/2.0/mlflow/runs/search"])
    }
}
