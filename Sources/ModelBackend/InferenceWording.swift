import Foundation
import PlatformHTTP

/// How failures of the model server are worded.
enum InferenceWording {
    static let setting = "CHATOPS_INFERENCE_URL (backends.inference.url)"

    /// MLServer answers a tensor that does not fit the model with a bare 500.
    static let shapeAdvice = "the model failed on this input; check that the values match the model's features "
        + "(model.features, in order) and read the model server's log"

    static func advice(_ code: Int, _ subject: String) -> String {
        switch code {
        case 400: return "the server refused the request as invalid; check the values against model.features and the server log"
        case 401: return "the server wants credentials, which chatops does not send to model servers yet; "
            + "give the bot an endpoint it can call without them (e.g. the cluster-internal URL)"
        case 403: return "the server refused the bot; allow its address or service account to call the inference endpoint"
        case 404: return "the server serves no such model; check model.name in the configuration against the served "
            + "model's name (KServe: the InferenceService; MLServer: model-settings.json; Triton: the repository folder)"
        default: return ServiceWording.commonAdvice(code, service: "the model server")
        }
    }

    /// MLServer, KServe and Triton all answer `{"error": "..."}`; a bare 500 is plain text.
    static func message(_ response: APIResponse) -> String {
        struct Body: Decodable { let error: String? }
        return (try? JSONDecoder().decode(Body.self, from: response.body))?.error ?? response.excerpt
    }
}

extension ServiceWording {
    static let inference = ServiceWording(service: "The model server", setting: InferenceWording.setting,
                                          advice: InferenceWording.advice, message: InferenceWording.message)
}
