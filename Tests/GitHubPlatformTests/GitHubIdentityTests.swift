import Approvals
import ChatOpsCore
import ChatOpsTestSupport
import Foundation
import RequestStore
import Testing

/// The configuration names `alice: [console:alice, github:alice]` and `bob: [console:bob, github:bob]`;
/// GitHub knows alice as user 1001 and bob as 1002 (`GitHubTestServer.userIDs`).
@Suite("GitHub people are user ids, pinned from the configured logins", .serialized)
struct GitHubIdentityTests {
    @Test("at start-up each configured login is resolved once with GET /users/{login} and pinned")
    func loginsPinnedAtStart() async throws {
        let server = try await GitHubTestServer.start()
        defer { Task { await server.stop() } }
        let lookups = server.api.requests.filter { $0.method == "GET" && $0.path.hasPrefix("/users/") }
        #expect(lookups.map(\.path).sorted() == ["/users/alice", "/users/bob"])
        #expect(lookups.allSatisfy { $0.header("Authorization") == "Bearer ghp_testtoken" })
        #expect(try await server.store.pinnedGitHubUser(login: "alice") == 1_001)
        #expect(try await server.store.pinnedGitHubUser(login: "bob") == 1_002)
    }

    @Test("someone who takes a configured login (same login, another id) is a stranger: cannot deploy or approve")
    func sameLoginOtherID() async throws {
        let server = try await GitHubTestServer.start()
        defer { Task { await server.stop() } }
        _ = try await server.deliver(try server.payload(body: "/deploy iris-classifier v2.3 to prod", login: "alice"))
        _ = try await server.waitForCalls(2)
        #expect(try await server.store.request(id: 1)?.state == .awaitingApproval)

        _ = try await server.deliver(try server.payload(body: "/approve 1", login: "bob", userID: 6_666))
        _ = try await server.waitForCalls(4)
        _ = try await server.deliver(try server.payload(body: "/deploy iris-classifier v2.3 to staging", login: "alice",
                                                        userID: 7_777))
        _ = try await server.waitForCalls(6)
        try await Task.sleep(for: .milliseconds(200))
        let comments = server.postedComments
        #expect(comments[1].hasPrefix("> /approve 1\n\n"))
        #expect(!comments[1].contains("approved by"))
        #expect(comments[2].hasPrefix("> /deploy iris-classifier v2.3 to staging\n\n"))
        #expect(server.deployer.executed.isEmpty)
        #expect(try await server.store.request(id: 1)?.state == .awaitingApproval)

        // The real bob, by id, still approves.
        _ = try await server.deliver(try server.payload(body: "/approve 1", login: "bob"))
        try await waitUntil { server.deployer.executed.count == 1 }
    }

    @Test("a pinned login survives a rename: GitHub now gives the login to another id, the pinned id still wins")
    func pinSurvivesRename() async throws {
        let store = try SQLiteApprovalStore.inMemory()
        let first = try await GitHubTestServer.start(store: store)
        await first.stop()
        // alice renamed her account to alice-new; someone else registered "alice" as user 6666.
        let server = try await GitHubTestServer.start(store: store) { request in
            if request.path == "/users/alice" { return GitHubTestServer.user(login: "alice", id: 6_666) }
            return await GitHubTestServer.githubAnswers(request)
        }
        defer { Task { await server.stop() } }
        #expect(!server.api.requests.contains { $0.path.hasPrefix("/users/") })
        #expect(try await store.pinnedGitHubUser(login: "alice") == 1_001)

        _ = try await server.deliver(try server.payload(body: "/deploy iris-classifier v2.3 to staging", login: "alice",
                                                        userID: 6_666))
        _ = try await server.waitForCalls(2)
        try await Task.sleep(for: .milliseconds(200))
        #expect(server.deployer.executed.isEmpty)
        _ = try await server.deliver(try server.payload(body: "/deploy iris-classifier v2.3 to staging", login: "alice-new",
                                                        userID: 1_001))
        try await waitUntil { server.deployer.executed.count == 1 }
        #expect(try await server.store.requests(states: nil, limit: 10).first?.requester == "alice")
    }

    @Test("a login GitHub cannot resolve is logged, never guessed: that person cannot act from GitHub")
    func unresolvedLogin() async throws {
        let log = CapturedLog()
        let server = try await GitHubTestServer.start(logger: log.logger) { request in
            if request.path == "/users/bob" { return GitHubTestServer.userNotFound }
            return await GitHubTestServer.githubAnswers(request)
        }
        defer { Task { await server.stop() } }
        #expect(log.lines.contains { $0.contains("GitHub login not pinned to a user id") && $0.contains("login=bob") })
        #expect(try await server.store.pinnedGitHubUser(login: "bob") == nil)

        _ = try await server.deliver(try server.payload(body: "/deploy iris-classifier v2.3 to prod", login: "alice"))
        _ = try await server.waitForCalls(2)
        _ = try await server.deliver(try server.payload(body: "/approve 1", login: "bob"))
        _ = try await server.waitForCalls(4)
        try await Task.sleep(for: .milliseconds(200))
        #expect(server.deployer.executed.isEmpty)
        #expect(try await server.store.request(id: 1)?.state == .awaitingApproval)
    }
}
