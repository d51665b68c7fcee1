@testable import DiscordPlatform
import Foundation
import ReplyModel
import Testing

/// The renderer against committed golden files, and Discord's limits on long output.
@Suite("Discord renderer")
struct DiscordRendererTests {
    static func json(_ message: DiscordMessage) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(message), as: UTF8.self) + "\n"
    }

    static let prompt = Reply(.warning, [
        .text("Request #42: deploy iris-classifier v2.3 to prod needs 1 approval from prod-approvers."),
        .fields([ReplyField("Requested by", "alice"), ReplyField("Environment", "prod"), ReplyField("App", "iris-classifier")]),
        .text("• will sync Argo CD application iris-classifier-prod to v2.3"),
        .text("It expires in 1h if nobody approves."),
        .buttons([
            ReplyButton(label: "Approve", action: ReplyAction(kind: .approve, requestID: 42), style: .primary),
            ReplyButton(label: "Deny", action: ReplyAction(kind: .deny, requestID: 42), style: .danger),
        ]),
    ])

    static let goldens: [(String, Reply)] = [
        ("plain-text", .text("Request #7 (status of iris-classifier in prod) is already succeeded; there is nothing to decide.")),
        ("approval-prompt", prompt),
        ("approval-decided", Reply(.success, prompt.withoutButtons.blocks + [.text("Approved by bob.")])),
        ("table-and-link", Reply(.failure, [
            .text("2 of 3 pods of iris-classifier in prod are not ready."),
            .table(headers: ["POD", "STATUS", "RESTARTS"], rows: [
                ["iris-classifier-7d9f-abcde", "Running", "0"],
                ["iris-classifier-7d9f-fghij", "CrashLoopBackOff", "12"],
                ["iris-classifier-7d9f-klmno", "Pending", "0"],
            ]),
            .link(title: "Argo CD application", url: "https://argocd.example.com/applications/iris-classifier-prod"),
        ])),
        ("markdown-escaped", .text("Branch *feature_x* ~~old~~ || spoiler || [link](http://x) `keep *this*` @everyone")),
        ("log-with-fence", Reply(.info, [.text("Last lines of the log:"), .code("starting\n```\nnot a fence\nready")])),
    ]

    /// Sorted keys, no whitespace: the same JSON gives the same text whatever the pretty-printer did.
    static func canonical(_ data: Data) throws -> String {
        let object = try JSONSerialization.jsonObject(with: data)
        return String(decoding: try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]),
                      as: UTF8.self)
    }

    @Test(arguments: goldens.map(\.0))
    func rendersAsTheGoldenFile(name: String) throws {
        let reply = try #require(Self.goldens.first { $0.0 == name }?.1)
        let expected = try Self.canonical(try Fixtures.data("golden/\(name).json"))
        let actual = try Self.json(DiscordRenderer.render(reply))
        #expect(try Self.canonical(Data(actual.utf8)) == expected, "golden/\(name).json differs; actual:\n\(actual)")
    }

    /// Discord's limits, checked on whatever the renderer made.
    static func expectWithinLimits(_ message: DiscordMessage, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(message.content.utf16.count <= DiscordLimits.content, sourceLocation: sourceLocation)
        #expect(message.embeds.count <= 1, sourceLocation: sourceLocation)
        for embed in message.embeds {
            let description = embed.description ?? ""
            #expect(description.utf16.count <= DiscordLimits.embedDescription, sourceLocation: sourceLocation)
            #expect(embed.fields.count <= DiscordLimits.embedFields, sourceLocation: sourceLocation)
            var total = description.utf16.count
            for field in embed.fields {
                #expect(!field.name.isEmpty && field.name.utf16.count <= DiscordLimits.fieldName, sourceLocation: sourceLocation)
                #expect(!field.value.isEmpty && field.value.utf16.count <= DiscordLimits.fieldValue, sourceLocation: sourceLocation)
                total += field.name.utf16.count + field.value.utf16.count
            }
            #expect(total <= DiscordLimits.embedTotal, sourceLocation: sourceLocation)
            // Fences always pair up: a cut never leaves a code block open.
            #expect(description.components(separatedBy: "```").count % 2 == 1, sourceLocation: sourceLocation)
        }
        #expect(message.components.count <= DiscordLimits.rows, sourceLocation: sourceLocation)
        #expect(message.components.allSatisfy { $0.components.count <= DiscordLimits.buttonsPerRow }, sourceLocation: sourceLocation)
    }

    @Test func aFiveThousandLineLogKeepsItsLastLinesInsideItsFenceWithANote() throws {
        let log = (1...5000).map { "line \($0): step \($0) finished in \($0 % 97) ms" }.joined(separator: "\n")
        let message = DiscordRenderer.render(Reply(.failure, [.text("The job failed:"), .code(log)]))
        Self.expectWithinLimits(message)
        let description = try #require(message.embeds.first?.description)
        #expect(description.hasPrefix("The job failed:\n```\n"))
        #expect(description.contains("line 5000: step 5000 finished in 53 ms\n```"))
        #expect(!description.contains("line 1: "))
        #expect(description.hasSuffix("lines were cut)"))
        #expect(description.utf16.count > 3500, "the room is used, not wasted")
    }

    @Test func aHugeTextIsCutAtAWholeCharacterWithANote() throws {
        let huge = String(repeating: "👩‍👩‍👧‍👦 deploy é ", count: 1500)
        let message = DiscordRenderer.render(.text(huge))
        Self.expectWithinLimits(message)
        #expect(message.content.isEmpty, "too long for content: it goes to the embed")
        let description = try #require(message.embeds.first?.description)
        #expect(description.hasSuffix("characters cut)"))
        let kept = try #require(description.components(separatedBy: "…").first)
        #expect(huge.hasPrefix(kept), "the kept start is whole characters of the original")
    }

    @Test func manyFieldsAndButtonsStayWithinTheLimitsAndSaySoWhenCut() throws {
        let fields = (1...40).map { ReplyField("field \($0)", String(repeating: "v", count: 30)) }
        let buttons = (1...7).map { ReplyButton(label: "Approve \($0)", action: ReplyAction(kind: .approve, requestID: Int64($0)), style: .primary) }
        let message = DiscordRenderer.render(Reply(.info, [.fields(fields), .buttons(buttons)]))
        Self.expectWithinLimits(message)
        let embed = try #require(message.embeds.first)
        #expect(embed.fields.count == 25)
        #expect(embed.description == "(15 more fields not shown)")
        #expect(message.components.map(\.components.count) == [5, 2])
        #expect(message.components.first?.components.first?.customID == "chatops:approve:1")
    }

    @Test func buttonsAloneAreNeverAnEmptyEmbed() {
        let reply = Reply(.warning, [.buttons(Array(Self.prompt.buttons))])
        let message = DiscordRenderer.render(reply)
        #expect(message.embeds.isEmpty)
        #expect(message.content == "Reply `approve 42` or `deny 42 REASON`.")
        #expect(message.components.first?.components.count == 2)
    }

    @Test func severityPicksTheColour() {
        let colours = Severity.allCases.map { DiscordRenderer.render(Reply($0, [.fields([ReplyField("a", "b")])])).embeds.first?.color }
        #expect(colours == [0x3498DB, 0x2ECC71, 0xF1C40F, 0xE74C3C])
    }
}
