import PlatformHTTP

/// An Open Inference Protocol V2 server (KServe, MLServer, Triton): model readiness and inference.
/// A token or basic auth is sent when configured. Inference changes nothing on the server, so like a read it is tried
/// again after a gateway error or no answer.
public struct InferenceClient: Sendable {
    let baseURL: String
    let transport: ServiceTransport

    public init(baseURL: String, client: PlatformAPIClient,
                readAttempts: Int = 3, credential: ServiceCredential? = nil) {
        self.baseURL = PlatformHTTP.apiBaseURL(baseURL)
        transport = ServiceTransport(client: client, wording: ModelWording.inference(credential: credential != nil),
                                     readAttempts: readAttempts, credential: credential)
    }

    public enum Readiness: Sendable, Hashable {
        case ready
        /// The server knows the model but does not serve it yet (the status it answered).
        case notReady(status: Int)
    }

    func modelURL(_ model: String) -> String { "\(baseURL)/v2/models/\(PathSegment.encode(model))" }

    func readinessRequest(_ model: String) -> APIRequest {
        APIRequest(.GET, modelURL(model) + "/ready", headers: [("Accept", "application/json")])
    }

    func inferenceRequest(_ model: String, _ body: InferenceRequest) throws(ModelBackendError) -> APIRequest {
        try transport.post(modelURL(model) + "/infer", body, subject: "model \(model)")
    }

    /// `GET /v2/models/{model}/ready`: 200 is ready; 401, 403, 404 and 429 are errors; any other
    /// answer means the model is not (yet) serving.
    func readiness(_ model: String) async throws(ModelBackendError) -> Readiness {
        let subject = "model \(model)"
        let response = try await transport.exchange(readinessRequest(model), subject: subject)
        if response.isSuccess { return .ready }
        if [401, 403, 404].contains(response.status) {
            throw transport.status(response, subject: subject)
        }
        return .notReady(status: response.status)
    }

    /// `POST /v2/models/{model}/infer`.
    func infer(_ model: String, _ body: InferenceRequest, retried: Bool = true) async throws(ModelBackendError) -> InferenceResponse {
        let subject = "model \(model)"
        let response = try await transport.call(inferenceRequest(model, body), subject: subject, retried: retried,
                                                hints: [500: ModelWording.shapeAdvice])
        return try transport.decode(InferenceResponse.self, from: response, subject: subject, expected: "an inference response")
    }

    /// The optional extra call: nil whenever it does not work (a server without `predict_proba`).
    func inferIfPossible(_ model: String, _ body: InferenceRequest) async -> InferenceResponse? {
        try? await infer(model, body, retried: false)
    }
}
