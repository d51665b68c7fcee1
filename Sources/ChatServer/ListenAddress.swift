import ChatOpsConfig

/// `host:port` for `chatops serve` (`CHATOPS_LISTEN`, `server.listen`, `--listen`), read by the
/// configuration's one `HostPort` parser; a bad address is a setup error that says what to write.
public struct ListenAddress: Sendable, Hashable, CustomStringConvertible {
    public let host: String
    public let port: Int

    /// `127.0.0.1:8080`, `0.0.0.0:80`, `[::1]:8080`; port 0 picks a free one.
    public init(parsing text: String) throws {
        guard let parsed = HostPort(text) else {
            throw PlatformSetupError("the listen address must be host:port (e.g. 127.0.0.1:8080 or 0.0.0.0:8080), not '\(text)'")
        }
        host = parsed.host
        port = parsed.port
    }

    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}
