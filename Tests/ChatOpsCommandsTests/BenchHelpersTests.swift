@testable import ChatOpsCommands
import ChatOpsTestSupport
import ChatServer
import Foundation
import Incidents
import PlatformVerification
import RequestStore
import Testing

/// The helpers `Benchmarks/` runs: their requests must be what the bot accepts, or the figures
/// would measure refusals. No figure is asserted here.
@Suite("chatops bench helpers")
struct BenchHelpersTests {
    static let secret = "bench-signing-secret"

    @Test("signed slash commands verify with the bot's Slack verifier, each with its own trigger_id")
    func signedCommandsVerify() throws {
        let now = Date()
        let commands = SignedSlashCommands(signingSecret: Self.secret, text: "status iris staging", run: "r1")
        let verifier = SlackRequestVerifier(signingSecret: Self.secret)
        var triggers: Set<String> = []
        for index in 0..<50 {
            let signed = commands.make(index, timestamp: Int(now.timeIntervalSince1970))
            #expect(verifier.verify(timestamp: signed.timestamp, signature: signed.signature, body: Array(signed.body.utf8), now: now) == nil)
            let form = FormBody.parse(signed.body)
            #expect(form["command"] == "/chatops")
            #expect(form["text"] == "status iris staging")
            #expect(form["user_id"] == "U0BENCH01")
            triggers.insert(try #require(form["trigger_id"]))
        }
        #expect(triggers.count == 50)
        let other = SignedSlashCommands(signingSecret: "another secret", text: "help", run: "r1").make(0, timestamp: Int(now.timeIntervalSince1970))
        #expect(verifier.verify(timestamp: other.timestamp, signature: other.signature, body: Array(other.body.utf8), now: now) == .badSignature)
    }

    @Test("the file for wrk holds one tab-separated command per line")
    func wrkLine() {
        let signed = SignedSlashCommands(signingSecret: Self.secret, text: "deploy iris v2.3 to staging", run: "r").make(7, timestamp: 1_800_000_000)
        let fields = SignedSlashCommands.line(signed).dropLast().split(separator: "\t", omittingEmptySubsequences: false)
        #expect(fields.map(String.init) == [signed.timestamp, signed.signature, signed.body])
    }

    @Test("the reference accepts what Slack signs and refuses a changed body or a stale timestamp")
    func referenceChecksSignatures() {
        let now = Date()
        let route = ReferenceSlackRoute(signingSecret: Self.secret)
        let signed = SignedSlashCommands(signingSecret: Self.secret, text: "help", run: "r").make(1, timestamp: Int(now.timeIntervalSince1970))
        #expect(route.isSigned(body: Array(signed.body.utf8), timestamp: signed.timestamp, signature: signed.signature, now: now))
        #expect(!route.isSigned(body: Array((signed.body + "x").utf8), timestamp: signed.timestamp, signature: signed.signature, now: now))
        #expect(!route.isSigned(body: Array(signed.body.utf8), timestamp: signed.timestamp, signature: signed.signature,
                                now: now.addingTimeInterval(301)))
        #expect(!route.isSigned(body: Array(signed.body.utf8), timestamp: signed.timestamp, signature: nil, now: now))
    }

    @Test("the Alertmanager template decodes as a real notification, and two numbers make two deliveries", arguments: [1, 10, 100])
    func alertTemplate(alerts: Int) throws {
        let template = try AlertmanagerTemplate(alerts: alerts).json()
        let first = try AlertmanagerNotification.decode(Array(AlertmanagerTemplate.instance(template, number: "1700000000-1").utf8))
        let second = try AlertmanagerNotification.decode(Array(AlertmanagerTemplate.instance(template, number: "1700000000-2").utf8))
        #expect(first.alerts.count == alerts)
        #expect(Set(first.alerts.map(\.fingerprint)).count == alerts)
        #expect(first.groupKey != second.groupKey)
        #expect(first.dedupeKey != second.dedupeKey)
    }

    @Test("the Slack sink answers ok with a new ts each time and counts the thread starts")
    func sinkAnswers() throws {
        let sink = SlackAPISink(channel: "C0BENCH001")
        let first = sink.answer(toBody: Array(#"{"channel":"C0BENCH001","text":"asked"}"#.utf8))
        let second = sink.answer(toBody: Array(#"{"channel":"C0BENCH001","thread_ts":"1800000000.000001","text":"reply"}"#.utf8))
        #expect(first == #"{"ok":true,"channel":"C0BENCH001","ts":"1800000000.000001"}"#)
        #expect(second == #"{"ok":true,"channel":"C0BENCH001","ts":"1800000000.000002"}"#)
        #expect(sink.current == SlackAPISink.Counts(calls: 2, threadStarts: 1))
    }

    @Test("100 approvers racing for one request on a file store: exactly one wins")
    func storeRaceHasOneWinner() async throws {
        let dir = try TemporaryDirectory()
        let bench = ApprovalStoreBenchmark(store: try SQLiteApprovalStore(path: dir.path + "/bench.db"))
        let race = try await bench.race(racers: 100, index: 0)
        #expect(race.winners == 1)
        #expect(race.losers == 99)
        #expect(race.others == 0)
        #expect(race.storedApprovals == 1)
        #expect(race.state == .approved)
        _ = try await bench.decisions(count: 20, concurrency: 4)
        let (journal, _) = try await bench.store.durability()
        #expect(journal == "wal")
    }
}
