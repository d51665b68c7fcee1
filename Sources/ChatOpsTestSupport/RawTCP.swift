import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A plain TCP connection to the loopback address, for what an HTTP client library will not do: send part
/// of a body and stall, or hold a connection open without a request.
public enum RawTCP {
    /// A connected socket to the loopback address (IPv4, else IPv6: a server bound to `localhost`
    /// may be on either); the caller closes it.
    public static func connect(port: Int) throws -> Int32 {
        if let fd = connectIPv4(port: port) ?? connectIPv6(port: port) { return fd }
        throw POSIXError(.ECONNREFUSED)
    }

    static func connectIPv4(port: Int) -> Int32? {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return connect(AF_INET, to: &address)
    }

    static func connectIPv6(port: Int) -> Int32? {
        var address = sockaddr_in6()
        address.sin6_family = sa_family_t(AF_INET6)
        address.sin6_port = in_port_t(UInt16(port).bigEndian)
        address.sin6_addr = in6addr_loopback
        return connect(AF_INET6, to: &address)
    }

    static func connect<Address>(_ family: Int32, to address: inout Address) -> Int32? {
        let fd = socket(family, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { Glibc.connect(fd, $0, socklen_t(MemoryLayout<Address>.size)) }
        }
        guard connected == 0 else {
            close(fd)
            return nil
        }
        return fd
    }

    /// Sends `text` as is.
    public static func send(_ fd: Int32, _ text: String) {
        _ = text.withCString { Glibc.send(fd, $0, strlen($0), 0) }
    }

    /// What arrives within `seconds` (one read; empty when nothing).
    public static func read(_ fd: Int32, seconds: Int) -> String {
        var timeout = timeval(tv_sec: seconds, tv_usec: 0)
        setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, socklen_t(MemoryLayout<timeval>.size))
        var buffer = [UInt8](repeating: 0, count: 4096)
        let count = recv(fd, &buffer, buffer.count, 0)
        return count > 0 ? String(decoding: buffer[..<count], as: UTF8.self) : ""
    }
}
