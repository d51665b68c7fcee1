import PlatformHTTP

/// How one backend words its failures: its name, the setting that points at it, its advice per
/// status, and where its error bodies keep the message.
struct ServiceWording: Sendable {
    /// "The model server", "MLflow".
    let service: String
    /// "CHATOPS_INFERENCE_URL (backends.inference.url)".
    let setting: String
    /// Advice for a status the call site did not word itself.
    let advice: @Sendable (_ status: Int, _ subject: String) -> String
    /// The message inside an error body.
    let message: @Sendable (APIResponse) -> String

    func unreachable(_ subject: String, detail: String) -> ModelBackendError {
        ModelBackendError(failure: "\(service) did not answer for \(subject)",
                          advice: "check \(setting) and that the server is up and reachable from the bot",
                          serverMessage: detail)
    }

    func rateLimited(_ subject: String, retryAfter seconds: Int?) -> ModelBackendError {
        ModelBackendError(failure: "\(service) is rate limiting the bot (429) for \(subject)",
                          advice: "try again " + (seconds.map { "in \($0) seconds" } ?? "in a minute"))
    }

    func status(_ code: Int, _ subject: String, _ response: APIResponse, advice special: String?) -> ModelBackendError {
        ModelBackendError(failure: "\(service) answered \(code) for \(subject)",
                          advice: special ?? advice(code, subject), serverMessage: message(response))
    }

    func malformed(_ subject: String, expected: String, _ response: APIResponse) -> ModelBackendError {
        ModelBackendError(failure: "\(service)'s answer for \(subject) could not be read (\(expected) expected)",
                          advice: "check that \(setting) points at the right server", serverMessage: response.excerpt)
    }

    /// Wording shared by both backends for the statuses they treat alike.
    static func commonAdvice(_ code: Int, service: String) -> String {
        switch code {
        case 409: return "the server refused the request as conflicting with its state; try again shortly"
        case 502, 503, 504: return "\(service) or a proxy in front of it is unavailable; try again shortly"
        case 500...: return "\(service) failed; check its log and try again"
        default: return "the request was refused"
        }
    }
}
