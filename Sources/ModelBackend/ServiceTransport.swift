import Foundation
import PlatformHTTP

/// Sends one backend's calls and turns every way they can fail into a `ModelBackendError`.
struct ServiceTransport: Sendable {
    let client: PlatformAPIClient
    let wording: ServiceWording
    let readAttempts: Int

    /// Sends `request`; a call that changes nothing is tried up to `readAttempts` times on a
    /// gateway error or no answer. `advice` words the statuses this call knows better (404 …).
    func call(_ request: APIRequest, subject: String, retried: Bool = true,
              advice: [Int: String] = [:]) async throws(ModelBackendError) -> APIResponse {
        let response = try await exchange(request, subject: subject, retried: retried)
        guard response.isSuccess else {
            throw wording.status(response.status, subject, response, advice: advice[response.status])
        }
        return response
    }

    /// Sends `request` and hands back any answer it gets, success or not.
    func exchange(_ request: APIRequest, subject: String, retried: Bool = true) async throws(ModelBackendError) -> APIResponse {
        do {
            return try await client.read(request, attempts: retried ? readAttempts : 1)
        } catch {
            switch error {
            case .rateLimited(_, let seconds): throw wording.rateLimited(subject, retryAfter: seconds)
            case .unreachable(_, _, let detail): throw wording.unreachable(subject, detail: detail)
            default: throw wording.unreachable(subject, detail: "\(error)")
            }
        }
    }

    /// A JSON POST asking for JSON back.
    static func post<Body: Encodable>(_ url: String, _ body: Body, subject: String) throws(ModelBackendError) -> APIRequest {
        do {
            return try APIRequest.json(.POST, url, headers: [("Accept", "application/json")], body: body)
        } catch {
            throw ModelBackendError(failure: "The request for \(subject) could not be written", advice: "check the values sent",
                                    serverMessage: "\(error)")
        }
    }

    func decode<T: Decodable>(_ type: T.Type, from response: APIResponse, subject: String,
                              expected: String) throws(ModelBackendError) -> T {
        do {
            return try JSONDecoder().decode(type, from: response.body)
        } catch {
            throw wording.malformed(subject, expected: expected, response)
        }
    }
}
