import Approvals
import AsyncHTTPClient
import ChatOpsCore
import ChatOpsTestSupport
import ChatServer
import Conversation
import Foundation
import Hummingbird
import Logging
import NIOCore
import NIOHTTP1
import PlatformHTTP
import ReplyModel
import RequestStore
import Synchronization
import Testing

/// A platform whose one route reads its body with the server's limits and then works on after
/// answering, as the real adapters do.
struct ProbeAdapter: PlatformAdapter {
    let platform = "probe"
    let work: InFlightWork
    let finished: Finished
    let limits: InboundLimits

    var sink: any ReplySink { SilentSink() }

    func addRoutes(to router: ChatRouter) {
        router.post("/probe") { request, _ in
            let body = try await InboundBody.read(request, limits: limits)
            let text = String(decoding: body, as: UTF8.self)
            await work.start {
                try? await Task.sleep(for: .milliseconds(400))
                finished.texts.withLock { $0.append(text) }
            }
            return InboundBody.text("accepted\n", status: .accepted)
        }
    }
}

/// What the probe's work finished, in order.
final class Finished: Sendable {
    let texts = Mutex<[String]>([])
}

struct SilentSink: ReplySink {
    func send(_ reply: Reply, to origin: MessageOrigin) async -> MessageOrigin? { nil }
    func update(_ posted: MessageOrigin, with reply: Reply) async {}
}

final class ServerUnderTest: Sendable {
    let running: RunningChatServer
    let port: Int
    let finished: Finished

    init(problems: [String] = [], limits: InboundLimits = InboundLimits(maxBodyBytes: 1024, readTimeout: .milliseconds(500))) async throws {
        let work = InFlightWork()
        let probe = ProbeAdapter(work: work, finished: Finished(), limits: limits)
        let harness = try TestBot.make(configuration: TestBot.configuration())
        var logger = Logger(label: "server-test")
        logger.logLevel = .critical
        let server = ChatServer(bot: harness, adapters: [probe], host: "127.0.0.1", port: 0, work: work,
                                readiness: { problems }, logger: logger)
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        running = await server.start { continuation.yield($0) }
        var iterator = ports.makeAsyncIterator()
        port = try #require(await iterator.next())
        finished = probe.finished
    }

    func call(_ method: HTTPMethod, _ path: String, body: String? = nil) async throws -> (Int, String) {
        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
        request.method = method
        if let body { request.body = .bytes(ByteBuffer(string: body)) }
        let response = try await HTTPClient.shared.execute(request, timeout: .seconds(10))
        let text = String(buffer: try await response.body.collect(upTo: 1 << 20))
        return (Int(response.status.code), text)
    }
}

@Suite("The HTTP server: health, readiness, limits, graceful shutdown", .serialized)
struct ChatServerTests {
    @Test("/healthz is 200; /readyz is 200 when ready and 503 naming each problem when not")
    func healthAndReadiness() async throws {
        let ready = try await ServerUnderTest()
        #expect(try await ready.call(.GET, "/healthz") == (200, "ok\n"))
        #expect(try await ready.call(.GET, "/readyz") == (200, "ready\n"))
        try await ready.running.stop()

        let notReady = try await ServerUnderTest(problems: ["no rules are loaded", "the store does not take writes: disk full"])
        #expect(try await notReady.call(.GET, "/readyz")
                == (503, "not ready: no rules are loaded; the store does not take writes: disk full\n"))
        try await notReady.running.stop()
    }

    @Test("the real bot's readiness checks the store and the rules")
    func botReadiness() async throws {
        #expect(try await TestBot.make(configuration: TestBot.configuration()).readinessProblems().isEmpty)
    }

    @Test("a body over the cap is 413 and never reaches the route's work")
    func oversized() async throws {
        let server = try await ServerUnderTest()
        #expect(try await server.call(.POST, "/probe", body: String(repeating: "x", count: 2048)).0 == 413)
        #expect(try await server.call(.POST, "/probe", body: "small").0 == 202)
        try await server.running.stop()
        #expect(server.finished.texts.withLock { $0 } == ["small"])
    }

    @Test("a client that stops sending its body gets 408 after the read timeout")
    func slowClient() async throws {
        let server = try await ServerUnderTest()
        let answer = try RawHTTP.exchange(port: server.port, send: "POST /probe HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nonly ten b",
                                          waitSeconds: 15)
        #expect(answer.hasPrefix("HTTP/1.1 408"))
        try await server.running.stop()
        #expect(server.finished.texts.withLock { $0 }.isEmpty)
    }

    @Test("graceful shutdown waits for work already acknowledged to a platform")
    func drainsInFlightWork() async throws {
        let server = try await ServerUnderTest()
        #expect(try await server.call(.POST, "/probe", body: "acknowledged").0 == 202)
        try await server.running.stop()
        #expect(server.finished.texts.withLock { $0 } == ["acknowledged"])
    }

    @Test("listen addresses are host:port, with a clear error otherwise")
    func listenAddresses() throws {
        #expect(try ListenAddress(parsing: "127.0.0.1:8080") == ListenAddress(parsing: "127.0.0.1:8080"))
        #expect(try ListenAddress(parsing: "0.0.0.0:80").port == 80)
        #expect(try ListenAddress(parsing: "[::1]:9000").host == "::1")
        for bad in ["8080", "localhost", ":80", "host:99999", "host:http"] {
            #expect(throws: PlatformSetupError.self) { try ListenAddress(parsing: bad) }
        }
    }
}
