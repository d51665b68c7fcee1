import PlatformHTTP

/// The HTTP clients tests reach their in-process fakes with: one pool for the test process, which
/// lives as long as it does (a pool shuts its clients down before it goes; a process-lived one
/// never goes). Product code gets its pool from the composition root, never from here.
public enum TestHTTP {
    public static let pool = HTTPClientPool()

    /// A client for one fake service.
    public static func api(_ service: String, timeout: Duration = .seconds(15)) -> PlatformAPIClient {
        pool.api(service, timeout: timeout)
    }
}
