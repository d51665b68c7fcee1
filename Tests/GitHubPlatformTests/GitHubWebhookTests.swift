import Approvals
import ChatOpsCore
import ChatOpsTestSupport
import Foundation
import RequestStore
import Testing

@Suite("GitHub comments end to end: webhook in, REST calls out", .serialized)
struct GitHubWebhookTests {
    @Test("a prod deploy asked in a comment, approved by another user's comment, runs once; the thread shows it all")
    func prodDeployApprovedInComments() async throws {
        let server = try await GitHubTestServer.start()
        defer { Task { await server.stop() } }

        let ask = try server.payload(body: "Ship it:\n/deploy iris-classifier v2.3 to prod", login: "alice",
                                     commentID: 492_700_400)
        #expect(try await server.deliver(ask) == 202)
        let afterAsk = try await server.waitForCalls(2)
        #expect(afterAsk[0].method == "POST")
        #expect(afterAsk[0].path == "/repos/Codertocat/Hello-World/issues/comments/492700400/reactions")
        #expect(afterAsk[0].json?["content"] as? String == "eyes")
        #expect(afterAsk[0].header("Authorization") == "Bearer ghp_testtoken")
        #expect(afterAsk[0].header("Accept") == "application/vnd.github+json")
        #expect(afterAsk[1].path == "/repos/Codertocat/Hello-World/issues/1/comments")
        let prompt = try #require(server.postedComments.first)
        #expect(prompt.hasPrefix("> /deploy iris-classifier v2.3 to prod\n\n⚠️ Request #1: deploy iris-classifier v2.3 to prod needs 1 approval"))
        #expect(prompt.contains("Reply `/approve 1` or `/deny 1 REASON` in a comment."))
        #expect(prompt.hasSuffix("<!-- chatops -->"))
        #expect(server.deployer.executed.isEmpty)

        let approve = try server.payload(body: "/approve 1", login: "bob")
        #expect(try await server.deliver(approve) == 202)
        // reaction, approval reply, prompt edit, "running", progress, result
        let all = try await server.waitForCalls(8)
        let edit = try #require(all.first { $0.method == "PATCH" })
        // The prompt comment (the fake numbers comments by body size) is edited: no more instructions, who approved.
        #expect(edit.path.hasPrefix("/repos/Codertocat/Hello-World/issues/comments/"))
        let edited = try #require(edit.json?["body"] as? String)
        #expect(edited.contains("Approved by bob."))
        #expect(!edited.contains("/approve 1"))
        let comments = server.postedComments
        #expect(comments.contains { $0.hasPrefix("> /approve 1\n\n✅ Request #1 (deploy iris-classifier v2.3 to prod) approved by bob.") })
        #expect(comments.contains { $0.contains("Request #1 succeeded: done") })
        #expect(server.deployer.executed.count == 1)
        #expect(try await server.store.request(id: 1)?.state == .succeeded)
    }

    @Test("the requester cannot approve their own prod deploy from a comment")
    func noSelfApproval() async throws {
        let server = try await GitHubTestServer.start()
        defer { Task { await server.stop() } }
        _ = try await server.deliver(try server.payload(body: "/deploy iris-classifier v2.3 to prod", login: "alice"))
        _ = try await server.waitForCalls(2)
        _ = try await server.deliver(try server.payload(body: "/approve 1", login: "alice"))
        _ = try await server.waitForCalls(4)
        #expect(server.postedComments.last?.contains("You cannot approve request #1") == true)
        #expect(server.deployer.executed.isEmpty)
    }

    @Test("a redelivered webhook (same X-GitHub-Delivery) does not act twice")
    func redeliveryActsOnce() async throws {
        let server = try await GitHubTestServer.start()
        defer { Task { await server.stop() } }
        let ask = try server.payload(body: "/deploy iris-classifier v2.3 to prod", login: "alice")
        _ = try await server.deliver(ask, delivery: "72d3162e-cc78-11e3-81ab-4c9367dc0958")
        _ = try await server.waitForCalls(2)
        _ = try await server.deliver(ask, delivery: "72d3162e-cc78-11e3-81ab-4c9367dc0958")
        try await Task.sleep(for: .milliseconds(300))
        #expect(try await server.store.requests(states: nil, limit: 10).count == 1)
        #expect(server.postedComments.count == 1)
    }

