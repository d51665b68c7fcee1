import Foundation
import GitHubPlatform
import ReplyModel
import Testing

/// Replies every platform renders; the goldens are the exact markdown GitHub gets.
enum SampleReplies {
    static let approvalPrompt = Reply(.warning, [
        .text("Request #42: deploy iris-classifier v2.3 to prod needs 1 approval from prod-approvers."),
        .fields([ReplyField("Requested by", "alice"), ReplyField("Environment", "prod"), ReplyField("App", "iris-classifier")]),
        .text("• will deploy iris-classifier v2.3 to prod"),
        .text("It expires in 1h if nobody approves."),
        .buttons([ReplyButton(label: "Approve", action: ReplyAction(kind: .approve, requestID: 42), style: .primary),
                  ReplyButton(label: "Deny", action: ReplyAction(kind: .deny, requestID: 42), style: .danger)]),
    ])

    static let podsAndLogs = Reply(.failure, [
        .text("iris-classifier in prod: 1 of 2 pods ready"),
        .table(headers: ["pod", "phase", "restarts", "last termination"],
               rows: [["iris-classifier-7d9f-abc12", "Running", "0", "—"],
                      ["iris-classifier-7d9f-def34", "CrashLoopBackOff", "7", "OOMKilled | exit 137"]]),
        .code("Traceback (most recent call last):\n  File \"serve.py\", line 3\n```injected```\nMemoryError"),
        .link(title: "Argo CD app", url: "https://argocd.example.com/applications/iris-prod"),
    ])

    static let hugeLog = Reply(.info, [.text("logs of iris-classifier-7d9f-def34"),
                                       .code((1...20_000).map { "2026-11-21T10:00:00Z line \($0) ünïcödé 🚀" }.joined(separator: "\n"))])
}

@Suite("GitHub markdown rendering (golden files)")
struct GitHubRendererTests {
    static let golden = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/golden")

    @Test("each reply renders exactly as its golden file", arguments: [
        ("approval-prompt", SampleReplies.approvalPrompt),
        ("approval-decided", SampleReplies.approvalPrompt.withoutButtons),
        ("pods-and-logs", SampleReplies.podsAndLogs),
    ])
    func golden(name: String, reply: Reply) throws {
        let expected = try String(contentsOf: Self.golden.appendingPathComponent("\(name).md"), encoding: .utf8)
        #expect(GitHubMarkdownRenderer.render(reply) + "\n" == expected)
    }

    @Test("a huge log fits a comment, keeps its last lines whole, and its fence closes")
    func hugeLog() {
        let markdown = GitHubMarkdownRenderer.render(SampleReplies.hugeLog)
        #expect(markdown.utf16.count <= GitHubMarkdownRenderer.limit)
        #expect(markdown.contains("line 20000 ünïcödé 🚀\n```\n_(the first "))
        #expect(markdown.components(separatedBy: "```").count == 3)
        let body = markdown.components(separatedBy: "```")[1]
        #expect(body.split(separator: "\n").allSatisfy { $0.hasPrefix("2026-11-21T10:00:00Z line ") && $0.hasSuffix("🚀") })
    }
}
