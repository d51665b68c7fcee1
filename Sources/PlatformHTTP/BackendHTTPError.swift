/// Why a call to a backend's HTTP API failed, in one shape for every backend: the service, the
/// call in words, what happened (an error status, no answer, a rate limit, an answer that could
/// not be read…) and what to do about it. The words come from the backend's `HTTPErrorWording`,
/// a table of data; a new kind of failure is a new static member, so callers that read `status`,
/// `message` or the description never have to switch over kinds.
///
/// `GitHub answered 404 for workflow ci.yml in acme/iris: there is no such workflow … — Not Found`
public struct BackendHTTPError: Error, Sendable, Hashable, CustomStringConvertible {
    enum Failure: Sendable, Hashable {
        case status(Int, message: String)
        case unreachable(path: String, detail: String)
        case rateLimited(retryAfterSeconds: Int?)
        case malformed(detail: String)
        case refused(reason: String)
        case notSent(reason: String)
    }

    /// `Argo CD`, `Kubernetes`, `GitHub`, `The model server`.
    public let service: String
    /// The call as a message names it, after the verb: `for app iris-classifier-prod`,
    /// `to patch deployments/scale iris-classifier in ml-staging`.
    public let call: String
    /// What to do about it, from the backend's table (nil when there is nothing to add).
    public let hint: String?
    let failure: Failure

    init(service: String, call: String, failure: Failure, hint: String?) {
        self.service = service
        self.call = call
        self.failure = failure
        self.hint = hint.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// The backend answered an error status; `message` is its own words from the body.
    public static func status(_ code: Int, message: String, service: String, call: String, hint: String?) -> BackendHTTPError {
        BackendHTTPError(service: service, call: call, failure: .status(code, message: message), hint: hint)
    }

    /// No answer: connection refused, DNS, TLS, or the timeout. `path` is the URL's path (never a query).
    public static func unreachable(path: String, detail: String, service: String, call: String, hint: String?) -> BackendHTTPError {
        BackendHTTPError(service: service, call: call, failure: .unreachable(path: path, detail: detail), hint: hint)
    }

    /// 429 for longer than a reply can wait, or with the retries used up.
    public static func rateLimited(retryAfterSeconds: Int?, service: String, call: String, hint: String?) -> BackendHTTPError {
        BackendHTTPError(service: service, call: call, failure: .rateLimited(retryAfterSeconds: retryAfterSeconds), hint: hint)
    }

    /// An answer that is not what the call expects (`PodList expected, got {not json`).
    public static func malformed(_ detail: String, service: String, call: String, hint: String?) -> BackendHTTPError {
        BackendHTTPError(service: service, call: call, failure: .malformed(detail: detail), hint: hint)
    }

    /// A successful answer that still says no, in the service's words (`the App is not installed anywhere`).
    public static func refused(_ reason: String, service: String, call: String, hint: String?) -> BackendHTTPError {
        BackendHTTPError(service: service, call: call, failure: .refused(reason: reason), hint: hint)
    }

    /// Nothing was sent: the request could not be made (a body that cannot be encoded, a key that cannot sign).
    public static func notSent(_ reason: String, service: String, call: String, hint: String?) -> BackendHTTPError {
        BackendHTTPError(service: service, call: call, failure: .notSent(reason: reason), hint: hint)
    }
}

extension BackendHTTPError {
    /// The status the backend answered, when it answered one.
    public var status: Int? {
        if case .status(let code, _) = failure { return code }
        return nil
    }

    /// The backend's own words with an error status (empty when it gave none, or for other failures).
    public var message: String {
        if case .status(_, let message) = failure { return message }
        return ""
    }

    /// No answer at all: nothing is known to have happened on the other side.
    public var isUnreachable: Bool {
        if case .unreachable = failure { return true }
        return false
    }

    public var isRateLimited: Bool {
        if case .rateLimited = failure { return true }
        return false
    }

    /// The wait the backend asked for with its 429, when it said.
    public var retryAfterSeconds: Int? {
        if case .rateLimited(let seconds) = failure { return seconds }
        return nil
    }

    /// `WHAT: HINT — THE SERVER'S WORDS` for a status; the other failures say what happened
    /// first and what to do after it.
    public var description: String {
        let advice = hint.map { " — \($0)" } ?? ""
        switch failure {
        case .status(let code, let message):
            return "\(service) answered \(code) \(call): \(hint ?? "the request was refused")" + (message.isEmpty ? "" : " — \(message)")
        case .rateLimited(let seconds):
            return "\(service) is rate limiting the bot (429) \(call)" + (seconds.map { " (retry after \($0)s)" } ?? "")
                + ": \(hint ?? "try again later")"
        case .unreachable(let path, let detail):
            return "\(service) did not answer \(call): \(service) could not be reached at \(path) (\(detail))" + advice
        case .malformed(let detail):
            return "\(possessive) answer \(call) could not be read: \(detail)" + advice
        case .refused(let reason):
            return "\(service) refused \(call): \(reason)" + advice
        case .notSent(let reason):
            return "\(service) was not called \(call): \(reason)" + advice
        }
    }

    /// `GitHub's`, `Kubernetes'`.
    var possessive: String { service.hasSuffix("s") ? service + "'" : service + "'s" }
}
