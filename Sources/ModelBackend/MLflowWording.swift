import Foundation
import PlatformHTTP

/// How failures of the MLflow tracking server are worded.
enum MLflowWording {
    static func advice(_ code: Int, _ subject: String) -> String {
        switch code {
        case 400: return "MLflow refused the request; check model.mlflow_experiment and model.metric in the configuration"
        case 401: return "MLflow wants credentials, which chatops does not send to MLflow yet; give the bot a "
            + "tracking server URL it can read without them"
        case 403: return "the bot's MLflow user lacks READ permission on the experiment; grant it READ"
        case 404: return "MLflow has no such object; check the model's MLflow settings"
        default: return ServiceWording.commonAdvice(code, service: "MLflow")
        }
    }

    /// MLflow errors are `{"error_code": "RESOURCE_DOES_NOT_EXIST", "message": "..."}`.
    static func message(_ response: APIResponse) -> String {
        struct Body: Decodable { let error_code: String?; let message: String? }
        guard let body = try? JSONDecoder().decode(Body.self, from: response.body), body.error_code != nil || body.message != nil else {
            return response.excerpt
        }
        return [body.error_code, body.message].compactMap { $0 }.joined(separator: ": ")
    }
}

extension ServiceWording {
    static let mlflow = ServiceWording(service: "MLflow", setting: "CHATOPS_MLFLOW_URL (backends.mlflow.url)",
                                       advice: MLflowWording.advice, message: MLflowWording.message)
}
