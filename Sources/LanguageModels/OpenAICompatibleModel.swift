import ChatOpsConfig
import Foundation
import PlatformHTTP

/// A model behind OpenAI's `POST {base}/chat/completions`: the instructions as the system message,
/// temperature 0, and with a schema the best `response_format` the server takes. A server that
/// refuses a form (llama.cpp's answers 500 for `json_schema`; others 400 or 422 naming
/// `response_format`) is asked again with the next, and the form that worked is kept for this
/// model's later calls.
public struct OpenAICompatibleModel: LanguageModel {
    /// The name the server knows the model by (`local`, `gpt-4o-mini`).
    public let model: String
    let baseURL: String
    let key: String?
    let transport: ModelTransport
    let forms = StructuredOutputMemory()

    /// `baseURL` ends in `/v1`; `key`, when given, is sent as a bearer token.
    public init(model: String, baseURL: String, key: String? = nil, pool: HTTPClientPool, timeout: Duration = .seconds(30)) {
        self.model = model
        self.baseURL = apiBaseURL(baseURL)
        self.key = key.flatMap { $0.isEmpty ? nil : $0 }
        let host = URLComponents(string: baseURL).flatMap { c in c.host.map { $0 + (c.port.map { ":\($0)" } ?? "") } } ?? baseURL
        transport = ModelTransport(service: "The OpenAI-compatible server \(host)", http: pool.standard, timeout: timeout)
    }

    public var description: String { "\(model) (OpenAI-compatible, \(baseURL))" }

    public func complete(_ request: ModelRequest) async throws(ModelError) -> ModelReply {
        let headers = key.map { [("Authorization", "Bearer " + $0)] } ?? []
        var form: StructuredOutputForm? = request.schema == nil ? nil : forms.current
        while true {
            let body = OpenAIWire.body(request, model: model, form: form)
            let response = try await transport.post(baseURL + "/chat/completions", headers: headers, body: body)
            if !response.isSuccess {
                if let refused = form, let next = refused.next, Self.refuses(refused, response) {
                    form = next
                    continue
                }
                throw ProviderFailure.error(response, wording: wording, call: "for chat/completions on \(model)").removing(key)
            }
            let reply = try OpenAIWire.reply(response, to: request, configuredModel: model, service: transport.service)
            if let form { forms.remember(form) }
            return reply
        }
    }

    /// Whether `response` is the server refusing the structured-output form rather than the
    /// request: llama.cpp's server answers 500 (`response_format type must be one of "text" or
    /// "json_object"`); others 400 or 422 naming the field. A 500 that is a real failure costs the
    /// lesser forms one try each, and the form is kept only once one of them has worked.
    static func refuses(_ form: StructuredOutputForm, _ response: APIResponse) -> Bool {
        if response.status == 500 { return true }
        guard [400, 422].contains(response.status) else { return false }
        let words = String(decoding: response.body, as: UTF8.self).lowercased()
        return ["response_format", "json_schema", "schema"].contains { words.contains($0) }
    }

    var wording: HTTPErrorWording {
        let url = SettingKey.openAIAPIURL.variable, modelSetting = SettingKey.openAIModel.variable
        let keySetting = SettingKey.openAIAPIKey.variable
        return HTTPErrorWording(service: transport.service, hints: [
            400: "the request was refused; check \(modelSetting) (\(model))",
            401: "the key is missing or invalid (\(keySetting))",
            403: "the key may not use this model (\(keySetting))",
            404: "there is no model \(model) or no chat/completions here; check \(modelSetting) and that \(url) ends in /v1",
            429: "the server's rate limit; the bot waits as asked",
        ], serverFallback: "the server failed; try again shortly", message: ProviderFailure.message)
    }
}
