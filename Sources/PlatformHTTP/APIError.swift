/// Why a call to a platform's API failed, worded for the person reading the log or the reply.
public enum APIError: Error, Sendable, CustomStringConvertible {
    /// No answer: connection refused, DNS, TLS, or the timeout.
    case unreachable(service: String, url: String, detail: String)
    /// An HTTP error status.
    case status(service: String, method: String, path: String, code: Int, excerpt: String)
    /// 429 with a wait longer than we will hold a reply for (or retries used up).
    case rateLimited(service: String, retryAfterSeconds: Int?)
    /// An answer we could not read.
    case malformed(service: String, detail: String)
    /// The API said no in its own words (Slack's `{"ok":false,"error":"channel_not_found"}`).
    case refused(service: String, method: String, error: String)

    public var description: String {
        switch self {
        case .unreachable(let service, let url, let detail):
            return "\(service) could not be reached at \(url) (\(detail)); check the API URL and the network"
        case .status(let service, let method, let path, let code, let excerpt):
            return Self.wording(service).status(code, message: excerpt, call: "to \(method) \(path)").description
        case .rateLimited(let service, let seconds):
            return "\(service) is rate limiting us" + (seconds.map { " (retry after \($0)s)" } ?? "")
        case .malformed(let service, let detail):
            return "\(service) sent an answer we could not read: \(detail)"
        case .refused(let service, let method, let error):
            return "\(service) refused \(method): \(error)"
        }
    }

    /// A chat platform's statuses (Slack, Discord, GitHub replies), as data.
    static func wording(_ service: String) -> HTTPErrorWording {
        HTTPErrorWording(service: service, hints: [
            401: "the token is missing or invalid",
            403: "the token lacks the permission for this call",
            404: "not found (check the channel, repository or id)",
        ], fallback: "the request was rejected", serverFallback: "\(service) failed; try again later")
    }
}
