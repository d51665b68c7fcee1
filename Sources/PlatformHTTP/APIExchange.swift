import Foundation

/// One call to a platform's API, as the client sends it (tests read the same fields on the fake server).
public struct APIRequest: Sendable {
    public enum Method: String, Sendable {
        case GET, POST, PUT, PATCH, DELETE
    }

    public var method: Method
    public var url: String
    public var headers: [(String, String)]
    public var body: Data?

    public init(_ method: Method, _ url: String, headers: [(String, String)] = [], body: Data? = nil) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
    }

    /// A JSON body (`Content-Type: application/json; charset=utf-8`).
    public static func json<Body: Encodable>(_ method: Method, _ url: String, headers: [(String, String)] = [],
                                             body: Body) throws -> APIRequest {
        APIRequest(method, url, headers: headers + [("Content-Type", "application/json; charset=utf-8")],
                   body: try JSONBody.encode(body))
    }
}

/// A platform's answer.
public struct APIResponse: Sendable {
    public let status: Int
    public let headers: [(String, String)]
    public let body: Data

    public init(status: Int, headers: [(String, String)], body: Data) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public func header(_ name: String) -> String? {
        headers.first { $0.0.caseInsensitiveCompare(name) == .orderedSame }?.1
    }

    public var isSuccess: Bool { (200..<300).contains(status) }

    /// Decodes the JSON body, or says which service sent something else.
    public func decode<T: Decodable>(_ type: T.Type, service: String) throws(APIError) -> T {
        do {
            return try JSONDecoder().decode(type, from: body)
        } catch {
            throw .malformed(service: service, detail: "\(T.self) expected, got \(excerpt)")
        }
    }

    /// The start of the body, for error messages (never more than 200 characters).
    public var excerpt: String {
        let text = String(decoding: body.prefix(400), as: UTF8.self)
        return text.count > 200 ? String(text.prefix(200)) + "…" : text
    }
}
