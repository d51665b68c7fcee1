import Foundation
import PlatformHTTP

/// What went wrong talking to the Kubernetes API server, worded with the object and what to do.
public enum KubernetesError: Error, Sendable, CustomStringConvertible {
    /// An error status; `reason` and `message` come from the API's `Status` object.
    case status(KubeAction, code: Int, reason: String?, message: String)
    case unreachable(KubeAction, detail: String)
    case rateLimited(KubeAction, retryAfterSeconds: Int?)
    case malformed(KubeAction, detail: String)
    /// The bearer token could not be read (a rotated service-account token file that vanished).
    case credentials(String)

    public var description: String {
        switch self {
        case .status(let action, let code, _, let message):
            return "Kubernetes answered \(code) to \(action): \(Self.hint(code: code, action: action))"
                + (message.isEmpty ? "" : " — \(message)")
        case .unreachable(let action, let detail):
            return "Kubernetes did not answer to \(action): \(detail)" + Self.tlsHint(detail)
        case .rateLimited(let action, let seconds):
            return "Kubernetes is rate limiting (429) \(action)" + (seconds.map { " (retry after \($0)s)" } ?? "")
                + ": nothing more was sent; try again in a minute"
        case .malformed(let action, let detail):
            return "Kubernetes' answer to \(action) could not be read: \(detail)"
        case .credentials(let problem):
            return "Kubernetes credentials could not be read: \(problem)"
        }
    }

    /// What to do about the TLS failures a misconfigured connection shows.
    static func tlsHint(_ detail: String) -> String {
        if detail.contains("CERTIFICATE_VERIFY_FAILED") {
            return " — the API server's certificate is not signed by a CA the bot trusts: set CHATOPS_KUBE_CA_FILE "
                + "(or certificate-authority in the kubeconfig) to the cluster's CA"
        }
        if detail.contains("CERTIFICATE_REQUIRED") {
            return " — the API server wants a client certificate: set client-certificate and client-key in the kubeconfig, or use a token"
        }
        return ""
    }

    static func hint(code: Int, action: KubeAction) -> String {
        switch code {
        case 400: return "the API server refused the request"
        case 401: return "the token is invalid or expired (CHATOPS_KUBE_TOKEN, the kubeconfig user, or the service-account token)"
        case 403:
            return "the service account lacks `\(action.verb)` on `\(action.resource)` in namespace \(action.namespace); "
                + "add to its Role there the rule \(action.roleRule)"
        case 404:
            let object = "there is no such \(action.objectKind)" + (action.name.map { " \($0)" } ?? "") + " in namespace \(action.namespace)"
            return object + (action.objectKind == "pod" ? " (it may have just been replaced; ask again)"
                             : " (check apps[].environments.ENV.deployment and namespace in the configuration)")
        case 409: return "conflict: the object changed at the same time; nothing was applied, try again"
        case 422: return "the change is invalid for this object"
        case 429: return "the API server is rate limiting us; try again in a minute"
        default: return code >= 500 ? "the API server failed; try again shortly" : "the request was refused"
        }
    }

    /// The `message` of a Kubernetes `Status` error body, else the body's start.
    static func status(_ response: APIResponse, action: KubeAction) -> KubernetesError {
        struct Status: Decodable { let kind: String?; let message: String?; let reason: String? }
        let body = try? JSONDecoder().decode(Status.self, from: response.body)
        let message = body?.kind == "Status" ? body?.message ?? "" : response.excerpt
        return .status(action, code: response.status, reason: body?.reason, message: message)
    }

    static func from(_ error: APIError, action: KubeAction) -> KubernetesError {
        switch error {
        case .rateLimited(_, let seconds): return .rateLimited(action, retryAfterSeconds: seconds)
        case .malformed(_, let detail): return .malformed(action, detail: detail)
        default: return .unreachable(action, detail: "\(error)")
        }
    }
}
