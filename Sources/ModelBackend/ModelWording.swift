import Foundation
import PlatformHTTP

/// How failures of the model server and of MLflow are worded: each one's table, on the advice
/// both give for the statuses they treat alike.
enum ModelWording {
    static func inference(credential: Bool) -> HTTPErrorWording { credential ? inferenceWithCredential : inference }

    static func mlflow(credential: Bool) -> HTTPErrorWording { credential ? mlflowWithCredential : mlflow }

    static let inferenceWithCredential = inference.adding([
        401: "the server refused the bot's credentials; check CHATOPS_INFERENCE_TOKEN, or CHATOPS_INFERENCE_USERNAME and CHATOPS_INFERENCE_PASSWORD",
    ])

    static let mlflowWithCredential = mlflow.adding([
        401: "MLflow refused the bot's credentials; check CHATOPS_MLFLOW_TOKEN, or CHATOPS_MLFLOW_USERNAME and CHATOPS_MLFLOW_PASSWORD",
    ])

    static let inference = wording("The model server", setting: "CHATOPS_INFERENCE_URL (backends.inference.url)", hints: [
        400: "the server refused the request as invalid; check the values against model.features and the server log",
        401: "the server wants credentials: set CHATOPS_INFERENCE_TOKEN (a bearer token), or CHATOPS_INFERENCE_USERNAME and "
            + "CHATOPS_INFERENCE_PASSWORD",
        403: "the server refused the bot; allow its address or service account to call the inference endpoint",
        404: "the server serves no such model; check model.name in the configuration against the served "
            + "model's name (KServe: the InferenceService; MLServer: model-settings.json; Triton: the repository folder)",
    ], message: HTTPErrorWording.field("error"))  // MLServer, KServe and Triton answer `{"error": "..."}`; a bare 500 is text.

    /// MLServer answers a tensor that does not fit the model with a bare 500.
    static let shapeAdvice = "the model failed on this input; check that the values match the model's features "
        + "(model.features, in order) and read the model server's log"

    static let mlflow = wording("MLflow", setting: "CHATOPS_MLFLOW_URL (backends.mlflow.url)", hints: [
        400: "MLflow refused the request; check model.mlflow_experiment and model.metric in the configuration",
        401: "MLflow wants credentials: set CHATOPS_MLFLOW_USERNAME and CHATOPS_MLFLOW_PASSWORD (MLflow's basic auth), "
            + "or CHATOPS_MLFLOW_TOKEN",
        403: "the bot's MLflow user lacks READ permission on the experiment; grant it READ",
        404: "MLflow has no such object; check the model's MLflow settings",
    ], message: mlflowMessage)

    /// A table on the advice both give: `service` is named as a sentence starts, `setting` is the URL to check.
    static func wording(_ service: String, setting: String, hints: [Int: String],
                        message: @escaping @Sendable (APIResponse) -> String) -> HTTPErrorWording {
        let named = service.hasPrefix("The ") ? "the" + service.dropFirst(3) : service
        let unavailable = "\(named) or a proxy in front of it is unavailable; try again shortly"
        let common = [409: "the server refused the request as conflicting with its state; try again shortly",
                      502: unavailable, 503: unavailable, 504: unavailable, 429: "try again in a minute"]
        return HTTPErrorWording(service: service, hints: common.merging(hints) { _, own in own },
                                serverFallback: "\(named) failed; check its log and try again",
                                unreachable: "check \(setting) and that the server is up and reachable from the bot",
                                malformed: "check that \(setting) points at the right server", message: message)
    }

    /// MLflow errors are `{"error_code": "RESOURCE_DOES_NOT_EXIST", "message": "..."}`.
    @Sendable static func mlflowMessage(_ response: APIResponse) -> String {
        struct Body: Decodable { let error_code: String?; let message: String? }
        guard let body = try? JSONDecoder().decode(Body.self, from: response.body), body.error_code != nil || body.message != nil else {
            return response.excerpt
        }
        return [body.error_code, body.message].compactMap { $0 }.joined(separator: ": ")
    }
}
