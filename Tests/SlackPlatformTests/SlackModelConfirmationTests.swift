import Approvals
import ChatOpsCore
import ChatOpsTestSupport
import Foundation
import ReplyModel
import RequestStore
import Testing

/// The language model's "Did you mean …?" on Slack, through the real routes with signed requests:
/// a slash command no rule matches gets Yes / No buttons in its thread; only alice's Yes runs it,
/// once, and only before it expires; a typed `yes` mentioning the bot in the thread answers too.
@Suite("Slack: a change the model inferred waits for its author's Yes", .serialized)
struct SlackModelConfirmationTests {
    static let pushIris = "could you push two point three of the flower model out to stage"
    static let kickPayments = "kick the payments thing on staging"
    /// The bot's own user in the Events API (not alice's W111, whose messages it would ignore as its own).
    static let botUser = "U0CHATOPS"

    /// Slack serving alice (W111) and bob (W222), Gemini a fake, a FakeExecutor for deploys and restarts.
    struct Served {
        let slack: SlackHarness
        let gemini: FakeGemini
        let clock: TestClock

        var harness: PlatformHarness { slack.harness }

        static func start() async throws -> Served {
            let gemini = try await FakeGemini.start()
            let clock = TestClock(Date())
            let options = PlatformHarness.Options(
                platforms: [.slack], identities: ["alice": "slack:W111", "bob": "slack:W222"], environment: gemini.environment,
                fakeIntents: [.deploy, .restart], clock: clock)
            do {
                return Served(slack: SlackHarness(harness: try await PlatformHarness.start(options)), gemini: gemini, clock: clock)
            } catch {
                await gemini.stop()
                throw error
            }
        }

        /// alice's `/chatops TEXT`, signed now by the harness clock, with its own trigger id.
        func slash(_ text: String, trigger: String) async throws {
            let body = try Fixture.slashCommand("/chatops", text).replacingOccurrences(of: "trigger_id=111.111.xxx",
                                                                                      with: "trigger_id=\(trigger)")
            #expect(try await harness.postSlack("/slack/commands", body).status == 200)
        }

        /// alice's `/chatops kick the payments thing on staging`, read by the model as a restart;
        /// waits for the question.
        @discardableResult
        func askForRestart(trigger: String) async throws -> RecordedRequest {
            gemini.propose("restart", ["app": "payments", "env": "staging"])
            try await slash(SlackModelConfirmationTests.kickPayments, trigger: trigger)
            return try await slack.waitForPost(containing: "Did you mean: restart payments-api in staging?")
        }

        /// `user` clicks a button of the message `messageTS` in the thread `root`.
        func click(_ action: ReplyAction, user: String, messageTS: String, root: String, trigger: String) async throws {
            let payload = try SlackCommandTests.click(try Fixture.json("block_actions.button.payload.json"), action: action,
                                                      user: user, messageTS: messageTS, threadTS: root, trigger: trigger)
            #expect(try await harness.postSlack("/slack/interactions", SlackCommandTests.form(payload)).status == 200)
        }

        /// `user` replies in the thread `root`, mentioning the bot: an `app_mention` event.
        func reply(_ text: String, user: String, root: String, ts: String, eventID: String) async throws {
            var envelope = try SlackEventsTests.mention("<@\(SlackModelConfirmationTests.botUser)> \(text)", eventID: eventID) { event in
                event["user"] = user
                event["ts"] = ts
                event["event_ts"] = ts
                event["thread_ts"] = root
            }
            envelope["authed_users"] = [SlackModelConfirmationTests.botUser]
            envelope["authorizations"] = [["team_id": "T111", "user_id": SlackModelConfirmationTests.botUser, "is_bot": true]]
            let response = try await harness.postSlack("/slack/events", try Fixture.encode(envelope), contentType: "application/json")
            #expect(response.status == 200)
        }

        /// `user` types `text` in the thread `root` (or at the top of the channel, `root` nil)
        /// without mentioning the bot: a `message.channels` event.
        func typed(_ text: String, user: String, root: String?, ts: String, eventID: String) async throws {
            var envelope = try Fixture.json("message.channels.thread-reply.event.json")
            var event = try #require(envelope["event"] as? [String: Any])
            event["text"] = text
            event["user"] = user
            event["ts"] = ts
            event["event_ts"] = ts
            event["thread_ts"] = root
            envelope["event"] = event
            envelope["event_id"] = eventID
            let response = try await harness.postSlack("/slack/events", try Fixture.encode(envelope), contentType: "application/json")
            #expect(response.status == 200)
        }

