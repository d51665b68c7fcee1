import ChatOpsConfig
import ChatOpsTestSupport
import Foundation
import ModelBackend
import PlatformHTTP

/// A fake MLflow tracking server answering with the captured experiment and runs.
enum FakeMLflow {
    static let runs = ModelFixtures.text("runs-search.response.json")

    static func start(search: @escaping @Sendable (RecordedRequest) -> FakeResponse = { _ in .json(runs) }) async throws -> FakePlatformAPI {
        try await FakePlatformAPI.start { request in
            switch request.path {
            case "/api/2.0/mlflow/experiments/get-by-name": return .json(ModelFixtures.text("experiments-get-by-name.response.json"))
            case "/api/2.0/mlflow/runs/search": return search(request)
            case "/api/2.0/mlflow/runs/get": return run(query: request.query)
            default: return .json(#"{"error_code":"ENDPOINT_NOT_FOUND","message":"no such endpoint"}"#, status: 404)
            }
        }
    }

    /// `runs/get?run_id=ID`: the captured run, or MLflow's 404.
    static func run(query: String) -> FakeResponse {
        let id = query.replacingOccurrences(of: "run_id=", with: "")
        guard let run = capturedRuns().first(where: { ($0["info"] as? [String: Any])?["run_id"] as? String == id }),
              let body = try? JSONSerialization.data(withJSONObject: ["run": run]) else {
            return .json(#"{"error_code":"RESOURCE_DOES_NOT_EXIST","message":"Run with id=\#(id) not found"}"#, status: 404)
        }
        return .json(String(decoding: body, as: UTF8.self))
    }

    static func capturedRuns() -> [[String: Any]] {
        ((ModelFixtures.json("runs-search.response.json") as? [String: Any])?["runs"] as? [[String: Any]]) ?? []
    }

    /// The captured runs with `change` applied, as a runs/search answer.
    static func runs(_ change: ([[String: Any]]) -> [[String: Any]], nextPageToken: String? = nil) -> FakeResponse {
        var page: [String: Any] = ["runs": change(capturedRuns())]
        if let nextPageToken { page["next_page_token"] = nextPageToken }
        return .json(String(decoding: try! JSONSerialization.data(withJSONObject: page), as: UTF8.self))
    }

    static func drift(fake: FakePlatformAPI, catalog: Catalog = ModelFixtures.exampleCatalog, maxPages: Int = 10,
                      timeout: Duration = .seconds(15)) async -> ExecutionResultView {
        let client = MLflowClient(baseURL: fake.baseURL, client: PlatformAPIClient(service: "MLflow", http: TestHTTP.pool.standard, timeout: timeout), maxPages: maxPages)
        let result = await DriftExecutor(reader: DriftReader(client: client), catalog: catalog)
            .execute(ModelFixtures.input(.drift), progress: NoProgress())
        return ExecutionResultView(isSuccess: result.isSuccess, reply: result.reply, text: result.text)
    }
}
