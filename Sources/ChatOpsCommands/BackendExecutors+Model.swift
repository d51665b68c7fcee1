import ChatOpsConfig
import Execution
import ModelBackend

extension BackendExecutors {
    /// The ML prediction core: `predict` when the model server's URL is set, `drift` when MLflow's is.
    static func registerModel(into registry: inout ExecutorRegistry, configuration: ChatOpsConfiguration) {
        let settings = configuration.settings
        if let url = settings.value(.inferenceURL), !url.isEmpty {
            registry.register(PredictExecutor(client: InferenceClient(baseURL: url), catalog: configuration.catalog), for: [.predict])
        }
        if let url = settings.value(.mlflowURL), !url.isEmpty {
            let reader = DriftReader(client: MLflowClient(baseURL: url))
            registry.register(DriftExecutor(reader: reader, catalog: configuration.catalog), for: [.drift])
        }
    }
}
