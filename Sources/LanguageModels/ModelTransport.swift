// AsyncHTTPClient and NIO come with PlatformHTTP; they are imported here because a model's 429
// keeps the wait in its body (Google's RetryInfo), which `PlatformAPIClient.send` does not hand
// back, and because the guard, not the transport, decides whether to try again.
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1
import PlatformHTTP

/// One POST to a model's API over the process's HTTP client (from `HTTPClientPool`), sent once,
/// with a timeout. Any status comes back as the response; no answer is `unavailable`.
struct ModelTransport: Sendable {
    /// `Gemini`, `Vertex AI`, `The OpenAI-compatible server`: who did not answer.
    let service: String
    let http: HTTPClient
    let timeout: Duration
    var responseLimit = 4 << 20

    func post(_ url: String, headers: [(String, String)], body: JSONValue) async throws(ModelError) -> APIResponse {
        var outgoing = HTTPClientRequest(url: url)
        outgoing.method = .POST
        outgoing.headers.add(name: "Content-Type", value: "application/json; charset=utf-8")
        outgoing.headers.add(name: "User-Agent", value: "chatops/1.0")
        for (name, value) in headers { outgoing.headers.add(name: name, value: value) }
        outgoing.body = .bytes(ByteBuffer(string: body.text))
        let path = URLComponents(string: url).map { $0.path.isEmpty ? "/" : $0.path } ?? "(invalid URL)"
        do {
            let response = try await http.execute(outgoing, timeout: .nanoseconds(Self.nanoseconds(timeout)))
            let received = try await response.body.collect(upTo: responseLimit)
            return APIResponse(status: Int(response.status.code), headers: response.headers.map { ($0.name, $0.value) },
                               body: Data(received.readableBytesView))
        } catch {
            if let failure = error as? HTTPClientError, failure == .deadlineExceeded {
                throw ModelError(.unavailable, "\(service) did not answer within \(Self.seconds(timeout)) (llm.timeout)")
            }
            throw ModelError(.unavailable, "\(service) could not be reached at \(path) (\(error)); check the API URL and the network")
        }
    }

    static func nanoseconds(_ duration: Duration) -> Int64 {
        duration.components.seconds * 1_000_000_000 + duration.components.attoseconds / 1_000_000_000
    }

    /// `30s`, `0.2s`.
    static func seconds(_ duration: Duration) -> String {
        let value = Double(nanoseconds(duration)) / 1e9
        return value == value.rounded() ? "\(Int(value))s" : "\(value)s"
    }
}
