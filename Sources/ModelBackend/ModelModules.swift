import ChatOpsConfig
import ChatOpsCore
import Execution

extension SettingKey {
    public static let inferenceURL = SettingKey("backends.inference.url", "CHATOPS_INFERENCE_URL", kind: .url,
                                                summary: "the Open Inference Protocol V2 model server")
    public static let mlflowURL = SettingKey("backends.mlflow.url", "CHATOPS_MLFLOW_URL", kind: .url, summary: "the MLflow tracking server")
    public static let inferenceToken = SettingKey("backends.inference.token", "CHATOPS_INFERENCE_TOKEN", secret: true,
                                                  summary: "a bearer token for the model server (or its proxy)")
    public static let inferenceUsername = SettingKey("backends.inference.username", "CHATOPS_INFERENCE_USERNAME",
                                                     summary: "a basic-auth user for the model server, instead of a token")
    public static let inferencePassword = SettingKey("backends.inference.password", "CHATOPS_INFERENCE_PASSWORD", secret: true,
                                                     summary: "its password")
    public static let mlflowToken = SettingKey("backends.mlflow.token", "CHATOPS_MLFLOW_TOKEN", secret: true,
                                               summary: "a bearer token for MLflow (as MLFLOW_TRACKING_TOKEN)")
    public static let mlflowUsername = SettingKey("backends.mlflow.username", "CHATOPS_MLFLOW_USERNAME",
                                                  summary: "an MLflow user (as MLFLOW_TRACKING_USERNAME), instead of a token")
    public static let mlflowPassword = SettingKey("backends.mlflow.password", "CHATOPS_MLFLOW_PASSWORD", secret: true,
                                                  summary: "its password (as MLFLOW_TRACKING_PASSWORD)")
}

/// `predict` over the Open Inference Protocol V2 (KServe, MLServer, Triton).
public struct InferenceModule: BackendModule {
    public let name = "inference"
    public let displayName = "The model server (Open Inference Protocol)"
    public let settings: [SettingKey] = [.inferenceURL, .inferenceToken, .inferenceUsername, .inferencePassword]
    public let intents: [Intent] = [.predict]

    public init() {}

    public func status(in context: ModuleContext) -> ModuleStatus {
        .enabled(when: .inferenceURL, credentials: (.inferenceToken, .inferenceUsername, .inferencePassword), in: context)
    }

    public func executors(in context: ModuleContext) throws -> [(any Executor, [Intent])] {
        let credential = try ServiceCredential.from(context.settings, token: .inferenceToken, username: .inferenceUsername,
                                                    password: .inferencePassword)
        let client = InferenceClient(baseURL: context.settings.value(.inferenceURL) ?? "", client: context.http.api("The model server"),
                                     credential: credential)
        return [(PredictExecutor(client: client, catalog: context.configuration.catalog), [.predict])]
    }
}

/// `drift` from the MLflow runs of the model's experiment.
public struct MLflowModule: BackendModule {
    public let name = "mlflow"
    public let displayName = "MLflow"
    public let settings: [SettingKey] = [.mlflowURL, .mlflowToken, .mlflowUsername, .mlflowPassword]
    public let intents: [Intent] = [.drift]

    public init() {}

    public func status(in context: ModuleContext) -> ModuleStatus {
        .enabled(when: .mlflowURL, credentials: (.mlflowToken, .mlflowUsername, .mlflowPassword), in: context)
    }

    public func executors(in context: ModuleContext) throws -> [(any Executor, [Intent])] {
        let credential = try ServiceCredential.from(context.settings, token: .mlflowToken, username: .mlflowUsername, password: .mlflowPassword)
        let client = MLflowClient(baseURL: context.settings.value(.mlflowURL) ?? "", client: context.http.api("MLflow"), credential: credential)
        return [(DriftExecutor(reader: DriftReader(client: client), catalog: context.configuration.catalog, analyst: context.analyst),
                 [.drift])]
    }
}
