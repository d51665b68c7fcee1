import ChatOpsConfig
import ChatOpsCore
import Execution

extension SettingKey {
    public static let inferenceURL = SettingKey("backends.inference.url", "CHATOPS_INFERENCE_URL", kind: .url,
                                                summary: "the Open Inference Protocol V2 model server")
    public static let mlflowURL = SettingKey("backends.mlflow.url", "CHATOPS_MLFLOW_URL", kind: .url, summary: "the MLflow tracking server")
}

/// `predict` over the Open Inference Protocol V2 (KServe, MLServer, Triton).
public struct InferenceModule: BackendModule {
    public let name = "inference"
    public let displayName = "The model server (Open Inference Protocol)"
    public let settings: [SettingKey] = [.inferenceURL]
    public let intents: [Intent] = [.predict]

    public init() {}

    public func status(in context: ModuleContext) -> ModuleStatus { .enabled(when: .inferenceURL, in: context) }

    public func executors(in context: ModuleContext) throws -> [(any Executor, [Intent])] {
        let client = InferenceClient(baseURL: context.settings.value(.inferenceURL) ?? "", client: context.http.api("The model server"))
        return [(PredictExecutor(client: client, catalog: context.configuration.catalog), [.predict])]
    }
}

/// `drift` from the MLflow runs of the model's experiment.
public struct MLflowModule: BackendModule {
    public let name = "mlflow"
    public let displayName = "MLflow"
    public let settings: [SettingKey] = [.mlflowURL]
    public let intents: [Intent] = [.drift]

    public init() {}

    public func status(in context: ModuleContext) -> ModuleStatus { .enabled(when: .mlflowURL, in: context) }

    public func executors(in context: ModuleContext) throws -> [(any Executor, [Intent])] {
        let client = MLflowClient(baseURL: context.settings.value(.mlflowURL) ?? "", client: context.http.api("MLflow"))
        return [(DriftExecutor(reader: DriftReader(client: client), catalog: context.configuration.catalog, analyst: context.analyst),
                 [.drift])]
    }
}
