import ChatOpsTestSupport
import Foundation
import Testing

/// Repositories carry other bots' slash commands; the bot answers only what is addressed to it.
@Suite("Which GitHub comment lines the bot answers", .serialized)
struct GitHubAddressingTests {
    @Test("/lgtm, /hold and /assign @x get no reaction, no comment and no request")
    func otherBotsCommands() async throws {
        let server = try await GitHubTestServer.start()
        defer { Task { await server.stop() } }
        let answer = try await server.deliverReading(try server.payload(body: "/lgtm\n/hold\n/assign @octocat", login: "alice"))
        #expect(answer.status == 202)
        #expect(answer.text == "ignored: no command in the comment\n")
        try await Task.sleep(for: .milliseconds(300))
        #expect(server.calls.isEmpty)
        #expect(try await server.store.requests(states: nil, limit: 10).isEmpty)
    }

    @Test("in a comment mixing them, only /deploy and @chatops status are answered")
    func oursAmongTheirs() async throws {
        let server = try await GitHubTestServer.start()
        defer { Task { await server.stop() } }
        let body = "/lgtm\n/deploy iris-classifier v2.3 to staging\n/hold\n@chatops status of iris-classifier in staging\n/assign @octocat"
        let answer = try await server.deliverReading(try server.payload(body: body, login: "alice"))
        #expect(answer.text == "accepted 2 command(s)\n")
        try await waitUntil { server.deployer.executed.count == 1 }
        try await waitUntil { server.postedComments.contains { $0.hasPrefix("> /status of iris-classifier in staging\n\n") } }
        try await Task.sleep(for: .milliseconds(200))
        let quoted = server.postedComments.compactMap { $0.split(separator: "\n").first.map(String.init) }
        #expect(Set(quoted) == ["> /deploy iris-classifier v2.3 to staging", "> /status of iris-classifier in staging"])
        #expect(server.calls.filter { $0.path.hasSuffix("/reactions") }.count == 1)
    }

    @Test("a known verb the bot cannot parse is still answered: the line was meant for it")
    func knownVerbNotUnderstood() async throws {
        let server = try await GitHubTestServer.start()
        defer { Task { await server.stop() } }
        _ = try await server.deliver(try server.payload(body: "/deploy", login: "alice"))
        let calls = try await server.waitForCalls(2)
        #expect(calls[1].path.hasSuffix("/issues/1/comments"))
    }
}
