import ChatOpsApp
import ChatOpsConfig
import ChatOpsCore
import ChatOpsTestSupport
import Execution
import Foundation
import Logging
import ModelBackend
import PlatformHTTP
import Testing

/// The model server and MLflow behind auth: a bearer token or basic auth from the settings is sent
/// with every call; half a pair, or both kinds, is a configuration error naming the variables.
@Suite("credentials for the model server and MLflow")
struct ModelCredentialTests {
    static func context(_ environment: [String: String]) throws -> ModuleContext {
        let configuration = try ConfigurationLoader(environment: environment, settings: ChatOpsModules.standard.settings)
            .load(path: RepositoryPaths.exampleConfig)
        return ModuleContext(configuration: configuration, environment: environment, http: TestHTTP.pool, logger: Logger(label: "t"))
    }

    static func run(_ module: any BackendModule, _ intent: Intent, _ environment: [String: String]) async throws -> ExecutionResult {
        let executor = try #require(try module.executors(in: try context(environment)).first?.0)
        let input = intent == .predict ? ModelFixtures.input(.predict, model: "iris-classifier", features: [5.1, 3.5, 1.4, 0.2])
            : ModelFixtures.input(.drift)
        return await executor.execute(input, progress: NoProgress())
    }

    @Test("a bearer token reaches the model server with every call")
    func inferenceToken() async throws {
        let fake = try await fakeModelServer()
        defer { Task { await fake.stop() } }
        let result = try await Self.run(InferenceModule(), .predict, ["CHATOPS_INFERENCE_URL": fake.baseURL,
                                                                      "CHATOPS_INFERENCE_TOKEN": "kserve-token-0123"])
        #expect(result.isSuccess, "\(result.text)")
        #expect(!fake.requests.isEmpty)
        #expect(fake.requests.allSatisfy { $0.header("Authorization") == "Bearer kserve-token-0123" })
    }

    @Test("MLflow's basic auth reaches every MLflow call")
    func mlflowBasic() async throws {
        let fake = try await FakeMLflow.start()
        defer { Task { await fake.stop() } }
        let result = try await Self.run(MLflowModule(), .drift, ["CHATOPS_MLFLOW_URL": fake.baseURL, "CHATOPS_MLFLOW_USERNAME": "chatops",
                                                                 "CHATOPS_MLFLOW_PASSWORD": "pa55word"])
        #expect(result.isSuccess, "\(result.text)")
        let expected = "Basic " + Data("chatops:pa55word".utf8).base64EncodedString()
        #expect(fake.requests.count >= 2)
        #expect(fake.requests.allSatisfy { $0.header("Authorization") == expected })
    }

    @Test("without credentials nothing is sent; half a pair or both kinds are misconfigured, naming the variables")
    func misconfigured() async throws {
        let fake = try await fakeModelServer()
        defer { Task { await fake.stop() } }
        _ = try await Self.run(InferenceModule(), .predict, ["CHATOPS_INFERENCE_URL": fake.baseURL])
        #expect(fake.requests.allSatisfy { $0.header("Authorization") == nil })
        let half = MLflowModule().status(in: try Self.context(["CHATOPS_MLFLOW_URL": "http://mlflow:5000", "CHATOPS_MLFLOW_USERNAME": "x"]))
        #expect(half == .misconfigured("CHATOPS_MLFLOW_USERNAME and CHATOPS_MLFLOW_PASSWORD go together: set both, or neither"))
        let both = InferenceModule().status(in: try Self.context(["CHATOPS_INFERENCE_URL": "http://models:8080", "CHATOPS_INFERENCE_TOKEN": "t",
                                                                  "CHATOPS_INFERENCE_USERNAME": "u", "CHATOPS_INFERENCE_PASSWORD": "p"]))
        #expect(both == .misconfigured("set CHATOPS_INFERENCE_TOKEN or CHATOPS_INFERENCE_USERNAME and CHATOPS_INFERENCE_PASSWORD, not both"))
    }
}
