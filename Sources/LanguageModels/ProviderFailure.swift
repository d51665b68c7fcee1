import Foundation
import PlatformHTTP

/// A provider's error status read into a `ModelError`. Google and OpenAI-compatible servers answer
/// errors in one shape, `{"error":{"code":429,"message":"…","status":"RESOURCE_EXHAUSTED"}}` (OpenAI
/// and llama.cpp say `type` where Google says `status`); the words come from the provider's
/// `HTTPErrorWording`, so a hint names the setting to check.
enum ProviderFailure {
    /// 429 → rateLimited (with the wait asked for), 5xx → unavailable, any other → refused.
    static func error(_ response: APIResponse, wording: HTTPErrorWording, call: String) -> ModelError {
        let message = wording.message(response)
        switch response.status {
        case 429:
            let seconds = retryAfterSeconds(response)
            let words = BackendHTTPError.rateLimited(retryAfterSeconds: seconds, service: wording.service, call: call,
                                                     hint: wording.hints[429]).description
            return ModelError(.rateLimited, words + (message.isEmpty ? "" : " — \(message)"), retryAfterSeconds: seconds)
        case 500...:
            return ModelError(.unavailable, wording.status(response.status, message: message, call: call).description)
        default:
            return ModelError(.refused, wording.status(response.status, message: message, call: call).description)
        }
    }

    /// The provider's words: `RESOURCE_EXHAUSTED: You exceeded your current quota…`, else a
    /// top-level `message` or `error` string, else the start of the body.
    @Sendable static func message(_ response: APIResponse) -> String {
        guard let body = JSONValue.parse(String(decoding: response.body, as: UTF8.self)) else { return response.excerpt }
        if let error = body["error"], let message = error["message"]?.string {
            let status = error["status"]?.string ?? error["type"]?.string
            return status.map { "\($0): \(message)" } ?? message
        }
        return body["message"]?.string ?? body["error"]?.string ?? body["detail"]?.string ?? response.excerpt
    }

    /// The wait a 429 asks for: Google's `RetryInfo.retryDelay` (`"26s"`, `"0.5s"`) in the error's
    /// details, else the `Retry-After` header; whole seconds, rounded up.
    static func retryAfterSeconds(_ response: APIResponse) -> Int? {
        let body = JSONValue.parse(String(decoding: response.body, as: UTF8.self))
        let details = body?["error"]?["details"]?.array ?? []
        let retryInfo = details.first { $0["@type"]?.string?.hasSuffix("google.rpc.RetryInfo") == true }
        if let delay = retryInfo?["retryDelay"]?.string, delay.hasSuffix("s"), let seconds = Double(delay.dropLast()), seconds >= 0 {
            return Int(seconds.rounded(.up))
        }
        if let header = response.header("Retry-After"), let seconds = Double(header.trimmingCharacters(in: .whitespaces)), seconds >= 0 {
            return Int(seconds.rounded(.up))
        }
        return nil
    }
}

extension ModelError {
    /// The same error with `secret` blanked wherever a provider's words quoted it.
    func removing(_ secret: String?) -> ModelError {
        guard let secret, secret.count >= 8, description.contains(secret) else { return self }
        return ModelError(kind, description.replacingOccurrences(of: secret, with: "<redacted>"), retryAfterSeconds: retryAfterSeconds)
    }
}