    @Test("edits, bots, the bot's own comments, outsiders and plain prose are ignored with no call made", arguments: [
        ("edited", "MEMBER", "User", "/deploy iris-classifier v2.3 to prod"),
        ("created", "MEMBER", "Bot", "/deploy iris-classifier v2.3 to prod"),
        ("created", "MEMBER", "User", "/status of iris-classifier in prod\n\n<!-- chatops -->"),
        ("created", "NONE", "User", "/deploy iris-classifier v2.3 to prod"),
        ("created", "FIRST_TIME_CONTRIBUTOR", "User", "/deploy iris-classifier v2.3 to prod"),
        ("created", "OWNER", "User", "I'd deploy iris-classifier v2.3 to prod tomorrow"),
    ])
    func ignored(action: String, association: String, userType: String, body: String) async throws {
        let server = try await GitHubTestServer.start()
        defer { Task { await server.stop() } }
        let payload = try server.payload(body: body, login: "alice", action: action, association: association,
                                         userType: userType)
        #expect(try await server.deliver(payload) == 202)
        try await Task.sleep(for: .milliseconds(200))
        #expect(server.calls.isEmpty)
        #expect(try await server.store.requests(states: nil, limit: 10).isEmpty)
    }

    @Test("tampered, unsigned, wrongly signed and oversized deliveries are refused before anything reads them")
    func refusedDeliveries() async throws {
        let server = try await GitHubTestServer.start()
        defer { Task { await server.stop() } }
        let payload = try server.payload(body: "/deploy iris-classifier v2.3 to prod", login: "alice")
        var tampered = payload
        tampered[tampered.count / 2] ^= 0x01
        #expect(try await server.deliver(tampered, signature: .some(GitHubTestServer.signature(payload))) == 401)
        #expect(try await server.deliver(payload, signature: .some(nil)) == 401)
        #expect(try await server.deliver(payload, signature: .some(GitHubTestServer.signature(payload, secret: "wrong"))) == 401)
        #expect(try await server.deliver(payload, signature: .some("sha1=7d38cdd689735b008b3c702edd92eea23791c5f6")) == 401)
        let huge = Array(repeating: UInt8(ascii: " "), count: 600 * 1024) + payload
        #expect(try await server.deliver(huge) == 413)
        try await Task.sleep(for: .milliseconds(200))
        #expect(server.calls.isEmpty)
        #expect(try await server.store.requests(states: nil, limit: 10).isEmpty)
    }

    @Test("ping is answered; other events are acknowledged and ignored")
    func pingAndOtherEvents() async throws {
        let server = try await GitHubTestServer.start()
        defer { Task { await server.stop() } }
        let ping = Array(#"{"zen":"Keep it logically awesome.","hook_id":1}"#.utf8)
        #expect(try await server.deliver(ping, event: "ping") == 200)
        #expect(try await server.deliver(ping, event: "issues") == 202)
        #expect(server.calls.isEmpty)
    }

    @Test("a 429 with Retry-After is waited out and the comment still goes in")
    func rateLimitedThenPosted() async throws {
        let attempts = AttemptCounter()
        let server = try await GitHubTestServer.start { request in
            if request.method == "POST", request.path.hasSuffix("/issues/1/comments"), attempts.next() == 1 {
                return .json(#"{"message":"API rate limit exceeded"}"#, status: 429, headers: ["Retry-After": "1"])
            }
            return await GitHubTestServer.githubAnswers(request)
        }
        defer { Task { await server.stop() } }
        _ = try await server.deliver(try server.payload(body: "@chatops help", login: "carol"))
        let requests = try await server.waitForCalls(3)
        let posts = requests.filter { $0.path.hasSuffix("/issues/1/comments") }
        #expect(posts.count == 2)
        #expect(posts[0].body == posts[1].body)
        #expect(server.postedComments.last?.hasPrefix("> /help") == true)
    }
}
