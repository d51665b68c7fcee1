import Foundation
import PlatformHTTP

/// Argo CD's REST API (`/api/v1`) with a bearer token. Reads are retried on a gateway error or
/// no answer (they change nothing); errors say which app and what the answer means.
public struct ArgoCDClient: Sendable {
    let client: PlatformAPIClient
    let baseURL: String
    let token: String
    let readAttempts: Int

    public init(baseURL: String, token: String, client: PlatformAPIClient, readAttempts: Int = 3) {
        self.baseURL = PlatformHTTP.apiBaseURL(baseURL)
        self.token = token
        self.client = client
        self.readAttempts = readAttempts
    }

    public func application(_ name: String) async throws(ArgoCDError) -> ArgoApplication {
        let request = APIRequest(.GET, "\(baseURL)/api/v1/applications/\(name)", headers: authorization)
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
            throw ArgoCDError(error, app: app)
        }
        guard response.isSuccess else { throw .status(app: app, action: .get, code: response.status, message: Self.message(response)) }
        return response
    }

    /// Argo CD's gRPC-gateway errors are `{"error": "...", "code": N, "message": "..."}`.
    static func message(_ response: APIResponse) -> String {
        struct Body: Decodable { let message: String?; let error: String? }
        let body = try? JSONDecoder().decode(Body.self, from: response.body)
        return body?.message ?? body?.error ?? response.excerpt
    }
}

