import Foundation
import ReplyModel
import SlackPlatform
import Testing

/// Block Kit output compared with committed golden files, and Slack's limits on long output.
@Suite("Slack: Block Kit rendering")
struct SlackRendererTests {
    static func json(_ message: SlackMessage) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(message), as: UTF8.self)
    }

    /// Compares with `Fixtures/golden/NAME.json`; on a difference the actual output is written to
    /// the temporary folder for review (the golden file itself is never written).
    static func expectGolden(_ name: String, _ reply: Reply, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let actual = try json(SlackRenderer.render(reply))
        let golden = try? Fixture.text("golden/\(name).json")
        if actual != golden {
            let out = FileManager.default.temporaryDirectory.appendingPathComponent("slack-golden-\(name).json")
            try Data((actual + "\n").utf8).write(to: out)
            Issue.record("\(name) differs from its golden file; actual output: \(out.path)", sourceLocation: sourceLocation)
        }
    }

    static let approve = ReplyAction(kind: .approve, requestID: 42)
    static let deny = ReplyAction(kind: .deny, requestID: 42)

    static let prompt = Reply(.warning, [
        .text("Request #42: deploy iris-classifier v2.3 to prod needs 1 approval from prod-approvers."),
        .fields([ReplyField("Requested by", "alice"), ReplyField("Environment", "prod"), ReplyField("App", "iris-classifier")]),
        .text("• will sync Argo CD application iris-classifier-prod to v2.3"),
        .text("It expires in 1h if nobody approves."),
        .buttons([ReplyButton(label: "Approve", action: approve, style: .primary),
                  ReplyButton(label: "Deny", action: deny, style: .danger)]),
    ])

    @Test func anApprovalPromptHasFieldsAndStyledButtonsCarryingTheIdentifier() throws {
        try Self.expectGolden("approval-prompt", Self.prompt)
    }

    @Test func aDecidedPromptHasNoButtonsAndSaysWhoDecided() throws {
        var decided = Self.prompt.withoutButtons
        decided.severity = .success
        decided.blocks.removeLast()
        decided.blocks.append(.text("Approved by bob."))
        try Self.expectGolden("decided-prompt", decided)
    }

    @Test func controlCharactersAreEscapedAndLinksTablesAndCodeUseSlackSyntax() throws {
        let reply = Reply(.failure, [
            .text("Sync failed: <html> & \"quotes\" > `kubectl get pods` *stays* as typed"),
            .link(title: "Run #9120034 <logs>", url: "https://ci.example.com/runs/9120034?tab=logs&a=1|2"),
            .table(headers: ["POD", "STATUS", "RESTARTS"],
                   rows: [["iris-7d9f", "CrashLoopBackOff", "12"], ["iris-8a1c", "Running", "0"]]),
            .code("Traceback (most recent call last):\n  File \"serve.py\", line 3, in <module>\nValueError: shape (2,5) > (2,4) && ```"),
        ])
        try Self.expectGolden("escaping-link-table-code", reply)
    }

    @Test func aReplyThatDoesNotStartWithTextShowsItsSeverityInAContextLine() throws {
        try Self.expectGolden("severity-context", Reply(.success, [.fields([ReplyField("Replicas", "3 → 5")])]))
    }

    @Test func aFiveThousandLineLogKeepsItsEndInsideOneClosedCodeBlockWithANote() throws {
        let log = (1...5000).map { "line \($0): <step> ok & ready" }.joined(separator: "\n")
        let message = SlackRenderer.render(Reply(.failure, [.text("Pipeline failed"), .code(log)]))
        let text = try #require(Self.sectionTexts(message).last)
        #expect(text.utf16.count <= SlackRenderer.sectionTextLimit)
        #expect(text.hasPrefix("```\n") && text.hasSuffix("\n```"))
        #expect(text.components(separatedBy: "```").count == 3)
        #expect(text.hasSuffix("line 5000: &lt;step&gt; ok &amp; ready\n```"))
        // Whole lines only: the first kept line is complete.
        #expect(text.dropFirst(4).hasPrefix("line "))
        let note = try #require(Self.contextTexts(message).last)
        #expect(note.contains("lines were cut"))
        #expect(message.text.utf16.count <= SlackRenderer.fallbackTextLimit)
    }

    @Test func hugeTextIsCutWithinTheLimitOnACharacterBoundaryWithANote() throws {
        let huge = String(repeating: "déploiement 🚀 <ok> & ", count: 2000)
        let message = SlackRenderer.render(.text(huge, severity: .warning))
        let text = try #require(Self.sectionTexts(message).first)
        #expect(text.utf16.count <= SlackRenderer.sectionTextLimit)
        #expect(text.hasPrefix(":warning: déploiement 🚀 &lt;ok&gt; &amp; "))
        #expect(text.hasSuffix("more characters cut)"))
        // No entity cut in half, no lone surrogate.
        #expect(!text.contains("&lt") || text.components(separatedBy: "&lt;").count == text.components(separatedBy: "&lt").count)
        #expect(String(decoding: Array(text.utf8), as: UTF8.self) == text)
        #expect(message.text.utf16.count <= SlackRenderer.fallbackTextLimit)
    }

    @Test func fieldsGoTenToASectionAndLongValuesAreCut() throws {
        let fields = (1...12).map { ReplyField("Field \($0)", $0 == 12 ? String(repeating: "x", count: 5000) : "value \($0)") }
        let message = SlackRenderer.render(Reply(.info, [.fields(fields)]))
        let counts = try message.blocks.map { try Self.object($0)["fields"] as? [[String: Any]] }.map { $0?.count }
        #expect(counts == [10, 2])
        let last = try #require(try Self.object(message.blocks[1])["fields"] as? [[String: Any]]).last?["text"] as? String
        #expect((last?.utf16.count ?? .max) <= SlackRenderer.fieldTextLimit)
        #expect(last?.hasPrefix("*Field 12*\nxxx") == true)
    }

    @Test func aMessageKeepsFiftyBlocksAndItsButtons() throws {
        let blocks = (1...70).map { ReplyBlock.text("part \($0)") } + [.buttons([ReplyButton(label: "Approve", action: Self.approve, style: .primary)])]
        let message = SlackRenderer.render(Reply(.info, blocks))
        #expect(message.blocks.count == SlackRenderer.maxBlocks)
        #expect(try Self.object(message.blocks.last!)["type"] as? String == "actions")
        #expect(Self.contextTexts(message).last?.contains("22 more parts") == true)
    }

    static func object(_ block: SlackBlock) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: JSONEncoder().encode(block)) as? [String: Any])
    }

    static func sectionTexts(_ message: SlackMessage) -> [String] {
        message.blocks.compactMap { block in
            guard let object = try? object(block), object["type"] as? String == "section" else { return nil }
            return (object["text"] as? [String: Any])?["text"] as? String
        }
    }

    static func contextTexts(_ message: SlackMessage) -> [String] {
        message.blocks.compactMap { block in
            guard let object = try? object(block), object["type"] as? String == "context" else { return nil }
            return ((object["elements"] as? [[String: Any]])?.first)?["text"] as? String
        }
    }
}
