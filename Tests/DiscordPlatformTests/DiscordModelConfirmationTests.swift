import Approvals
import ChatOpsCore
import ChatOpsTestSupport
import Foundation
import RequestStore
import Testing

/// The language model's "Did you mean …?" on Discord, through the real interactions route with
/// signed requests: `/chatops text:` no rule matches gets a green Yes and a red No; only alice's
/// click runs it, once; No declines.
@Suite("Discord: a change the model inferred waits for its author's Yes", .serialized)
struct DiscordModelConfirmationTests {
    let app = TestUsers.applicationID

    /// Discord serving alice and bob, Gemini a fake, a FakeExecutor for deploys and restarts.
    struct Served {
        let harness: PlatformHarness
        let gemini: FakeGemini

        static func start() async throws -> Served {
            let gemini = try await FakeGemini.start()
            let options = PlatformHarness.Options(
                platforms: [.discord], identities: DiscordHarness.identities, environment: gemini.environment,
                fakeIntents: [.deploy, .restart], clock: TestClock(Date()),
                discordAPI: PlatformFakeAnswers.discord(channel: TestUsers.channel))
            do {
                return Served(harness: try await PlatformHarness.start(options), gemini: gemini)
            } catch {
                await gemini.stop()
                throw error
            }
        }

        /// alice's `/chatops text: TEXT` as interaction `id` with `token`; waits for the bot's answer.
        func ask(_ text: String, id: String, token: String) async throws {
            let body = try Interactions.command(id: id, token: token, name: "chatops", options: [("text", text)])
            let response = try await harness.postDiscord(body)
            #expect(String(decoding: response.body, as: UTF8.self) == #"{"type":5}"#)
            await harness.settle()
        }

        /// `user` clicks `customID` on the message `messageID`; waits for what it starts. The
        /// calls the fake API received for it.
        @discardableResult
        func click(_ customID: String, user: String, id: String, token: String, messageID: String) async throws -> [RecordedRequest] {
            let before = harness.discordAPI.requests.count
            let body = try Interactions.click(id: id, token: token, user: user, customID: customID, messageID: messageID)
            let response = try await harness.postDiscord(body)
            #expect(String(decoding: response.body, as: UTF8.self) == #"{"type":6}"#)
            await harness.settle()
            return Array(harness.discordAPI.requests.dropFirst(before))
        }

        func stop() async {
            await harness.stop()
            await gemini.stop()
        }
    }

    @Test("Yes is green and No red; bob's click is refused, alice's runs it once, a repeated click does not run it again")
    func buttons() async throws {
        let s = try await Served.start()
        s.gemini.propose("deploy", ["app": "iris classifier", "version": "v2.3", "env": "stage"])
        try await s.ask("could you push two point three of the flower model out to stage", id: "786008729715212338", token: "ALICE_TOKEN")
        let question = try #require(s.harness.discordAPI.requests.first)
        #expect(question.method == "PATCH")
        #expect(question.path == "/webhooks/\(app)/ALICE_TOKEN/messages/@original")
        #expect(question.messageText.contains("Did you mean: deploy iris-classifier v2.3 to staging?"))
        #expect(question.buttonIDs == ["chatops:confirm:1", "chatops:cancel:1"])
        #expect(question.buttonStyles == [3, 4])
        let rows = question.json?["components"] as? [[String: Any]] ?? []
        let labels = rows.flatMap { ($0["components"] as? [[String: Any]] ?? []).compactMap { $0["label"] as? String } }
        #expect(labels == ["Yes", "No"])
        #expect(s.harness.executor.executed.isEmpty)
        let questionID = PlatformFakeAnswers.discordMessageID(1)

        let refused = try await s.click("chatops:confirm:1", user: TestUsers.bob, id: "846462639134605401", token: "BOB_TOKEN",
                                        messageID: questionID)
        #expect(refused.map { "\($0.method) \($0.path)" } == ["POST /webhooks/\(app)/BOB_TOKEN"])
        #expect(refused.first?.messageText.contains("Only the person who asked can confirm `deploy iris-classifier v2.3 to staging`") == true)
        #expect(s.harness.executor.executed.isEmpty)
        #expect(try await s.harness.store.confirmation(id: 1)?.state == .pending)

        let confirmed = try await s.click("chatops:confirm:1", user: TestUsers.alice, id: "846462639134605402", token: "ALICE_CLICK",
                                          messageID: questionID)
        #expect(s.harness.executor.executed.map(\.intent) == [.deploy])
        #expect(s.harness.executor.executed.first?.command.slots["version"]?.stringValue == "v2.3")
        // Answered through the click's own token, where alice confirmed.
        #expect(confirmed.allSatisfy { "\($0.method) \($0.path)" == "POST /webhooks/\(app)/ALICE_CLICK" })
        let result = try #require(confirmed.last)
        #expect(result.messageText.contains("Request #1 succeeded"))
        #expect(try await s.harness.store.request(id: 1)?.requester == "alice")

        let repeated = try await s.click("chatops:confirm:1", user: TestUsers.alice, id: "846462639134605403", token: "ALICE_AGAIN",
                                         messageID: questionID)
        #expect(repeated.map { "\($0.method) \($0.path)" } == ["POST /webhooks/\(app)/ALICE_AGAIN"])
        #expect(repeated.first?.messageText.contains("was already confirmed; it is not asked for twice") == true)
        await s.stop()
        #expect(s.harness.executor.executed.count == 1)
        #expect(s.gemini.calls == 1)
    }

