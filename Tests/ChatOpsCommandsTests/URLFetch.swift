import AsyncHTTPClient
import NIOCore

/// A GET through AsyncHTTPClient, for tests that talk to a running `chatops serve`.
enum URLFetch {
    static func get(_ url: String) async throws -> (Int, String) {
        let response = try await HTTPClient.shared.execute(HTTPClientRequest(url: url), timeout: .seconds(10))
        return (Int(response.status.code), String(buffer: try await response.body.collect(upTo: 1 << 20)))
    }
}
