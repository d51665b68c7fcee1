import ChatOpsTestSupport
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A plain TCP exchange for what an HTTP client library will not do: send part of a body and stall.
enum RawHTTP {
    static func exchange(port: Int, send: String, waitSeconds: Int) throws -> String {
        let fd = try RawTCP.connect(port: port)
        defer { close(fd) }
        RawTCP.send(fd, send)
        return RawTCP.read(fd, seconds: waitSeconds)
    }
}
