import Foundation

/// How one backend words its HTTP failures, as data: a hint per status and a fallback for the
/// others, what to check when there is no answer or an unreadable one, and where its error
/// bodies keep the server's own words. A call that knows better adds its hints (`adding`).
///
///     HTTPErrorWording(service: "Argo CD", hints: [
///         401: "the token is missing, invalid or expired (CHATOPS_ARGOCD_TOKEN)",
///         404: "there is no such application (check apps[].environments.ENV.argocd_app)",
///     ])
public struct HTTPErrorWording: Sendable {
    /// `Argo CD`, `Kubernetes`, `GitHub`.
    public var service: String
    /// What each status means for this backend and what to do; 429 is the advice when it rate limits.
    public var hints: [Int: String]
    /// For a 4xx the table does not name.
    public var fallback: String
    /// For a 5xx the table does not name.
    public var serverFallback: String
    /// What to check when there is no answer.
    public var unreachable: String?
    /// Better advice for no answer whose detail holds the key (a TLS failure's code), instead of `unreachable`.
    public var unreachableHints: [String: String]
    /// What to check when an answer cannot be read.
    public var malformed: String?
    /// The server's own words in an error body.
    public var message: @Sendable (APIResponse) -> String

    public init(service: String, hints: [Int: String] = [:], fallback: String = "the request was refused",
                serverFallback: String? = nil, unreachable: String? = "check the API URL and the network",
                unreachableHints: [String: String] = [:], malformed: String? = nil,
                message: @escaping @Sendable (APIResponse) -> String = HTTPErrorWording.field("message", "error")) {
        self.service = service
        self.hints = hints
        self.fallback = fallback
        self.serverFallback = serverFallback ?? "\(service) failed; try again shortly"
        self.unreachable = unreachable
        self.unreachableHints = unreachableHints
        self.malformed = malformed
        self.message = message
    }

    /// The hint for `status`: the table's, else the fallback for its class.
    public func hint(for status: Int) -> String {
        hints[status] ?? (status >= 500 ? serverFallback : fallback)
    }

    /// This table with `hints` in place of the ones it had for the same statuses.
    public func adding(_ hints: [Int: String]) -> HTTPErrorWording {
        var wording = self
        wording.hints.merge(hints) { _, new in new }
        return wording
    }

    /// The first string among the top-level `keys` of a JSON error body, else the body's start.
    public static func field(_ keys: String...) -> @Sendable (APIResponse) -> String {
        { response in
            let object = (try? JSONSerialization.jsonObject(with: response.body)) as? [String: Any]
            return keys.lazy.compactMap { object?[$0] as? String }.first ?? response.excerpt
        }
    }
}

extension HTTPErrorWording {
    /// An error status, with the server's words read from the body.
    public func status(_ response: APIResponse, call: String) -> BackendHTTPError {
        status(response.status, message: message(response), call: call)
    }

    public func status(_ code: Int, message: String, call: String) -> BackendHTTPError {
        .status(code, message: message, service: service, call: call, hint: hint(for: code))
    }

    /// A failure of the transport (no answer, a rate limit, an unreadable answer), or an error
    /// status `PlatformAPIClient.sendExpectingSuccess` threw.
    public func failure(_ error: APIError, call: String) -> BackendHTTPError {
        switch error {
        case .unreachable(_, let path, let detail):
            return unreachable(path: path, detail: detail, call: call)
        case .rateLimited(_, let seconds):
            return .rateLimited(retryAfterSeconds: seconds, service: service, call: call, hint: hints[429] ?? "try again in a minute")
        case .malformed(_, let detail):
            return malformed(detail, call: call)
        case .status(_, _, _, let code, let excerpt):
            return status(code, message: excerpt, call: call)
        case .refused(_, _, let reason):
            return .refused(reason, service: service, call: call, hint: nil)
        }
    }

    public func unreachable(path: String, detail: String, call: String) -> BackendHTTPError {
        let specific = unreachableHints.keys.sorted().first { detail.contains($0) }.flatMap { unreachableHints[$0] }
        return .unreachable(path: path, detail: detail, service: service, call: call, hint: specific ?? unreachable)
    }

    public func malformed(_ detail: String, call: String) -> BackendHTTPError {
        .malformed(detail, service: service, call: call, hint: malformed)
    }

    /// The JSON body as `T`, or the error that says which call's answer was not one (`expected`:
    /// what to call it there, `an inference response`; the type's name by default).
    public func decode<T: Decodable>(_ type: T.Type, from response: APIResponse, call: String,
                                     expected: String? = nil) throws(BackendHTTPError) -> T {
        do {
            return try JSONDecoder().decode(type, from: response.body)
        } catch {
            throw malformed("\(expected ?? "\(T.self)") expected, got \(response.excerpt)", call: call)
        }
    }
}
