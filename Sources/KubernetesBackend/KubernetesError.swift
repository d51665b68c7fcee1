import Foundation
import PlatformHTTP

/// What went wrong talking to the Kubernetes API server: its API failed (worded from
/// `KubernetesError.wording`, with the object and the Role rule to add), or the token could not be read.
public enum KubernetesError: Error, Sendable, CustomStringConvertible {
    /// An error status (its `Status` message), no answer, a rate limit, or an unreadable answer.
    case api(BackendHTTPError)
    /// The bearer token could not be read (a rotated service-account token file that vanished).
    case credentials(String)

    public var description: String {
        switch self {
        case .api(let error): return "\(error)"
        case .credentials(let problem): return "Kubernetes credentials could not be read: \(problem)"
        }
    }

    /// `to patch deployments/scale iris-classifier in ml-staging`.
    static func call(_ action: KubeAction) -> String { "to \(action)" }

    /// The API server's statuses for `action`: 403 names the Role rule that grants it, 404 the object.
    static func wording(_ action: KubeAction) -> HTTPErrorWording {
        let missing = "there is no such \(action.objectKind)" + (action.name.map { " \($0)" } ?? "") + " in namespace \(action.namespace)"
        return HTTPErrorWording(service: "Kubernetes", hints: [
            400: "the API server refused the request",
            401: "the token is invalid or expired (CHATOPS_KUBE_TOKEN, the kubeconfig user, or the service-account token)",
            403: "the service account lacks `\(action.verb)` on `\(action.resource)` in namespace \(action.namespace); "
                + "add to its Role there the rule \(action.roleRule)",
            404: missing + (action.objectKind == "pod" ? " (it may have just been replaced; ask again)"
                            : " (check apps[].environments.ENV.deployment and namespace in the configuration)"),
            409: "conflict: the object changed at the same time; nothing was applied, try again",
            422: "the change is invalid for this object",
            429: "nothing more was sent; try again in a minute",
        ], serverFallback: "the API server failed; try again shortly",
           unreachable: "check the API server's URL (CHATOPS_KUBE_API_URL or the kubeconfig) and the network",
           unreachableHints: tlsHints, message: statusMessage)
    }

    /// What to do about the TLS failures a misconfigured connection shows.
    static let tlsHints = [
        "CERTIFICATE_VERIFY_FAILED": "the API server's certificate is not signed by a CA the bot trusts: set CHATOPS_KUBE_CA_FILE "
            + "(or certificate-authority in the kubeconfig) to the cluster's CA",
        "CERTIFICATE_REQUIRED": "the API server wants a client certificate: set client-certificate and client-key in the kubeconfig, "
            + "or use a token",
    ]

    /// The `message` of a Kubernetes `Status` error body, else the body's start.
    @Sendable static func statusMessage(_ response: APIResponse) -> String {
        struct Status: Decodable { let kind: String?; let message: String? }
        let body = try? JSONDecoder().decode(Status.self, from: response.body)
        return body?.kind == "Status" ? body?.message ?? "" : response.excerpt
    }
}
