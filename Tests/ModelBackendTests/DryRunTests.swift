import ChatOpsTestSupport
import Execution
import ModelBackend
import PlatformHTTP
import Testing

@Suite("predict and drift only read, so dry-run mode still runs them", .serialized)
struct DryRunTests {
    func runner(inference: String, mlflow: String) throws -> ExecutionRunner {
        let configuration = try TestBot.configuration()
        var registry = ExecutorRegistry(catalog: configuration.catalog)
        registry.register(PredictExecutor(client: InferenceClient(baseURL: inference, client: TestHTTP.api("The model server")), catalog: configuration.catalog), for: [.predict])
        registry.register(DriftExecutor(reader: DriftReader(client: MLflowClient(baseURL: mlflow, client: TestHTTP.api("MLflow"))), catalog: configuration.catalog),
                          for: [.drift])
        return ExecutionRunner(registry: registry)
    }

    @Test("a dry-run predict and drift call the servers and answer for real, not with a plan")
    func readsRunInDryRun() async throws {
        let models = try await fakeModelServer()
        defer { Task { await models.stop() } }
        let mlflow = try await FakeMLflow.start()
        defer { Task { await mlflow.stop() } }
        let runner = try runner(inference: models.baseURL, mlflow: mlflow.baseURL)

        let prediction = await runner.run(ModelFixtures.input(.predict, features: [5.1, 3.5, 1.4, 0.2], isDryRun: true),
                                          progress: NoProgress())
        #expect(prediction.isSuccess)
        #expect(prediction.text.contains("Prediction: "))
        #expect(!prediction.text.contains("Dry run"))
        #expect(models.requests.map(\.method) == ["GET", "POST", "POST"])

        let drift = await runner.run(ModelFixtures.input(.drift, isDryRun: true), progress: NoProgress())
        #expect(drift.isSuccess)
        #expect(drift.text.contains("Priority: "))
        #expect(mlflow.requests.map(\.method) == ["GET", "POST"])
    }
}