        /// The messages the bot posted in the thread `root` (its first message not included).
        func thread(_ root: String) -> [RecordedRequest] {
            slack.calls("chat.postMessage").filter { $0.threadTS == root }
        }

        func stop() async throws {
            try await slack.stop()
            await gemini.stop()
        }
    }

    @Test("the question has Yes / No buttons; bob's Yes is refused, alice's runs it once, her second click does not")
    func buttons() async throws {
        let s = try await Served.start()
        s.gemini.propose("deploy", ["app": "iris classifier", "version": "v2.3", "env": "stage"])
        try await s.slash(Self.pushIris, trigger: "111.111.ask")
        let root = FakeSlack.ts(1), questionTS = FakeSlack.ts(2)
        let question = try await s.slack.waitForPost(containing: "Did you mean: deploy iris-classifier v2.3 to staging?")
        #expect(s.slack.calls("chat.postMessage").first?.text == "<@W111> asked: `/chatops \(Self.pushIris)`")
        #expect(question.threadTS == root)
        #expect(question.json?["channel"] as? String == "C111")
        let buttons = try #require(question.actionBlocks.first?["elements"] as? [[String: Any]])
        let labels = buttons.map { ($0["text"] as? [String: Any])?["text"] as? String }
        #expect(labels == ["Yes", "No"])
        #expect(buttons.map { $0["action_id"] as? String } == ["chatops:confirm:1", "chatops:cancel:1"])
        #expect(buttons.map { $0["value"] as? String } == ["chatops:confirm:1", "chatops:cancel:1"])
        #expect(buttons.map { $0["style"] as? String } == ["primary", "danger"])
        #expect(s.gemini.calls == 1)
        #expect(s.harness.executor.executed.isEmpty)

        let yes = ReplyAction(kind: .confirm, requestID: 1)
        try await s.click(yes, user: "W222", messageTS: questionTS, root: root, trigger: "333.444.bob")
        let refused = try await s.slack.waitForPost(containing: "Only the person who asked can confirm")
        #expect(refused.threadTS == root)
        await s.harness.settle()
        #expect(s.harness.executor.executed.isEmpty)
        #expect(try await s.harness.store.requests(states: nil, limit: 10).isEmpty)

        try await s.click(yes, user: "W111", messageTS: questionTS, root: root, trigger: "333.444.alice")
        let result = try await s.slack.waitForPost(containing: "Request #1 succeeded")
        #expect(result.threadTS == root)
        #expect(s.harness.executor.executed.map(\.intent) == [.deploy])
        let deployed = try #require(s.harness.executor.executed.first)
        #expect(deployed.command.slots["app"]?.stringValue == "iris-classifier")
        #expect(deployed.command.slots["version"]?.stringValue == "v2.3")
        #expect(deployed.command.slots["env"]?.stringValue == "staging")
        let stored = try #require(try await s.harness.store.request(id: 1))
        #expect(stored.requester == "alice")
        #expect(stored.text == Self.pushIris)
        #expect(stored.origin.thread == root)

        try await s.click(yes, user: "W111", messageTS: questionTS, root: root, trigger: "333.444.alice-again")
        let again = try await s.slack.waitForPost(containing: "was already confirmed; it is not asked for twice")
        #expect(again.threadTS == root)
        try await s.stop()
        #expect(s.harness.executor.executed.count == 1)
        #expect(s.gemini.calls == 1, "a click is a command, never a question for the model")
        #expect(s.thread(root).allSatisfy { $0.json?["channel"] as? String == "C111" })
    }

