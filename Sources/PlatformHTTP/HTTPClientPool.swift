import AsyncHTTPClient
import Synchronization

/// The HTTP clients a process uses, owned by whoever built the pool (the composition root), made
/// on first use, and shut down together when the process stops. AsyncHTTPClient insists a client
/// is shut down before it is released, and a long-lived one keeps its connections: so one client
/// per configuration (plain, no redirects, each cluster's TLS), never a process-wide one.
public final class HTTPClientPool: Sendable {
    private let clients = Mutex<[String: HTTPClient]>([:])

    public init() {}

    /// The client for `key`, made with `configuration` the first time it is asked for.
    public func client(_ key: String, configuration: () throws -> HTTPClient.Configuration) rethrows -> HTTPClient {
        if let existing = clients.withLock({ $0[key] }) { return existing }
        let made = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup, configuration: try configuration())
        let (client, isNew) = clients.withLock { clients -> (HTTPClient, Bool) in
            if let existing = clients[key] { return (existing, false) }
            clients[key] = made
            return (made, true)
        }
        // Two callers raced for the same key: the loser's client is closed, the winner's kept.
        if !isNew { made.shutdown { _ in } }
        return client
    }

    /// Follows redirects (up to 20), as most APIs expect.
    public var standard: HTTPClient { client("standard") { HTTPClient.Configuration() } }

    /// Never follows a redirect: for a redirect that must be followed by hand, without the token
    /// (GitHub's job logs).
    public var noRedirects: HTTPClient {
        client("no-redirects") { HTTPClient.Configuration(redirectConfiguration: .disallow) }
    }

    /// A client for one service's API over the standard client.
    public func api(_ service: String, timeout: Duration = .seconds(15)) -> PlatformAPIClient {
        PlatformAPIClient(service: service, http: standard, timeout: timeout)
    }

    /// Shuts every client down; waits for their connections to close. Safe to call more than once.
    public func shutdown() async {
        let all: [HTTPClient] = clients.withLock { clients in
            defer { clients.removeAll() }
            return Array(clients.values)
        }
        for client in all { try? await client.shutdown() }
    }
}
