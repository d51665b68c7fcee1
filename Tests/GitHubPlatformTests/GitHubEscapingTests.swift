import ChatOpsTestSupport
import Foundation
@testable import GitHubPlatform
import ReplyModel
import Testing

/// Text from elsewhere (a Slack reason, a pod's event, the quoted command) must not mention,
/// link or inject HTML in a comment the bot posts. A zero-width space breaks each one.
@Suite("Escaping text in GitHub comments", .serialized)
struct GitHubEscapingTests {
    static let zwsp = "\u{200B}"
    static let attack = "cc @acme/security-team <img src=x> [click](https://evil)"
    static let inert = "cc @\(zwsp)acme/security-team <\(zwsp)img src=x> [click]\(zwsp)(https:\(zwsp)//evil)"

    @Test("mentions, links, autolinks, HTML and entities are broken; what they say still shows", arguments: [
        (attack, inert),
        ("ping @bob and @org/sre", "ping @\(zwsp)bob and @\(zwsp)org/sre"),
        ("mail a@b.example", "mail a@\(zwsp)b.example"),
        ("see www.evil.example or (WWW.evil.example)", "see www\(zwsp).evil.example or (WWW\(zwsp).evil.example)"),
        ("escaped http:\\/\\/evil and \\@bob", "escaped http:\(zwsp)\\/\\/evil and \\@\(zwsp)bob"),
        ("<https://evil> <!-- hidden --> &#64;bob", "<\(zwsp)https:\(zwsp)//evil> <\(zwsp)!-- hidden --> &\(zwsp)#64;bob"),
        ("[x][y] and [y]: https://evil", "[x]\(zwsp)[y]\(zwsp) and [y]\(zwsp): https:\(zwsp)//evil"),
        ("say `@chatops help` in a comment", "say `@\(zwsp)chatops help` in a comment"),
        ("deploy iris-classifier v2.3 to prod: 10:30 UTC, owww.x", "deploy iris-classifier v2.3 to prod: 10:30 UTC, owww.x"),
    ])
    func escaping(text: String, expected: String) {
        #expect(GitHubMarkdownEscaping.escape(text) == expected)
    }

    @Test("every text field is escaped: text, fields, table cells, link titles; the bot's own link stays a link")
    func everyField() {
        let reply = Reply(.info, [
            .text(Self.attack),
            .fields([ReplyField("Reason @a", Self.attack)]),
            .table(headers: ["pod @h"], rows: [[Self.attack]]),
            .link(title: "Argo CD @ops [x]", url: "https://argocd.example.com/applications/iris-prod"),
            .link(title: "not a link", url: "javascript:alert(1)"),
        ])
        let parts = GitHubMarkdownRenderer.render(reply).components(separatedBy: "\n\n")
        #expect(parts[0] == Self.inert)
        #expect(parts[1] == "**Reason @\(Self.zwsp)a:** \(Self.inert)")
        #expect(parts[2] == "| pod @\(Self.zwsp)h |\n| --- |\n| \(Self.inert) |")
        #expect(parts[3] == "[Argo CD @\(Self.zwsp)ops \\[x\\]\(Self.zwsp)](https://argocd.example.com/applications/iris-prod)")
        #expect(parts[4] == "not a link: javascript:alert(1)")
    }

    @Test("a deny reason naming a team and a URL, and a command full of markup, reach GitHub inert")
    func throughTheRoute() async throws {
        let server = try await GitHubTestServer.start()
        defer { Task { await server.stop() } }
        _ = try await server.deliver(try server.payload(body: "/deploy iris-classifier v2.3 to prod", login: "alice"))
        _ = try await server.waitForCalls(2)
        _ = try await server.deliver(try server.payload(body: "/deny 1 cc @acme/security-team see https://evil.example/x",
                                                        login: "bob"))
        // reaction, denial reply, prompt edit
        _ = try await server.waitForCalls(5)
        _ = try await server.deliver(try server.payload(body: "/deny 1 " + Self.attack, login: "bob"))
        _ = try await server.waitForCalls(7)
        try await Task.sleep(for: .milliseconds(200))

        let reason = "cc @\(Self.zwsp)acme/security-team see https:\(Self.zwsp)//evil.example/x"
        let comments = server.postedComments
        #expect(comments.contains { $0.contains("denied by bob: \(reason).") })
        let edit = try #require(server.calls.first { $0.method == "PATCH" }?.json?["body"] as? String)
        #expect(edit.contains("Denied by bob: \(reason)."))
        #expect(comments.last?.hasPrefix("> /deny 1 \(Self.inert)\n\n") == true)
        for body in comments + [edit] {
            #expect(!body.contains("@acme"))
            #expect(!body.contains("<img"))
            #expect(!body.contains("](https://"))
            #expect(!body.contains("https://evil"))
        }
    }
}
