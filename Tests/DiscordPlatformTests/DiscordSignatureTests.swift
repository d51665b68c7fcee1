import ChatOpsConfig
import ChatOpsTestSupport
@testable import DiscordPlatform
import Foundation
import Logging
import PlatformHTTP
import Testing

/// Every request that is not Discord's is refused before anything reads it: a bare 401 (Discord
/// itself sends bad signatures to check the endpoint), 413 when too large; the bot never hears of it.
@Suite("Discord signatures")
struct DiscordSignatureTests {
    static func deployBody() throws -> Data {
        try Interactions.command(name: "deploy", options: [("version", "v2.3"), ("env", "staging")])
    }

    /// Posts, waits for any work, and checks that nothing reached the bot or the API.
    func expectRefused(_ harness: DiscordHarness, _ body: Data, headers: [(String, String)]?,
                       status: Int, sourceLocation: SourceLocation = #_sourceLocation) async throws {
        let response = try await harness.post(body, headers: headers)
        await harness.settle()
        #expect(response.status == status, sourceLocation: sourceLocation)
        if status == 401 { #expect(response.body.isEmpty, "a 401 says nothing about why", sourceLocation: sourceLocation) }
        #expect(harness.fake.requests.isEmpty, sourceLocation: sourceLocation)
        #expect(harness.executor.executed.isEmpty, sourceLocation: sourceLocation)
        #expect(await harness.adapter.tokens.count == 0, sourceLocation: sourceLocation)
    }

    @Test func unsignedIsRefused() async throws {
        let harness = try await DiscordHarness()
        try await expectRefused(harness, try Self.deployBody(), headers: [("Content-Type", "application/json")], status: 401)
        await harness.stop()
    }

    @Test func aTamperedBodyIsRefused() async throws {
        let harness = try await DiscordHarness()
        let body = try Self.deployBody()
        let headers = try harness.signer.headers(for: body, at: harness.clock.now)
        let tampered = Data(String(decoding: body, as: UTF8.self).replacingOccurrences(of: "staging", with: "prod").utf8)
        try await expectRefused(harness, tampered, headers: headers, status: 401)
        await harness.stop()
    }

    @Test func aStaleTimestampIsRefusedEvenWithAGoodSignature() async throws {
        let harness = try await DiscordHarness()
        let body = try Self.deployBody()
        let headers = try harness.signer.headers(for: body, at: harness.clock.now.addingTimeInterval(-301))
        try await expectRefused(harness, body, headers: headers, status: 401)
        await harness.stop()
    }

    @Test func anotherKeysSignatureIsRefused() async throws {
        let harness = try await DiscordHarness()
        let body = try Self.deployBody()
        try await expectRefused(harness, body, headers: try InteractionSigner().headers(for: body, at: harness.clock.now), status: 401)
        await harness.stop()
    }

    @Test func aMalformedSignatureHeaderIsRefused() async throws {
        let harness = try await DiscordHarness()
        let body = try Self.deployBody()
        let timestamp = String(Int(harness.clock.now.timeIntervalSince1970))
        try await expectRefused(harness, body, headers: [("X-Signature-Ed25519", "zz"), ("X-Signature-Timestamp", timestamp)],
                                status: 401)
        await harness.stop()
    }

    @Test func anOversizedBodyIsRefusedBeforeItIsRead() async throws {
        let harness = try await DiscordHarness()
        let body = Data(repeating: UInt8(ascii: " "), count: 100 * 1024) + (try Self.deployBody())
        try await expectRefused(harness, body, headers: try harness.signer.headers(for: body, at: harness.clock.now), status: 413)
        await harness.stop()
    }

    @Test func aSignedBodyThatIsNotAnInteractionIsABadRequest() async throws {
        let harness = try await DiscordHarness()
        try await expectRefused(harness, Data("[1,2,3]".utf8), headers: nil, status: 400)
        await harness.stop()
    }

    /// The published vector: the RFC 8032 key signing discord-interactions-js's PING at 1700000000.
    @Test func thePublishedPingVectorIsAnsweredWithPong() async throws {
        let vectors = try Fixtures.object("ed25519-signature-test-vectors.json")["vectors"] as? [[String: Any]] ?? []
        let vector = try #require(vectors.first { $0["name"] as? String == "rfc8032-test1-key-signing-ping" })
        let headers = try #require(vector["headers"] as? [String: String])
        let body = Data(try #require(vector["body"] as? String).utf8)
        let harness = try await DiscordHarness(clock: TestClock(Date(timeIntervalSince1970: 1_700_000_000)),
                                               environment: ["CHATOPS_DISCORD_PUBLIC_KEY": try #require(vector["public_key"] as? String)])
        let pong = try await harness.post(body, headers: headers.map { ($0.key, $0.value) })
        #expect(pong.status == 200)
        #expect(String(decoding: pong.body, as: UTF8.self) == #"{"type":1}"#)
        let tampered = Data(String(decoding: body, as: UTF8.self).replacingOccurrences(of: "\"version\":1", with: "\"version\":2").utf8)
        #expect(try await harness.post(tampered, headers: headers.map { ($0.key, $0.value) }).status == 401)
        await harness.stop()
    }

    @Test func makeIsNilUnconfiguredThrowsHalfConfiguredAndRejectsABadKey() async throws {
        let harness = try await DiscordHarness()
        let logger = Logger(label: "test")
        let none = try DiscordHarness.configuration()
        #expect(try DiscordAdapter.make(configuration: none, bot: harness.bot, work: harness.work, logger: logger, http: TestHTTP.pool) == nil)
        let half = try DiscordHarness.configuration(environment: ["CHATOPS_DISCORD_PUBLIC_KEY": harness.signer.publicKeyHex])
        #expect {
            _ = try DiscordAdapter.make(configuration: half, bot: harness.bot, work: harness.work, logger: logger, http: TestHTTP.pool)
        } throws: { error in
            let text = "\(error)"
            return text.contains("CHATOPS_DISCORD_APPLICATION_ID") && text.contains("CHATOPS_DISCORD_BOT_TOKEN")
        }
        let badKey = try DiscordHarness.configuration(environment: [
            "CHATOPS_DISCORD_PUBLIC_KEY": "abc", "CHATOPS_DISCORD_APPLICATION_ID": "1", "CHATOPS_DISCORD_BOT_TOKEN": "t",
        ])
        #expect {
            _ = try DiscordAdapter.make(configuration: badKey, bot: harness.bot, work: harness.work, logger: logger, http: TestHTTP.pool)
        } throws: { "\($0)".contains("64 hex characters") }
        let full = try DiscordHarness.configuration(environment: [
            "CHATOPS_DISCORD_PUBLIC_KEY": harness.signer.publicKeyHex, "CHATOPS_DISCORD_APPLICATION_ID": "1",
            "CHATOPS_DISCORD_BOT_TOKEN": "t",
        ])
        let adapter = try #require(try DiscordAdapter.make(configuration: full, bot: harness.bot, work: harness.work, logger: logger, http: TestHTTP.pool))
        #expect(adapter.platform == "discord")
        #expect(adapter.settings.apiURL == "https://discord.com/api/v10")
        await harness.stop()
    }
}
