import Approvals
import ChatOpsTestSupport
import Foundation
import PlatformHTTP
import RequestStore
import Synchronization
import Testing

/// Slack is told "Working on…" (or 200 for an event) only once the delivery is stored with what
/// handling it takes. A process that stops before handling it loses nothing: the next start
/// runs it, or, when it is too old to act on unasked, says so and does nothing.
@Suite("Slack: acknowledged work survives a stop")
struct SlackInboxTests {
    /// What a process stored for a delivery it acknowledged, read from its store when its work
    /// first calls Slack's API (acknowledged, not yet handled: as a crash there would leave it).
    /// The delivery is in the store by the time Slack has its answer.
    static func storedWhileUnhandled(_ path: String, _ body: String, id: String, contentType: String = "application/x-www-form-urlencoded",
                                     check: (APIResponse) throws -> Void = { _ in }) async throws -> [PendingDelivery] {
        let slack = FakeSlack.respond()
        let served = Snapshot()
        let h = try await SlackHarness.start { request in
            if let store = served.store.withLock({ $0 }), served.pending.withLock({ $0 }) == nil {
                let pending = try? await store.pendingDeliveries(receivedBefore: Date().addingTimeInterval(60))
                served.pending.withLock { $0 = pending ?? [] }
            }
            return await slack(request)
        }
        served.store.withLock { $0 = h.store }
        let response = try await h.post(path, body, contentType: contentType)
        #expect(response.status == 200)
        try check(response)
        #expect(try await h.store.recordDelivery(platform: "slack", id: id, at: Date()) != .new)
        try await h.harness.eventually("the work calls Slack") { served.pending.withLock { $0 } != nil }
        try await h.stop()
        return served.pending.withLock { $0 } ?? []
    }

    /// `14:05` UTC, written out independently of the adapter.
    static func clock(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let parts = calendar.dateComponents([.hour, .minute], from: date)
        return String(format: "%02d:%02d", parts.hour!, parts.minute!)
    }

    /// The store a harness serves from, and what it held pending when its work first called Slack.
    final class Snapshot: Sendable {
        let store = Mutex<SQLiteApprovalStore?>(nil)
        let pending = Mutex<[PendingDelivery]?>(nil)
    }

    /// A new process on a store holding `pending`, each received `age` seconds earlier than it was.
    static func restart(with pending: [PendingDelivery], age: TimeInterval) async throws -> SlackHarness {
        let store = try await SQLiteApprovalStore.inMemory(holding: pending, receivedEarlierBy: age)
        return try await SlackHarness.start(store: store)
    }

