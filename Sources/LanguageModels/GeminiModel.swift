import ChatOpsConfig
import Foundation
import PlatformHTTP

/// Gemini over its REST API: `POST …/models/{model}:generateContent`, temperature 0, the
/// instructions as `systemInstruction`, and with a schema, `responseMimeType: application/json`
/// and the schema as `responseSchema` (the model is then constrained to it; the answer is still
/// checked by the caller).
public struct GeminiModel: LanguageModel {
    /// `gemini-2.5-flash-lite`.
    public let model: String
    let endpoint: GeminiEndpoint
    let transport: ModelTransport

    /// `pool` is the process's (the composition root owns it); `timeout` bounds one call.
    public init(model: String, endpoint: GeminiEndpoint, pool: HTTPClientPool, timeout: Duration = .seconds(30)) {
        self.model = model
        self.endpoint = endpoint
        transport = ModelTransport(service: endpoint.service, http: pool.standard, timeout: timeout)
    }

    public var description: String { "\(model) (\(endpoint.label))" }

    public func complete(_ request: ModelRequest) async throws(ModelError) -> ModelReply {
        let credential = try endpoint.credentialHeader()
        let response = try await transport.post(endpoint.url(model: model), headers: [credential], body: GeminiWire.body(request))
        guard response.isSuccess else {
            throw ProviderFailure.error(response, wording: wording(for: response), call: "for generateContent on \(model)")
                .removing(endpoint.secretValue)
        }
        return try GeminiWire.reply(response, to: request, configuredModel: model, service: endpoint.service)
    }

    /// What each refusal means here, naming the setting to check.
    func wording(for response: APIResponse) -> HTTPErrorWording {
        let credential = endpoint.credentialSetting.variable
        let isVertex = endpoint.isVertex
        var hints: [Int: String] = [
            400: "the request was refused; check \(SettingKey.geminiModel.variable) (\(model))",
            401: isVertex ? "the access token is missing, invalid or expired (\(credential); gcloud's last an hour)"
                : "the API key is missing or invalid (\(credential))",
            403: isVertex ? "the token's account may not call Gemini in this project, or the Vertex AI API is not enabled "
                + "(\(SettingKey.geminiVertexProject.variable), \(credential))"
                : "the API key may not call this model, or the Generative Language API is not enabled for its project (\(credential))",
            404: "there is no model \(model) here; check \(SettingKey.geminiModel.variable) and "
                + (isVertex ? SettingKey.geminiVertexLocation.variable : SettingKey.geminiAPIURL.variable),
            429: "the provider's quota is used up for now; the bot waits as asked",
        ]
        // Google answers a wrong key with 400 API_KEY_INVALID ("API key not valid").
        if ProviderFailure.message(response).localizedCaseInsensitiveContains("API key") { hints[400] = hints[401] }
        return HTTPErrorWording(service: endpoint.service, hints: hints, serverFallback: "\(endpoint.service) failed; try again shortly",
                                message: ProviderFailure.message)
    }
}
