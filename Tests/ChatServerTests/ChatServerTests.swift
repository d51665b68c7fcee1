import ChatOpsCore
import ChatOpsTestSupport
import ChatServer
import Conversation
import Foundation
import Hummingbird
import HTTPTypes
import HummingbirdTesting
import Logging
import PlatformVerification
import ReplyModel
import Synchronization
import Testing

/// A platform whose one route is behind the signature middleware (the probe's "signature" is an
/// `X-Probe: signed` header) and works on after answering, as the real adapters do; and a route
/// someone forgot to put behind it.
struct ProbeAdapter: PlatformAdapter {
    let platform = "probe"
    let handoff: BotHandoff
    let finished: Finished
    let limits: InboundLimits
    let logger: Logger

    var sink: any ReplySink { SilentSink() }

    func addRoutes(to router: ChatRouter) {
        router.group()
            .add(middleware: VerifiedBodyMiddleware(platform: "Probe", verifier: ProbeVerifier(), limits: limits, logger: logger))
            .post("/probe") { _, context in
                let text = String(decoding: try context.verifiedBody, as: UTF8.self)
                let finished = finished
                await handoff.later {
                    try? await Task.sleep(for: .milliseconds(400))
                    finished.texts.withLock { $0.append(text) }
                }
                return InboundBody.text("accepted\n", status: .accepted)
            }
        router.post("/unguarded") { _, context in InboundBody.json(try context.verifiedBody) }
    }
}

/// Believes a request that says `X-Probe: signed`.
struct ProbeVerifier: RequestVerifier {
    func verify(headers: HTTPFields, body: [UInt8], now: Date) -> VerificationFailure? {
        headers[HTTPField.Name("X-Probe")!] == "signed" ? nil : .missingHeader("X-Probe")
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

/// The server with the probe platform, its readiness `problems`, and what the probe finished.
func probeServer(problems: [String] = [], log: CapturedLog = CapturedLog(),
                 limits: InboundLimits = InboundLimits(maxBodyBytes: 1024),
                 gate: InboundGate = InboundGate(bodyReadTimeout: .milliseconds(500))) throws -> (ChatServer, Finished) {
    let work = InFlightWork()
    let bot = try TestBot.make(configuration: TestBot.configuration())
    let probe = ProbeAdapter(handoff: BotHandoff(platform: "Probe", bot: bot, work: work, logger: log.logger), finished: Finished(),
                             limits: limits, logger: log.logger)
    let server = ChatServer(bot: bot, adapters: [probe], host: "127.0.0.1", port: 0, work: work, gate: gate,
                            readiness: { problems }, logger: log.logger)
    return (server, probe.finished)
}

/// The status and the body's text.
func call(_ client: some TestClientProtocol, _ method: HTTPRequest.Method, _ path: String, body: String? = nil,
          signed: Bool = true) async throws -> (Int, String) {
    let headers: HTTPFields = signed ? [HTTPField.Name("X-Probe")!: "signed"] : [:]
    let response = try await client.execute(uri: path, method: method, headers: headers, body: body.map { ByteBuffer(string: $0) })
    return (Int(response.status.code), String(buffer: response.body))
}

@Suite("The HTTP server: health, readiness, limits, verification, graceful shutdown")
struct ChatServerTests {
    @Test("/healthz is 200; /readyz is 200 when ready and 503 naming each problem when not")
    func healthAndReadiness() async throws {
        try await probeServer().0.application().test(.router) { client async throws in
            #expect(try await call(client, .get, "/healthz") == (200, "ok\n"))
            #expect(try await call(client, .get, "/readyz") == (200, "ready\n"))
        }
        let notReady = try probeServer(problems: ["no rules are loaded", "the store does not take writes: disk full"]).0
        try await notReady.application().test(.router) { client async throws in
            #expect(try await call(client, .get, "/readyz")
                    == (503, "not ready: no rules are loaded; the store does not take writes: disk full\n"))
        }
    }

    @Test("the real bot's readiness checks the store and the rules")
    func botReadiness() async throws {
        #expect(try await TestBot.make(configuration: TestBot.configuration()).readinessProblems().isEmpty)
    }

    @Test("a body over the cap is 413 and never reaches the route's work")
    func oversized() async throws {
        let (server, finished) = try probeServer()
        try await server.application().test(.router) { client async throws in
            #expect(try await call(client, .post, "/probe", body: String(repeating: "x", count: 2048)).0 == 413)
            #expect(try await call(client, .post, "/probe", body: "small").0 == 202)
        }
        #expect(finished.texts.withLock { $0 } == ["small"])
    }

    @Test("a client that stops sending its body gets 408 after the read timeout")
    func slowClient() async throws {
        let (server, finished) = try probeServer()
        try await server.application().test(.live) { client async throws in
            let port = try #require(client.port)
            let answer = try RawHTTP.exchange(port: port, send: "POST /probe HTTP/1.1\r\nHost: x\r\nContent-Length: 100\r\n\r\nonly ten b",
                                              waitSeconds: 40)
            #expect(answer.hasPrefix("HTTP/1.1 408"))
        }
        #expect(finished.texts.withLock { $0 }.isEmpty)
    }

    @Test("a request the verifier refuses is a bare 401, logged with why, and no handler runs")
    func refusedBeforeAnyHandler() async throws {
        let log = CapturedLog()
        let (server, finished) = try probeServer(log: log)
        try await server.application().test(.router) { client async throws in
            #expect(try await call(client, .post, "/probe", body: "forged", signed: false) == (401, ""))
        }
        #expect(finished.texts.withLock { $0 }.isEmpty)
        #expect(log.lines.contains { $0.contains("refused a request that is not verifiably from Probe")
                && $0.contains("path=/probe") && $0.contains("reason=no X-Probe header") })
    }

    @Test("a route not behind the middleware has no verified body: 500, never the raw bytes")
    func unguardedRoute() async throws {
        try await probeServer().0.application().test(.router) { client async throws in
            #expect(try await call(client, .post, "/unguarded", body: "raw").0 == 500)
        }
    }

    @Test("graceful shutdown waits for work already acknowledged to a platform")
    func drainsInFlightWork() async throws {
        let (server, finished) = try probeServer()
        try await server.application().test(.router) { client async throws in
            #expect(try await call(client, .post, "/probe", body: "acknowledged").0 == 202)
        }
        #expect(finished.texts.withLock { $0 } == ["acknowledged"])
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
