import ChatOpsTestSupport
import Foundation
import PlatformHTTP
import Testing

/// Nothing unsigned, tampered, stale or oversized reaches the bot: the sender gets a bare 401
/// (or 413), the fake Slack API hears nothing and the store records nothing.
@Suite("Slack: requests that are not from Slack")
struct SlackSignatureTests {
    /// A staging deploy by alice: it would run at once and post replies if it got through.
    static func deployBody() throws -> String {
        try Fixture.slashCommand("/deploy", "iris v2.3 staging")
    }

    @Test func tamperedStaleUnsignedAndWronglySignedRequestsAreRefusedBare() async throws {
        let h = try await SlackHarness.start()
        let body = try Self.deployBody()
        let now = SlackSigning.now
        let goodSignature = SlackSigning.signature(Array(body.utf8), timestamp: now)
        let tampered = body.replacingOccurrences(of: "staging", with: "prod")
        let stale = String(Int(now)! - 301)
        let attempts: [(String, APIResponse)] = [
            ("tampered", try await h.post("/slack/commands", tampered, timestamp: now, signature: goodSignature)),
            ("stale", try await h.post("/slack/commands", body, timestamp: stale)),
            ("unsigned", try await h.post("/slack/commands", body, signed: false)),
            ("other secret", try await h.post("/slack/commands", body, timestamp: now,
                                              signature: SlackSigning.signature(Array(body.utf8), timestamp: now, secret: "other"))),
            ("no signature", try await h.post("/slack/commands", body, timestamp: now, signature: "")),
            ("events, tampered", try await h.post("/slack/events", #"{"type":"url_verification","challenge":"x"}"#,
                                                  contentType: "application/json", timestamp: now, signature: goodSignature)),
            ("interactions, unsigned", try await h.post("/slack/interactions", "payload=%7B%7D", signed: false)),
        ]
        for (name, response) in attempts {
            #expect(response.status == 401, "\(name)")
            #expect(response.body.isEmpty, "\(name): a refusal says nothing about why")
        }
        try await h.stop()
        #expect(h.fake.requests.isEmpty)
        #expect(h.executor.executed.isEmpty)
        #expect(try await h.store.requests(states: nil, limit: 10).isEmpty)
    }

    @Test func anOversizedBodyIs413BeforeAnyoneReadsIt() async throws {
        let h = try await SlackHarness.start()
        let body = try Self.deployBody() + "&padding=" + String(repeating: "a", count: 600 * 1024)
        let response = try await h.post("/slack/commands", body)
        #expect(response.status == 413)
        try await h.stop()
        #expect(h.fake.requests.isEmpty)
        #expect(h.executor.executed.isEmpty)
    }

    @Test func aSignedRequestWithoutTheFieldsSlackSendsIs400SaidPlainly() async throws {
        let h = try await SlackHarness.start()
        let response = try await h.post("/slack/commands", "command=%2Fdeploy&text=iris")
        #expect(response.status == 400)
        #expect(String(decoding: response.body, as: UTF8.self) == "the Slack request has no user_id\n")
        let events = try await h.post("/slack/events", "not json", contentType: "application/json")
        #expect(events.status == 400)
        let interaction = try await h.post("/slack/interactions", "nothing=here")
        #expect(String(decoding: interaction.body, as: UTF8.self) == "the Slack request has no payload\n")
        try await h.stop()
        #expect(h.fake.requests.isEmpty)
    }
}
