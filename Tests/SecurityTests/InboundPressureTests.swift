import ChatOpsTestSupport
import ChatServer
import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Finding 5: unsigned senders cannot make the server hold memory without bound. Bodies are
/// refused past each route's cap, and past the connection cap or the buffered-bytes budget new
/// requests get 503 with Retry-After before their bodies are read.
@Suite("Security: memory pressure before verification", .serialized)
struct InboundPressureTests {
    /// Connections beyond the cap are answered 503 + Retry-After at once; once the stalled ones
    /// go, the server serves again.
    @Test func connectionsPastTheCapGet503WithRetryAfter() async throws {
        let h = try await SecurityHarness.start(gate: InboundGate(maxConnections: 4), sockets: true)
        var stalled: [StalledUpload] = []
        for _ in 0..<4 { stalled.append(try StalledUpload(port: h.port, path: "/github/webhook", declared: 200_000)) }
        try await Task.sleep(for: .milliseconds(200))
        let refused = try StalledUpload(port: h.port, path: "/github/webhook", declared: 10, sendBody: "0123456789")
        let answer = refused.read(seconds: 5)
        #expect(answer.hasPrefix("HTTP/1.1 503"), "\(answer)")
        #expect(answer.lowercased().contains("retry-after: 1"), "\(answer)")
        stalled.forEach { $0.close() }
        // The server notices the closed connections as their reads end; then there is room again.
        var served = ""
        for _ in 0..<50 where !served.hasPrefix("HTTP/1.1 401") {
            try await Task.sleep(for: .milliseconds(100))
            served = try StalledUpload(port: h.port, path: "/github/webhook", declared: 10, sendBody: "0123456789").read(seconds: 5)
        }
        await h.stop()
        #expect(served.hasPrefix("HTTP/1.1 401"), "an unsigned body is refused as unauthorized once there is room: \(served)")
    }

    /// Bodies in flight share one budget: a request that would take it past the limit gets 503
    /// without its body being read.
    @Test func bodiesPastTheBufferedBudgetGet503() async throws {
        let h = try await SecurityHarness.start(gate: InboundGate(maxConnections: 100, maxBufferedBytes: 100_000), sockets: true)
        let first = try StalledUpload(port: h.port, path: "/github/webhook", declared: 45_000)
        let second = try StalledUpload(port: h.port, path: "/github/webhook", declared: 45_000)
        try await Task.sleep(for: .milliseconds(200))
        let third = try StalledUpload(port: h.port, path: "/github/webhook", declared: 45_000)
        let answer = third.read(seconds: 5)
        #expect(answer.hasPrefix("HTTP/1.1 503"), "\(answer)")
        #expect(answer.lowercased().contains("retry-after"), "\(answer)")
        first.close()
        second.close()
        await h.stop()
    }

    /// Slack sends small bodies: a big signed one is refused by the route's own cap.
    @Test func aLargeSlackCommandIsRefusedBeforeItsSignatureIsChecked() async throws {
        let h = try await SecurityHarness.start()
        let body = "text=" + String(repeating: "a", count: 40 * 1024)
        let response = try await h.postSlack("/slack/commands", body)
        await h.stop()
        #expect(response.status == 413)
    }
}

/// A raw TCP upload that declares a body and sends only part of it (or all of `sendBody`).
final class StalledUpload: @unchecked Sendable {
    let fd: Int32

    init(port: Int, path: String, declared: Int, sendBody: String = "x") throws {
        fd = try RawTCP.connect(port: port)
        RawTCP.send(fd, "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nX-GitHub-Event: issue_comment\r\n"
                        + "Content-Length: \(declared)\r\n\r\n" + sendBody)
    }

    /// What the server answered within `seconds` (empty when nothing).
    func read(seconds: Int) -> String { RawTCP.read(fd, seconds: seconds) }

    private var closed = false

    func close() {
        guard !closed else { return }
        closed = true
        Glibc.close(fd)
    }

    deinit { close() }
}
