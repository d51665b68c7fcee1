import Approvals
import ChatOpsCore
import ChatOpsTestSupport
import Foundation
import RequestStore
import Testing

/// The language model's "Did you mean …?" on GitHub, through the signed webhook: a comment no rule
/// matches is answered with the `/confirm N` and `/cancel N` to write; only the author's answer
/// in the same issue counts, once.
@Suite("GitHub: a change the model inferred waits for its author's yes", .serialized)
struct GitHubModelConfirmationTests {
    @Test("bob's /confirm is refused; alice's `@chatops yes` in the issue runs it once; her /confirm after it does not")
    func confirmedInComments() async throws {
        let gemini = try await FakeGemini.start()
        let clock = TestClock(Date())
        let harness = try await PlatformHarness.start(.init(
            platforms: [.github], identities: GitHubTestServer.configuredLogins, environment: gemini.environment,
            fakeIntents: [.deploy, .restart], clock: clock, githubAPI: GitHubTestServer.githubAnswers))
        let server = GitHubTestServer(harness: harness, clock: clock)
        defer { Task { await server.stop(); await gemini.stop() } }

        gemini.propose("deploy", ["app": "iris classifier", "version": "v2.3", "env": "stage"])
        let text = "could you push two point three of the flower model out to stage"
        #expect(try await server.deliver(try server.payload(body: "@chatops \(text)", login: "alice")) == 202)
        await harness.settle()
        let question = try #require(server.postedComments.first)
        #expect(question.hasPrefix("> /\(text)\n\n"), "\(question)")
        #expect(question.contains("Did you mean: deploy iris-classifier v2.3 to staging?"), "\(question)")
        #expect(question.contains("Reply `/confirm 1` or `/cancel 1` in a comment."), "\(question)")
        let posted = try #require(server.calls.last { $0.method == "POST" && $0.path.hasSuffix("/comments") })
        #expect(posted.path == "/repos/Codertocat/Hello-World/issues/1/comments")
        #expect(server.deployer.executed.isEmpty)
        #expect(gemini.calls == 1)

        #expect(try await server.deliver(try server.payload(body: "/confirm 1", login: "bob")) == 202)
        await harness.settle()
        let refused = try #require(server.postedComments.last)
        #expect(refused.hasPrefix("> /confirm 1\n\n"), "\(refused)")
        #expect(refused.contains("Only the person who asked can confirm `deploy iris-classifier v2.3 to staging`"), "\(refused)")
        #expect(server.deployer.executed.isEmpty)
        #expect(try await server.store.confirmation(id: 1)?.state == .pending)

        #expect(try await server.deliver(try server.payload(body: "Sounds right.\n@chatops yes", login: "alice")) == 202)
        await harness.settle()
        #expect(server.deployer.executed.map(\.intent) == [.deploy])
        #expect(server.postedComments.contains { $0.contains("Request #1 succeeded") }, "\(server.postedComments)")
        let request = try #require(try await server.store.request(id: 1))
        #expect(request.requester == "alice")
        #expect(request.text == text)
        #expect(request.origin.channel == "Codertocat/Hello-World" && request.origin.thread == "1")

        let answered = server.postedComments.count
        #expect(try await server.deliver(try server.payload(body: "/confirm 1", login: "alice")) == 202)
        await harness.settle()
        let again = server.postedComments.dropFirst(answered)
        #expect(again.count == 1)
        #expect(again.first?.contains("was already confirmed; it is not asked for twice") == true, "\(Array(again))")
        #expect(server.deployer.executed.count == 1)
        #expect(gemini.calls == 1, "answers are commands, never questions for the model")
    }
}
