import ChatOpsCore
import ChatOpsTestSupport
import Foundation
import Testing

/// The LLM intent layer through the whole bot: Gemini (a fake answering as Gemini does) is asked
/// only when no rule matched an addressed message; a read is answered and says it was inferred;
/// a change waits for its author's yes, and then policy and approvals apply as usual.
@Suite("commands the model inferred: reads answered, changes confirmed by their author first", .serialized)
struct InferredCommandTests {
    @Test("a read no rule matched is answered, saying the model inferred it; rule matches never reach the model")
    func inferredRead() async throws {
        let h = try await ModelHarness.start()
        h.propose("status", ["app": "iris-classifier", "env": "prod"], paraphrase: "show the status of iris in prod")
        let replies = try await h.say("alice", "anything odd going on with the flower model over in production")
        #expect(replies.contains("I read this as `status iris-classifier in prod` (inferred by the language model"), "\(replies)")
        #expect(h.executor.executed.map(\.intent) == [.status])
        let asked = try #require(h.gemini.requests.first)
        #expect(asked.path == "/models/gemini-2.5-flash-lite:generateContent")
        #expect(asked.header("x-goog-api-key") == ModelHarness.apiKey)
        #expect(asked.bodyText.contains("anything odd going on with the flower model over in production"))
        _ = try await h.say("alice", "status of iris in prod")
        #expect(h.modelCalls == 1, "a rule match never asks the model")
        await h.stop()
    }

    @Test("a change is only proposed; the author's yes turns it into a request, recorded as inferred")
    func inferredChangeConfirmed() async throws {
        let h = try await ModelHarness.start()
        h.propose("deploy", ["app": "iris classifier", "version": "v2.3", "env": "stage"])
        let asked = try await h.say("alice", "could you push two point three of the flower model out to stage")
        #expect(asked.contains("Did you mean: deploy iris-classifier v2.3 to staging?"), "\(asked)")
        #expect(asked.contains("Reply `confirm 1` or `cancel 1`."))
        #expect(h.executor.executed.isEmpty, "nothing runs before the yes")
        #expect(try await h.app.store.requests(states: nil, limit: 10).isEmpty)
        let confirmed = try await h.say("alice", "yes")
        #expect(h.executor.executed.map(\.intent) == [.deploy], "\(confirmed)")
        let request = try #require(try await h.app.store.request(id: 1))
        #expect(request.text == "could you push two point three of the flower model out to stage")
        let note = try #require(try await h.app.store.executionNote(requestID: 1, key: "understood_by"))
        #expect(note.hasPrefix("model gemini-2.5-flash-lite, prompt intent@"))
        #expect(note.hasSuffix("confirmed by the requester"))
        await h.stop()
    }

    @Test("a confirmed change in prod still needs its approval from someone else")
    func confirmedProdChangeNeedsApproval() async throws {
        let h = try await ModelHarness.start()
        h.propose("rollback", ["app": "iris", "env": "production"])
        _ = try await h.say("alice", "the flower model in production needs to go back to how it was")
        let confirmed = try await h.say("alice", "confirm 1")
        #expect(confirmed.contains("Request #1: roll back iris-classifier in prod needs 1 approval"), "\(confirmed)")
        #expect(h.executor.executed.isEmpty)
        let selfApproval = try await h.say("alice", "approve 1")
        #expect(selfApproval.contains("you cannot approve or deny your own request"))
        _ = try await h.say("bob", "approve 1")
        #expect(h.executor.executed.map(\.intent) == [.rollback])
        await h.stop()
    }

    @Test("no, someone else's yes, a repeated yes, and a late yes: nothing runs that was not confirmed once by its author")
    func confirmationAnswers() async throws {
        let h = try await ModelHarness.start()
        h.propose("restart", ["app": "payments", "env": "staging"])
        _ = try await h.say("alice", "kick the payments thing on staging")
        let other = try await h.say("bob", "confirm 1")
        #expect(other.contains("Only the person who asked can confirm `restart payments-api in staging`"), "\(other)")
        let declined = try await h.say("alice", "no")
        #expect(declined.contains("OK: not doing `restart payments-api in staging`"))
        let late = try await h.say("alice", "confirm 1")
        #expect(late.contains("was already cancelled"))

        h.propose("restart", ["app": "payments", "env": "staging"])
        _ = try await h.say("alice", "kick the payments thing on staging once more")
        _ = try await h.say("alice", "confirm 2")
        let again = try await h.say("alice", "confirm 2")
        #expect(again.contains("was already confirmed; it is not asked for twice"), "\(again)")
        #expect(h.executor.executed.count == 1)

        h.propose("restart", ["app": "payments", "env": "staging"])
        _ = try await h.say("alice", "kick the payments thing on staging a third time")
        h.clock.advance(301)
        let expired = try await h.say("alice", "yes")
        #expect(expired.contains("was not confirmed in time, so nothing was done"), "\(expired)")
        #expect(h.executor.executed.count == 1)
        await h.stop()
    }

    @Test("a yes answers only its author's question in the same conversation")
    func yesInAnotherConversation() async throws {
        let h = try await ModelHarness.start()
        h.propose("restart", ["app": "payments", "env": "staging"])
        _ = try await h.say("alice", "kick the payments thing on staging", channel: "ops")
        _ = try await h.say("alice", "yes", channel: "elsewhere")
        #expect(h.executor.executed.isEmpty)
        _ = try await h.say("bob", "yes", channel: "ops")
        #expect(h.executor.executed.isEmpty)
        await h.stop()
    }

    @Test("when the model fails, the bot says so once and goes on with the rules")
    func modelDown() async throws {
        let h = try await ModelHarness.start(respond: { _ in
            .json(#"{"error":{"code":503,"message":"The model is overloaded. Please try again later.","status":"UNAVAILABLE"}}"#, status: 503)
        })
        let first = try await h.say("alice", "anything odd going on with the flower model over in production")
        #expect(first.contains("the language model is unavailable"), "\(first)")
        let second = try await h.say("alice", "anything odd going on with the payments thing")
        #expect(!second.contains("language model"), "said once: \(second)")
        #expect(second.contains("I didn't understand that"))
        let ruled = try await h.say("alice", "status of iris in prod")
        #expect(h.executor.executed.map(\.intent) == [.status], "\(ruled)")
        await h.stop()
    }
}