    @Test("alice's typed yes in a thread answers that thread's question, not her later one elsewhere; bob's yes answers nothing")
    func typedYesInTheThread() async throws {
        let s = try await Served.start()
        try await s.askForRestart(trigger: "111.111.restart")
        s.gemini.propose("deploy", ["app": "iris", "version": "v2.5", "env": "staging"])
        try await s.slash("the flower model should be on two point five in stage", trigger: "111.111.deploy")
        try await s.slack.waitForPost(containing: "Did you mean: deploy iris-classifier v2.5 to staging?")
        let restartThread = FakeSlack.ts(1), deployThread = FakeSlack.ts(3)
        #expect(s.thread(deployThread).first?.text.contains("Reply `confirm 2` or `cancel 2`.") == true)

        try await s.reply("yes", user: "W111", root: restartThread, ts: "1700000000.500001", eventID: "EvYES1")
        let ran = try await s.slack.waitForPost(containing: "Request #1 succeeded")
        #expect(ran.threadTS == restartThread)
        #expect(s.harness.executor.executed.map(\.intent) == [.restart])
        #expect(try await s.harness.store.confirmation(id: 2)?.state == .pending)

        try await s.reply("yes", user: "W222", root: deployThread, ts: "1700000000.500002", eventID: "EvYES2")
        await s.harness.settle()
        #expect(s.harness.executor.executed.count == 1, "bob's yes is not an answer to alice's question")
        #expect(try await s.harness.store.confirmation(id: 2)?.state == .pending)

        try await s.reply("yes", user: "W111", root: deployThread, ts: "1700000000.500003", eventID: "EvYES3")
        let deployed = try await s.slack.waitForPost(containing: "Request #2 succeeded")
        #expect(deployed.threadTS == deployThread)
        try await s.stop()
        #expect(s.harness.executor.executed.map(\.intent) == [.restart, .deploy])
    }

    @Test("a bare yes typed in the thread without a mention answers; other unaddressed chatter and a top-level yes are ignored")
    func typedYesWithoutMention() async throws {
        let s = try await Served.start()
        try await s.askForRestart(trigger: "111.111.plain")
        let root = FakeSlack.ts(1)
        let posted = s.slack.calls("chat.postMessage").count
        try await s.typed("restart payments in prod", user: "W222", root: root, ts: "1700000000.600001", eventID: "EvCHAT1")
        try await s.typed("yes", user: "W111", root: nil, ts: "1700000000.600002", eventID: "EvTOP1")
        try await s.typed("yes", user: "W222", root: root, ts: "1700000000.600003", eventID: "EvBOB1")
        await s.harness.settle()
        #expect(s.slack.calls("chat.postMessage").count == posted, "chatter, a top-level yes and bob's yes get no answer")
        #expect(s.harness.executor.executed.isEmpty)
        #expect(try await s.harness.store.requests(states: nil, limit: 10).isEmpty, "unaddressed chatter starts no request")
        #expect(try await s.harness.store.confirmation(id: 1)?.state == .pending)

        try await s.typed("Yes!", user: "W111", root: root, ts: "1700000000.600004", eventID: "EvYES4")
        let ran = try await s.slack.waitForPost(containing: "Request #1 succeeded")
        #expect(ran.threadTS == root)
        try await s.typed("Yes!", user: "W111", root: root, ts: "1700000000.600004", eventID: "EvYES4")
        await s.harness.settle()
        try await s.stop()
        #expect(s.harness.executor.executed.map(\.intent) == [.restart], "once, and a redelivered event is not a second yes")
        #expect(s.gemini.calls == 1, "a bare yes is never a question for the model")
    }

    @Test("a Yes after five minutes says it was not confirmed in time, and nothing runs")
    func expired() async throws {
        let s = try await Served.start()
        let question = try await s.askForRestart(trigger: "111.111.late")
        #expect(question.text.contains("confirm within 5m"))
        s.clock.advance(5 * 60 + 1)
        // Signed at the moved clock's time: Slack's replay window is read on the same clock.
        try await s.click(ReplyAction(kind: .confirm, requestID: 1), user: "W111", messageTS: FakeSlack.ts(2),
                          root: FakeSlack.ts(1), trigger: "333.444.late")
        let late = try await s.slack.waitForPost(containing: "was not confirmed in time, so nothing was done")
        #expect(late.threadTS == FakeSlack.ts(1))
        try await s.stop()
        #expect(s.harness.executor.executed.isEmpty)
        #expect(try await s.harness.store.requests(states: nil, limit: 10).isEmpty)
        #expect(try await s.harness.store.confirmation(id: 1)?.state == .expired)
    }
}
