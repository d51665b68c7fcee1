import PlatformHTTP

/// What went wrong talking to Argo CD, worded with the app and what to do.
public enum ArgoCDError: Error, Sendable, CustomStringConvertible {
    /// The RBAC action a call needs (`p, ROLE, applications, ACTION, PROJECT/APP, allow`).
    public enum Action: String, Sendable {
        case get, sync
    }

    case status(app: String, action: Action, code: Int, message: String)
    case unreachable(app: String, detail: String)
    case rateLimited(app: String, detail: String)
    case malformed(app: String, detail: String)
    /// The sync operation ended Failed or Error.
    case operationFailed(app: String, phase: String, message: String)
    /// It did not become Synced and Healthy in time.
    case timedOut(app: String, after: Duration, lastSeen: String)

    init(_ error: APIError, app: String) {
        if case .rateLimited = error { self = .rateLimited(app: app, detail: "\(error)") } else { self = .unreachable(app: app, detail: "\(error)") }
    }

    public var description: String {
        switch self {
        case .status(let app, let action, let code, let message):
            return "Argo CD answered \(code) for app \(app): \(Self.hint(code, action))" + (message.isEmpty ? "" : " — \(message)")
        case .unreachable(let app, let detail):
            return "Argo CD did not answer for app \(app): \(detail)"
        case .rateLimited(let app, let detail):
            return "Argo CD is rate limiting calls for app \(app); try again in a minute (\(detail))"
        case .malformed(let app, let detail):
            return "Argo CD's answer for app \(app) could not be read: \(detail)"
        case .operationFailed(let app, let phase, let message):
            return "Argo CD's sync of \(app) ended \(phase): \(message.isEmpty ? "no message" : message); see the app in Argo CD for the failing resource"
        case .timedOut(let app, let after, let lastSeen):
            return "\(app) was not Synced and Healthy after \(after.components.seconds) s (last seen: \(lastSeen)); "
                + "it may still converge: check `status` and the app in Argo CD"
        }
    }

    static func hint(_ code: Int, _ action: Action) -> String {
        switch code {
        case 401: return "the token is missing, invalid or expired (CHATOPS_ARGOCD_TOKEN)"
        case 403: return "the token lacks `\(action.rawValue)` permission on applications (Argo CD RBAC: p, ROLE, applications, \(action.rawValue), PROJECT/*, allow)"
        case 404: return "there is no such application (check apps[].environments.ENV.argocd_app in the configuration)"
        case 400, 409, 412: return "Argo CD refused the operation"
        default: return code >= 500 ? "Argo CD failed; try again shortly" : "the request was refused"
        }
    }
}
