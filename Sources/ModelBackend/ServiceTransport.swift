import Foundation
import PlatformHTTP

/// Sends one backend's calls and turns every way they can fail into a `ModelBackendError`
/// worded from that backend's table. `subject` names what a call is about: `model iris-classifier`.
struct ServiceTransport: Sendable {
    let client: PlatformAPIClient
    let wording: HTTPErrorWording
    let readAttempts: Int
    /// Sent with every call, when set.
    var credential: ServiceCredential? = nil

    /// `request` with the credential's `Authorization` header.
    func authorized(_ request: APIRequest) -> APIRequest {
        guard let credential else { return request }
        var request = request
        request.headers.append(credential.header)
        return request
    }

    /// Sends `request` and insists on a 2xx answer; a call that changes nothing is tried up to
    /// `readAttempts` times on a gateway error or no answer. `hints` word the statuses this call knows better (404 …).
    func call(_ request: APIRequest, subject: String, retried: Bool = true,
              hints: [Int: String] = [:]) async throws(ModelBackendError) -> APIResponse {
        do {
            return try await client.read(authorized(request), call: "for \(subject)", wording: wording.adding(hints),
                                         attempts: retried ? readAttempts : 1)
        } catch {
            throw .api(error)
        }
    }

    /// Sends `request` and hands back any answer it gets, success or not.
    func exchange(_ request: APIRequest, subject: String) async throws(ModelBackendError) -> APIResponse {
        do {
            return try await client.read(authorized(request), attempts: readAttempts)
        } catch {
            throw .api(wording.failure(error, call: "for \(subject)"))
        }
    }

    /// The error for an answer's status, as this backend words it.
    func status(_ response: APIResponse, subject: String) -> ModelBackendError {
        .api(wording.status(response, call: "for \(subject)"))
    }

    /// A JSON POST asking for JSON back.
    func post<Body: Encodable>(_ url: String, _ body: Body, subject: String) throws(ModelBackendError) -> APIRequest {
        do {
            return try APIRequest.json(.POST, url, headers: [("Accept", "application/json")], body: body)
        } catch {
            throw .api(.notSent("the request could not be written (\(error))", service: wording.service, call: "for \(subject)",
                                hint: "check the values sent"))
        }
    }

    func decode<T: Decodable>(_ type: T.Type, from response: APIResponse, subject: String,
                              expected: String) throws(ModelBackendError) -> T {
        do {
            return try wording.decode(type, from: response, call: "for \(subject)", expected: expected)
        } catch {
            throw .api(error)
        }
    }
}