    @Test("a typed `/chatops text: yes` confirms, and its own deferred answer says what runs")
    func typedYes() async throws {
        let s = try await Served.start()
        s.gemini.propose("restart", ["app": "payments", "env": "staging"])
        try await s.ask("kick the payments thing on staging", id: "786008729715212340", token: "ALICE_TOKEN")
        #expect(s.harness.discordAPI.requests.first?.messageText.contains("Did you mean: restart payments-api in staging?") == true)
        let asked = s.harness.discordAPI.requests.count
        try await s.ask("yes", id: "786008729715212341", token: "YES_TOKEN")
        let answered = Array(s.harness.discordAPI.requests.dropFirst(asked))
        // Discord shows "thinking…" until the deferred answer is edited: the yes must be answered itself.
        let first = try #require(answered.first)
        #expect("\(first.method) \(first.path)" == "PATCH /webhooks/\(app)/YES_TOKEN/messages/@original")
        #expect(first.messageText.contains("Running request #1: restart payments-api in staging"), "\(first.messageText)")
        #expect(answered.allSatisfy { $0.path.hasPrefix("/webhooks/\(app)/YES_TOKEN") })
        #expect(answered.last?.messageText.contains("Request #1 succeeded") == true)
        await s.stop()
        #expect(s.harness.executor.executed.map(\.intent) == [.restart])
        #expect(s.gemini.calls == 1, "a yes is an answer, not a question for the model")
    }

    @Test("No declines: nothing runs, and a Yes after it says it was already cancelled")
    func noDeclines() async throws {
        let s = try await Served.start()
        s.gemini.propose("restart", ["app": "payments", "env": "staging"])
        try await s.ask("kick the payments thing on staging", id: "786008729715212339", token: "ALICE_TOKEN")
        let question = try #require(s.harness.discordAPI.requests.first)
        #expect(question.messageText.contains("Did you mean: restart payments-api in staging?"))
        #expect(question.buttonIDs == ["chatops:confirm:1", "chatops:cancel:1"])
        let questionID = PlatformFakeAnswers.discordMessageID(1)

        let declined = try await s.click("chatops:cancel:1", user: TestUsers.alice, id: "846462639134605411", token: "ALICE_NO",
                                         messageID: questionID)
        #expect(declined.first?.messageText.contains("OK: not doing `restart payments-api in staging`. Nothing was done.") == true)
        #expect(try await s.harness.store.confirmation(id: 1)?.state == .declined)

        let late = try await s.click("chatops:confirm:1", user: TestUsers.alice, id: "846462639134605412", token: "ALICE_YES",
                                     messageID: questionID)
        #expect(late.first?.messageText.contains("was already cancelled; nothing was done") == true)
        await s.stop()
        #expect(s.harness.executor.executed.isEmpty)
        #expect(try await s.harness.store.requests(states: nil, limit: 10).isEmpty)
    }
}