    @Test func aSlashCommandAcknowledgedBeforeAStopRunsInItsThreadAtTheNextStart() async throws {
        let body = try Fixture.slashCommand("/chatops", "help")
        let pending = try await Self.storedWhileUnhandled("/slack/commands", body, id: "111.111.xxx") { response in
            #expect(String(decoding: response.body, as: UTF8.self).contains("Working on"))
        }
        let stored = try #require(pending.first)
        #expect(pending.count == 1)
        #expect(stored.key.id == "111.111.xxx")
        let work = String(decoding: stored.work, as: UTF8.self)
        #expect(work.contains("user_id=W111") && work.contains("channel_id=C111") && work.contains("text=help"))
        // What lets its holder speak as the app is not kept.
        #expect(!work.contains("verification_token") && !work.contains("response_url") && !work.contains("hooks.slack.com"))

        let h = try await Self.restart(with: pending, age: 30)
        let answer = try await h.waitForPost(containing: "deploy")
        try await h.harness.eventually("the delivery completes") {
            try await h.store.pendingDeliveries(receivedBefore: Date().addingTimeInterval(60)).isEmpty
        }
        let replay = try await h.post("/slack/commands", body)
        #expect(String(decoding: replay.body, as: UTF8.self).contains("already received"))
        try await h.stop()
        let posts = h.calls("chat.postMessage")
        // The header says why a second thread may appear: the first was left unanswered by the stop.
        let received = try #require(pending.first?.receivedAt)
        #expect(posts.first?.text == "<@W111> asked: `/chatops help` (received at \(Self.clock(received.addingTimeInterval(-30))) UTC; "
                + "chatops restarted before answering, so it runs now)")
        #expect(answer.threadTS == FakeSlack.ts(1))
        #expect(posts.count == 2)
    }

    @Test func aCommandTooOldToResumeIsReportedInItsChannelAndNothingRuns() async throws {
        let pending = try await Self.storedWhileUnhandled("/slack/commands", try Fixture.slashCommand("/deploy", "iris v2.3 staging"),
                                                          id: "111.111.xxx")
        #expect(pending.count == 1)
        let h = try await Self.restart(with: pending, age: 20 * 60)
        let notice = try await h.waitForPost(containing: "too old")
        try await h.harness.eventually("the delivery completes") {
            try await h.store.pendingDeliveries(receivedBefore: Date().addingTimeInterval(60)).isEmpty
        }
        try await h.stop()
        #expect(notice.json?["channel"] as? String == "C111")
        #expect(notice.threadTS == nil)
        #expect(notice.text.contains("Your command `/deploy iris v2.3 staging` was received 20 minutes ago"))
        #expect(notice.text.contains("Nothing was done"))
        #expect(h.calls("chat.postMessage").count == 1)
        #expect(h.executor.executed.isEmpty)
        #expect(try await h.store.requests(states: nil, limit: 10).isEmpty)
    }

    /// An event is stored before Slack hears 200 (Slack does not retry what it got 200 for). A
    /// mention that becomes no request (a command would hand its delivery to the request at once).
    @Test func aMentionAcknowledgedBeforeAStopIsAnsweredInItsThreadAtTheNextStart() async throws {
        let mention = try SlackEventsTests.mention("<@W111> Hi there!", eventID: "Ev333")
        let pending = try await Self.storedWhileUnhandled("/slack/events", try Fixture.encode(mention), id: "Ev333",
                                                          contentType: "application/json")
        #expect(pending.map(\.key.id) == ["Ev333"])
        #expect(!String(decoding: try #require(pending.first).work, as: UTF8.self).contains("token"))

        let h = try await Self.restart(with: pending, age: 30)
        let answer = try await h.waitForPost(containing: "I didn't understand that")
        try await h.harness.eventually("the delivery completes") {
            try await h.store.pendingDeliveries(receivedBefore: Date().addingTimeInterval(60)).isEmpty
        }
        // Slack's retry of the same event finds it handled.
        let retry = try await h.post("/slack/events", try Fixture.encode(mention), contentType: "application/json",
                                     headers: [("X-Slack-Retry-Num", "1"), ("X-Slack-Retry-Reason", "http_timeout")])
        #expect(retry.status == 200)
        try await h.stop()
        #expect(answer.json?["channel"] as? String == "C111")
        #expect(answer.threadTS == "1595926230.009600")
        #expect(h.calls("chat.postMessage").count == 1)
    }

    /// A command that became a request before the stop is the request's to carry on (awaiting
    /// approval here); the next start records no second request.
    @Test func aCommandThatAlreadyBecameARequestIsNotRecordedTwice() async throws {
        let body = try Fixture.slashCommand("/deploy", "iris v2.3 prod")
        let h = try await SlackHarness.start()
        _ = try await h.post("/slack/commands", body)
        try await h.harness.eventually("the request is recorded") {
            try await h.store.requests(states: nil, limit: 10).count == 1
        }
        try await h.harness.eventually("the delivery completes") {
            try await h.store.pendingDeliveries(receivedBefore: Date().addingTimeInterval(60)).isEmpty
        }
        try await h.stop()
        #expect(try await h.store.requests(states: nil, limit: 10).map(\.state) == [.awaitingApproval])
    }
}
