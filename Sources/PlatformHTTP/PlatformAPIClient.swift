import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Calls one platform's HTTP API with a timeout, and waits out `429 Retry-After` (the call was not
/// processed, so sending it again is safe) when the wait is short enough to still be useful.
public struct PlatformAPIClient: Sendable {
    public let service: String
    let http: HTTPClient
    let timeout: Duration
    let maxRetryWait: Duration
    let maxAttempts: Int
    let responseLimit: Int
    let sleep: @Sendable (Duration) async throws -> Void

    /// `http` comes from the process's `HTTPClientPool`, which owns it and shuts it down.
    public init(service: String, http: HTTPClient, timeout: Duration = .seconds(15),
                maxRetryWait: Duration = .seconds(30), maxAttempts: Int = 4, responseLimit: Int = 8 << 20,
                sleep: @escaping @Sendable (Duration) async throws -> Void = { try await Task.sleep(for: $0) }) {
        self.service = service
        self.http = http
        self.timeout = timeout
        self.maxRetryWait = maxRetryWait
        self.maxAttempts = maxAttempts
        self.responseLimit = responseLimit
        self.sleep = sleep
    }

    /// Sends the request; any status comes back as a response except 429, which is retried.
    public func send(_ request: APIRequest) async throws(APIError) -> APIResponse {
        var attempt = 1
        while true {
            let response = try await sendOnce(request)
            guard response.status == 429 else { return response }
            let wait = Self.retryAfter(response)
            guard attempt < maxAttempts, let wait, wait <= maxRetryWait else {
                throw .rateLimited(service: service, retryAfterSeconds: wait.map { Int($0.components.seconds) })
            }
            do { try await sleep(wait) } catch { throw .rateLimited(service: service, retryAfterSeconds: nil) }
            attempt += 1
        }
    }

    /// Sends the request and insists on a 2xx answer.
    public func sendExpectingSuccess(_ request: APIRequest) async throws(APIError) -> APIResponse {
        let response = try await send(request)
        guard response.isSuccess else {
            throw .status(service: service, method: request.method.rawValue, path: Self.path(of: request.url),
                          code: response.status, excerpt: response.excerpt)
        }
        return response
    }

    func sendOnce(_ request: APIRequest) async throws(APIError) -> APIResponse {
        var outgoing = HTTPClientRequest(url: request.url)
        outgoing.method = HTTPMethod(rawValue: request.method.rawValue)
        for (name, value) in request.headers { outgoing.headers.add(name: name, value: value) }
        if !outgoing.headers.contains(name: "User-Agent") { outgoing.headers.add(name: "User-Agent", value: "chatops/1.0") }
        if let body = request.body { outgoing.body = .bytes(ByteBuffer(bytes: body)) }
        do {
            let response = try await http.execute(outgoing, timeout: .nanoseconds(Int64(timeout.components.seconds) * 1_000_000_000
                                                                                 + timeout.components.attoseconds / 1_000_000_000))
            let body = try await response.body.collect(upTo: responseLimit)
            return APIResponse(status: Int(response.status.code), headers: response.headers.map { ($0.name, $0.value) },
                               body: Data(body.readableBytesView))
        } catch {
            throw .unreachable(service: service, url: Self.path(of: request.url), detail: "\(error)")
        }
    }

    /// `Retry-After` in seconds (Slack, Discord, GitHub all send seconds); Discord's JSON
    /// `retry_after` may be fractional.
    static func retryAfter(_ response: APIResponse) -> Duration? {
        if let header = response.header("Retry-After"), let seconds = Double(header.trimmingCharacters(in: .whitespaces)), seconds >= 0 {
            return .milliseconds(Int64((seconds * 1000).rounded(.up)))
        }
        struct Body: Decodable { let retry_after: Double? }
        if let seconds = try? JSONDecoder().decode(Body.self, from: response.body).retry_after, seconds >= 0 {
            return .milliseconds(Int64((seconds * 1000).rounded(.up)))
        }
        return nil
    }

    /// The URL without scheme, host or query: enough to say which call failed, never a token in a query.
    static func path(of url: String) -> String {
        guard let components = URLComponents(string: url) else { return "(invalid URL)" }
        return components.path.isEmpty ? "/" : components.path
    }
}
