import ArgumentParser
import Foundation
import Hummingbird
import PlatformVerification

/// `chatops bench reference`: the bare Hummingbird server the webhook benchmark measures
/// `chatops serve` against. Its only route checks a Slack `v0` signature (swift-crypto, compared
/// in constant time, inside the 5-minute window) and answers 200 with a small JSON: no parsing,
/// no store, no reply.
struct BenchReferenceCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "reference",
        abstract: "The bare Hummingbird reference: POST /slack/commands verifies the Slack signature and answers 200.",
        discussion: "The signing secret is read from CHATOPS_SLACK_SIGNING_SECRET. GET /healthz answers 200."
    )

    @Option(help: "host:port to listen on.")
    var listen = "127.0.0.1:8090"

    func run() async throws {
        let reference = ReferenceSlackRoute(signingSecret: try BenchServer.secret("CHATOPS_SLACK_SIGNING_SECRET"))
        try await BenchServer.run(reference.router(), listen: listen, name: "reference")
    }
}

/// The reference's one route, apart from the command so a test can drive it. It verifies with
/// the bot's own `SlackRequestVerifier`, so the two servers differ only in what comes after.
struct ReferenceSlackRoute: Sendable {
    let verifier: SlackRequestVerifier
    static let timestamp = HTTPFields.Element.Name("X-Slack-Request-Timestamp")!
    static let signature = HTTPFields.Element.Name("X-Slack-Signature")!
    static let answer = ByteBuffer(string: #"{"ok":true}"#)

    init(signingSecret: String) {
        verifier = SlackRequestVerifier(signingSecret: signingSecret)
    }

    func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/healthz") { _, _ in "ok\n" }
        router.post("/slack/commands") { request, _ in
            let body = try await request.body.collect(upTo: 64 * 1024)
            guard isSigned(body: Array(body.readableBytesView), timestamp: request.headers[Self.timestamp],
                           signature: request.headers[Self.signature], now: Date()) else {
                return Response(status: .unauthorized)
            }
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: Self.answer))
        }
        return router
    }

    /// Slack's `v0` signature, the timestamp within the 5-minute window.
    func isSigned(body: [UInt8], timestamp: String?, signature: String?, now: Date) -> Bool {
        verifier.verify(timestamp: timestamp, signature: signature, body: body, now: now) == nil
    }
}
