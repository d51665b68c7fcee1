import ChatOpsConfig
import ChatOpsCore
import Execution
import ReplyModel

/// `predict [MODEL] F1 F2 …`: checks the values against the model's features, asks the model
/// server whether the model is ready, runs one inference, and names the class.
public struct PredictExecutor: Executor {
    let client: InferenceClient
    let catalog: Catalog

    public init(client: InferenceClient, catalog: Catalog) {
        self.client = client
        self.catalog = catalog
    }

    public func plan(_ input: ExecutionInput) -> [String] {
        switch checked(input) {
        case .failure(let refusal):
            return ["make no call: \(refusal.text)"]
        case .success(let (choice, values)):
            let name = choice.model.name
            let bodies = [request(input, values), request(input, values, outputs: ["predict_proba"])]
            let calls = bodies.compactMap { try? client.inferenceRequest(name, $0) }
            return ["GET \(client.readinessRequest(name).url)"]
                + calls.map { "POST \($0.url) " + ($0.body.map { String(decoding: $0, as: UTF8.self) } ?? "") }
        }
    }

    public func execute(_ input: ExecutionInput, progress: any ProgressReporter) async -> ExecutionResult {
        let choice: ModelChoice, values: [Double]
        switch checked(input) {
        case .failure(let refusal): return .failed(refusal.text)
        case .success(let checked): (choice, values) = checked
        }
        let name = choice.model.name
        do {
            if case .notReady(let status) = try await client.readiness(name) {
                return .failed(.text("Model \(name) is not ready on the model server (it answered \(status) to "
                                     + "GET /v2/models/\(name)/ready): check that the model loaded (KServe: "
                                     + "`kubectl get inferenceservice \(name)`; MLServer or Triton: the server log) and try again.",
                                     severity: .failure))
            }
            let response = try await client.infer(name, request(input, values))
            let probabilities = response.output(named: "predict_proba") == nil
                ? await client.inferIfPossible(name, request(input, values, outputs: ["predict_proba"])) : nil
            let prediction = try PredictionReading.read(response, probabilities: probabilities, classes: choice.model.classes)
            return .succeeded(PredictionReply(model: choice.model, values: values, prediction: prediction).reply)
        } catch let error as ModelBackendError {
            return .failed(.text("\(error)", severity: .failure))
        } catch {
            return .failed(.text("The model server's answer for model \(name) has no class I can read: \(error). Check that "
                                 + "model.name is a classifier that answers `predict` (or `predict_proba`).", severity: .failure))
        }
    }

    func request(_ input: ExecutionInput, _ values: [Double], outputs: [String]? = nil) -> InferenceRequest {
        InferenceRequest(id: input.requestID.map { "chatops-\($0)" }, features: values, outputs: outputs)
    }

    /// The model and the values, or why no call will be made.
    func checked(_ input: ExecutionInput) -> Result<(ModelChoice, [Double]), RefusalText> {
        ModelChoice.resolve(input, in: catalog).flatMap { choice in
            let features = choice.model.features
            let example = "`predict \(choice.app.name) " + features.map { "<\($0)>" }.joined(separator: " ") + "`"
            guard let values = input.featureValues, !values.isEmpty else {
                return .failure(RefusalText("Give the feature values: \(example)."))
            }
            guard features.isEmpty || values.count == features.count else {
                return .failure(RefusalText("Model \(choice.model.name) takes \(features.count) features, in this order: "
                                            + "\(features.joined(separator: ", ")); got \(values.count). Example: \(example)."))
            }
            return .success((choice, values))
        }
    }
}
