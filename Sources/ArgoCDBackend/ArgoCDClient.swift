import Foundation
import PlatformHTTP

/// Argo CD's REST API (`/api/v1`) with a bearer token. Reads are retried on a gateway error or
/// no answer (they change nothing); errors say which app and what the answer means.
public struct ArgoCDClient: Sendable {
    let client: PlatformAPIClient
    let baseURL: String
    let token: String
    let readAttempts: Int

    public init(baseURL: String, token: String, client: PlatformAPIClient = PlatformAPIClient(service: "Argo CD"),
                readAttempts: Int = 3) {
        self.baseURL = PlatformHTTP.apiBaseURL(baseURL)
        self.token = token
        self.client = client
        self.readAttempts = readAttempts
    }

    func application(_ name: String) async throws(ArgoCDError) -> ArgoApplication {
        let request = APIRequest(.GET, "\(baseURL)/api/v1/applications/\(name)",
                                 headers: [("Authorization", "Bearer \(token)"), ("Accept", "application/json")])
        let response = try await read(request, app: name)
        do {
            return try response.decode(ArgoApplication.self, service: "Argo CD")
        } catch {
            throw .malformed(app: name, detail: "\(error)")
        }
    }

    func read(_ request: APIRequest, app: String) async throws(ArgoCDError) -> APIResponse {
        let response: APIResponse
        do {
            response = try await client.read(request, attempts: readAttempts)
        } catch {
            throw .unreachable(app: app, detail: "\(error)")
        }
        guard response.isSuccess else { throw .status(app: app, code: response.status, message: Self.message(response)) }
        return response
    }

    /// Argo CD's gRPC-gateway errors are `{"error": "...", "code": N, "message": "..."}`.
    static func message(_ response: APIResponse) -> String {
        struct Body: Decodable { let message: String?; let error: String? }
        let body = try? JSONDecoder().decode(Body.self, from: response.body)
        return body?.message ?? body?.error ?? response.excerpt
    }
}

/// What went wrong talking to Argo CD, worded with the app and what to do.
public enum ArgoCDError: Error, Sendable, CustomStringConvertible {
    case status(app: String, code: Int, message: String)
    case unreachable(app: String, detail: String)
    case malformed(app: String, detail: String)

    public var description: String {
        switch self {
        case .status(let app, let code, let message):
            let hint: String
            switch code {
            case 401: hint = "the token is missing, invalid or expired (CHATOPS_ARGOCD_TOKEN)"
            case 403: hint = "the token lacks `get` permission on applications (Argo CD RBAC: p, ROLE, applications, get, PROJECT/*, allow)"
            case 404: hint = "there is no such application (check apps[].environments.ENV.argocd_app in the configuration)"
            default: hint = code >= 500 ? "Argo CD failed; try again shortly" : "the request was refused"
            }
            return "Argo CD answered \(code) for app \(app): \(hint)" + (message.isEmpty ? "" : " — \(message)")
        case .unreachable(let app, let detail):
            return "Argo CD did not answer for app \(app): \(detail)"
        case .malformed(let app, let detail):
            return "Argo CD's answer for app \(app) could not be read: \(detail)"
        }
    }
}
