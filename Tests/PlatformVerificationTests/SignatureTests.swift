import Foundation
import PlatformVerification
import Testing

/// The published test vectors, and every way a request can be wrong.
@Suite("Inbound signatures")
struct SignatureTests {
    static func fixture(_ name: String) throws -> [String: Any] {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/\(name)")
        return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    }

    static func at(_ seconds: Double) -> Date { Date(timeIntervalSince1970: seconds) }

    @Test func slackVectorVerifiesWithinTheWindowOnly() throws {
        let v = try Self.fixture("slack-signature-test-vector.json")
        let headers = try #require(v["headers"] as? [String: String])
        let verifier = SlackRequestVerifier(signingSecret: try #require(v["signing_secret"] as? String))
        let body = Array(try #require(v["body"] as? String).utf8)
        let ts = headers["X-Slack-Request-Timestamp"], sig = headers["X-Slack-Signature"]
        #expect(verifier.verify(timestamp: ts, signature: sig, body: body, now: Self.at(1531420618)) == nil)
        #expect(verifier.verify(timestamp: ts, signature: sig, body: body, now: Self.at(1531420618 + 300)) == nil)
        #expect(verifier.verify(timestamp: ts, signature: sig, body: body, now: Self.at(1531420618 + 301)) == .stale(secondsOff: 301))
        #expect(verifier.verify(timestamp: ts, signature: sig, body: body, now: Self.at(1531420618 - 301)) == .stale(secondsOff: -301))
        // A replayed signature with a fresh timestamp does not verify.
        #expect(verifier.verify(timestamp: "1531420700", signature: sig, body: body, now: Self.at(1531420700)) == .badSignature)
        var tampered = body
        tampered[tampered.count - 1] ^= 1
        #expect(verifier.verify(timestamp: ts, signature: sig, body: tampered, now: Self.at(1531420618)) == .badSignature)
        #expect(SlackRequestVerifier(signingSecret: "other").verify(timestamp: ts, signature: sig, body: body,
                                                                     now: Self.at(1531420618)) == .badSignature)
    }

    @Test(arguments: [
        (nil, "v0=00", VerificationFailure.missingHeader("X-Slack-Request-Timestamp")),
        ("1531420618", nil, .missingHeader("X-Slack-Signature")),
        ("soon", "v0=00", .malformedHeader("X-Slack-Request-Timestamp")),
        ("1531420618", "v1=a2114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", .malformedHeader("X-Slack-Signature")),
        ("1531420618", "v0=a2114d57", .malformedHeader("X-Slack-Signature")),
        ("1531420618", "v0=zz114d57b48eac39b9ad189dd8316235a7b4a8d21a10bd27519666489c69b503", .malformedHeader("X-Slack-Signature")),
    ] as [(String?, String?, VerificationFailure)])
    func slackRejectsMissingAndMalformedHeaders(timestamp: String?, signature: String?, expected: VerificationFailure) {
        let verifier = SlackRequestVerifier(signingSecret: "8f742231b10e8888abcd99yyyzzz85a5")
        #expect(verifier.verify(timestamp: timestamp, signature: signature, body: [], now: Self.at(1531420618)) == expected)
    }

    @Test func gitHubVectorVerifiesAndTamperingDoesNot() throws {
        let v = try Self.fixture("github-signature-test-vector.json")
        let verifier = GitHubWebhookVerifier(secret: try #require(v["secret"] as? String))
        let body = Array(try #require(v["payload"] as? String).utf8)
        let header = try #require(v["expected_X-Hub-Signature-256"] as? String)
        #expect(verifier.verify(signature: header, body: body) == nil)
        #expect(verifier.verify(signature: header, body: Array("Hello, World?".utf8)) == .badSignature)
        #expect(verifier.verify(signature: nil, body: body) == .missingHeader("X-Hub-Signature-256"))
        #expect(verifier.verify(signature: "sha1=" + header.dropFirst(7), body: body) == .malformedHeader("X-Hub-Signature-256"))
        #expect(verifier.verify(signature: String(header.dropLast(2)), body: body) == .malformedHeader("X-Hub-Signature-256"))
        #expect(GitHubWebhookVerifier(secret: "It's a Secret to Everyone").verify(signature: header, body: body) == .badSignature)
    }

    @Test func discordVectorsVerifyAsLabelled() throws {
        let file = try Self.fixture("discord-ed25519-signature-test-vectors.json")
        let vectors = try #require(file["vectors"] as? [[String: Any]])
        #expect(vectors.count >= 3)
        for v in vectors {
            let headers = try #require(v["headers"] as? [String: String])
            let ts = try #require(headers["X-Signature-Timestamp"])
            let verifier = try DiscordInteractionVerifier(publicKeyHex: try #require(v["public_key"] as? String))
            let now = Self.at(Double(ts.count == 13 ? Int64(ts)! / 1000 : Int64(ts)!))
            let result = verifier.verify(timestamp: ts, signature: headers["X-Signature-Ed25519"],
                                         body: Array(try #require(v["body"] as? String).utf8), now: now)
            let valid = try #require(v["expected_valid"] as? Bool)
            #expect((result == nil) == valid, "\(v["name"] ?? "?"): \(String(describing: result))")
            if valid {
                let later = now.addingTimeInterval(301)
                #expect(verifier.verify(timestamp: ts, signature: headers["X-Signature-Ed25519"],
                                        body: Array((v["body"] as! String).utf8), now: later) == .stale(secondsOff: 301))
            }
        }
    }

    @Test func discordRejectsBadKeysAndHeaders() throws {
        #expect(throws: (any Error).self) { try DiscordInteractionVerifier(publicKeyHex: "abc") }
        #expect(throws: (any Error).self) { try DiscordInteractionVerifier(publicKeyHex: String(repeating: "g", count: 64)) }
        let verifier = try DiscordInteractionVerifier(publicKeyHex: "a58293d7fa04d53ab90108be275a87fe890eece595962273a93e1f87d398df74")
        let now = Self.at(1641309313)
        #expect(verifier.verify(timestamp: nil, signature: "00", body: [], now: now) == .missingHeader("X-Signature-Timestamp"))
        #expect(verifier.verify(timestamp: "1641309313", signature: nil, body: [], now: now) == .missingHeader("X-Signature-Ed25519"))
        #expect(verifier.verify(timestamp: "1641309313", signature: "00ff", body: [], now: now) == .malformedHeader("X-Signature-Ed25519"))
        #expect(verifier.verify(timestamp: "1641309313", signature: String(repeating: "0", count: 128), body: [], now: now) == .badSignature)
    }
}
