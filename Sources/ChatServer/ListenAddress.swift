/// `host:port` for `chatops serve` (`CHATOPS_LISTEN`, `server.listen`, `--listen`).
public struct ListenAddress: Sendable, Hashable, CustomStringConvertible {
    public let host: String
    public let port: Int

    /// `127.0.0.1:8080`, `0.0.0.0:80`, `[::1]:8080`; port 0 picks a free one.
    public init(parsing text: String) throws {
        let problem = PlatformSetupError(
            "the listen address must be host:port (e.g. 127.0.0.1:8080 or 0.0.0.0:8080), not '\(text)'")
        guard let colon = text.lastIndex(of: ":") else { throw problem }
        var host = String(text[..<colon])
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        guard !host.isEmpty, !host.contains(" "), let port = Int(text[text.index(after: colon)...]), (0...65535).contains(port) else {
            throw problem
        }
        self.host = host
        self.port = port
    }

    public var description: String { host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)" }
}
