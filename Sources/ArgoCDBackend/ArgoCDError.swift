import PlatformHTTP

/// What went wrong with Argo CD: its API failed (worded from `ArgoCDError.wording`), or a sync
/// did not end Synced and Healthy.
public enum ArgoCDError: Error, Sendable, CustomStringConvertible {
    /// The RBAC action a call needs (`p, ROLE, applications, ACTION, PROJECT/APP, allow`).
    public enum Action: String, Sendable {
        case get, sync
    }

    /// Argo CD answered an error status. A case of its own (not `.api`) while the GitOps delivery
    /// matches on it; `http` is the same failure in the shared shape.
    case status(app: String, action: Action, code: Int, message: String)
    /// No answer, a rate limit, or an answer that could not be read.
    case api(BackendHTTPError)
    /// The sync operation ended Failed or Error.
    case operationFailed(app: String, phase: String, message: String)
    /// It did not become Synced and Healthy in time.
    case timedOut(app: String, after: Duration, lastSeen: String)

    /// The failure of Argo CD's API, when that is what this is.
    public var http: BackendHTTPError? {
        switch self {
        case .status(let app, let action, let code, let message):
            return Self.wording(action).status(code, message: message, call: Self.call(app))
        case .api(let error):
            return error
        case .operationFailed, .timedOut:
            return nil
        }
    }

    public var description: String {
        switch self {
        case .status, .api:
            return http.map(\.description) ?? ""
        case .operationFailed(let app, let phase, let message):
            return "Argo CD's sync of \(app) ended \(phase): \(message.isEmpty ? "no message" : message); see the app in Argo CD for the failing resource"
        case .timedOut(let app, let after, let lastSeen):
            return "\(app) was not Synced and Healthy after \(after.components.seconds) s (last seen: \(lastSeen)); "
                + "it may still converge: check `status` and the app in Argo CD"
        }
    }

    /// `for app iris-classifier-prod`.
    static func call(_ app: String) -> String { "for app \(app)" }

    /// Argo CD's statuses for a call that needs `action`.
    static func wording(_ action: Action) -> HTTPErrorWording {
        let refused = "Argo CD refused the operation"
        return HTTPErrorWording(service: "Argo CD", hints: [
            400: refused, 409: refused, 412: refused,
            401: "the token is missing, invalid or expired (CHATOPS_ARGOCD_TOKEN)",
            403: "the token lacks `\(action.rawValue)` permission on applications "
                + "(Argo CD RBAC: p, ROLE, applications, \(action.rawValue), PROJECT/*, allow)",
            404: "there is no such application (check apps[].environments.ENV.argocd_app in the configuration)",
            429: "try again in a minute",
        ], unreachable: "check CHATOPS_ARGOCD_URL and the network")
    }
}
