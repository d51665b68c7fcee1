import Foundation
import PlatformHTTP

/// Alertmanager's API v2 silences: create one for an alert group (`POST /api/v2/silences`), list
/// them (`GET /api/v2/silences`), expire one (`DELETE /api/v2/silence/{id}`).
public struct AlertmanagerSilences: Sendable {
    let client: PlatformAPIClient
    let baseURL: String
    let token: String?

    public init(baseURL: String, token: String?, client: PlatformAPIClient) {
        self.baseURL = PlatformHTTP.apiBaseURL(baseURL)
        self.token = token
        self.client = client
    }

    public struct Matcher: Codable, Sendable, Hashable {
        public let name: String
        public let value: String
        public let isRegex: Bool
        public let isEqual: Bool?
    }

    public struct NewSilence: Encodable, Sendable, Hashable {
        public let matchers: [Matcher]
        public let startsAt: String
        public let endsAt: String
        public let createdBy: String
        public let comment: String
    }

    public struct Silence: Decodable, Sendable {
        public struct Status: Decodable, Sendable { public let state: String }
        public let id: String
        public let status: Status
        public let comment: String?
        public let endsAt: String?
    }

    static let wording = HTTPErrorWording(service: "Alertmanager", hints: [
        400: "Alertmanager refused the silence (its matchers or times)",
        401: "Alertmanager wants credentials: set CHATOPS_ALERTMANAGER_API_TOKEN (a bearer token its proxy accepts)",
        403: "Alertmanager (or its proxy) refused the bot",
        404: "no such silence, or CHATOPS_ALERTMANAGER_URL is not Alertmanager's (it should end before /api/v2)",
    ], unreachable: "check CHATOPS_ALERTMANAGER_URL and that Alertmanager is up")

    var headers: [(String, String)] { token.map { [("Authorization", "Bearer \($0)")] } ?? [] }

    /// `POST /api/v2/silences`: the new silence's id.
    public func create(_ silence: NewSilence) async throws(BackendHTTPError) -> String {
        struct Created: Decodable { let silenceID: String }
        let request: APIRequest
        do { request = try .json(.POST, "\(baseURL)/api/v2/silences", headers: headers, body: silence) } catch {
            throw Self.wording.failure(.malformed(service: "Alertmanager", detail: "\(error)"), call: "to create a silence")
        }
        let response = try await client.send(request, call: "to create a silence", wording: Self.wording)
        return try Self.wording.decode(Created.self, from: response, call: "to create a silence").silenceID
    }

    /// `GET /api/v2/silences`.
    public func list() async throws(BackendHTTPError) -> [Silence] {
        let response = try await client.read(APIRequest(.GET, "\(baseURL)/api/v2/silences", headers: headers), call: "to list silences",
                                              wording: Self.wording)
        return try Self.wording.decode([Silence].self, from: response, call: "to list silences")
    }

    /// `DELETE /api/v2/silence/{id}`: the silence expires now.
    public func expire(_ id: String) async throws(BackendHTTPError) {
        _ = try await client.send(APIRequest(.DELETE, "\(baseURL)/api/v2/silence/\(id)", headers: headers), call: "to expire silence \(id)",
                                  wording: Self.wording)
    }

    public func createURL() -> String { "\(baseURL)/api/v2/silences" }
}
