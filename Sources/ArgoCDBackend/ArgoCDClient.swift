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
        let response = try await exchange(request, app: name, action: .get)
        do {
            return try ArgoCDError.wording(.get).decode(ArgoApplication.self, from: response, call: ArgoCDError.call(name))
        } catch {
            throw .api(error)
        }
    }

    /// Sends `request`: a read (`.get`) is retried on a gateway error or no answer, anything else
    /// is sent once. An error status is `.status`, every other failure `.api`.
    func exchange(_ request: APIRequest, app: String, action: ArgoCDError.Action) async throws(ArgoCDError) -> APIResponse {
        let wording = ArgoCDError.wording(action)
        let response: APIResponse
        do {
            response = action == .get ? try await client.read(request, attempts: readAttempts) : try await client.send(request)
        } catch {
            throw .api(wording.failure(error, call: ArgoCDError.call(app)))
        }
        guard response.isSuccess else {
            throw .status(app: app, action: action, code: response.status, message: wording.message(response))
        }
        return response
    }
}
