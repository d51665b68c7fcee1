import ArgumentParser
import Crypto
import Foundation
import Hummingbird

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

/// The reference's one route, apart from the command so a test can drive it.
struct ReferenceSlackRoute: Sendable {
    let key: SymmetricKey
    static let timestamp = HTTPFields.Element.Name("X-Slack-Request-Timestamp")!
    static let signature = HTTPFields.Element.Name("X-Slack-Signature")!
    static let answer = ByteBuffer(string: #"{"ok":true}"#)

    init(signingSecret: String) {
        key = SymmetricKey(data: Data(signingSecret.utf8))
    }

    func router() -> Router<BasicRequestContext> {
        let router = Router()
        router.get("/healthz") { _, _ in "ok\n" }
        router.post("/slack/commands") { request, _ in
            let body = try await request.body.collect(upTo: 64 * 1024)
            guard isSigned(body: body.readableBytesView, timestamp: request.headers[Self.timestamp],
                           signature: request.headers[Self.signature], now: Date()) else {
                return Response(status: .unauthorized)
            }
            return Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: Self.answer))
        }
        return router
    }

    /// `v0=` + hex HMAC-SHA256 of `v0:{timestamp}:{body}`, the timestamp within 300 seconds of now.
    func isSigned(body: some Collection<UInt8>, timestamp: String?, signature: String?, now: Date) -> Bool {
        guard let timestamp, let signature, let stamp = Int(timestamp),
              abs(Int(now.timeIntervalSince1970) - stamp) <= 300,
              signature.hasPrefix("v0="), let mac = Self.hexBytes(signature.utf8.dropFirst(3)), mac.count == SHA256.byteCount else {
            return false
        }
        var signed = Array("v0:\(timestamp):".utf8)
        signed.append(contentsOf: body)
        return HMAC<SHA256>.isValidAuthenticationCode(mac, authenticating: signed, using: key)
    }

    static func hexBytes(_ text: some Collection<UInt8>) -> [UInt8]? {
        guard text.count % 2 == 0 else { return nil }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.count / 2)
        var high: UInt8?
        for char in text {
            let nibble: UInt8
            switch char {
            case 48...57: nibble = char - 48
            case 97...102: nibble = char - 87
            case 65...70: nibble = char - 55
            default: return nil
            }
            if let h = high { bytes.append(h << 4 | nibble); high = nil } else { high = nibble }
        }
        return bytes
    }
}
