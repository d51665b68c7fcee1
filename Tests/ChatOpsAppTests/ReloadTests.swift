import ChatOpsApp
import ChatOpsCore
import ChatOpsTestSupport
import Foundation
import RequestStore
import Testing

/// `ChatOpsApp.reload` (what SIGHUP calls): new rules and configuration in force for the next
/// message; a set that does not load leaves the running one in force, and says why.
@Suite("reloading the configuration and rules")
struct ReloadTests {
    static let extraRule = """
        priority: 10
        rules:
          - id: help.cache-words
            intent: help
            patterns:
              - 'zap the cache'
            examples:
              - text: zap the cache
                slots: {}
        """

    func ask(_ app: ChatOpsApp, _ text: String, n: Int) async throws -> String {
        let sink = RecordingSink()
        let message = IncomingMessage(platformUser: "console:alice", origin: MessageOrigin(platform: "console", channel: "test"),
                                      deliveryID: "reload-\(n)", text: text, isAddressedByPlatform: true)
        _ = try await app.bot.handle(message, sink: sink)
        return await sink.texts.joined(separator: "\n")
    }

    @Test("a rule added on disk is in force after a reload; a broken configuration is refused and the previous set stays")
    func reloads() async throws {
        let folder = try TemporaryDirectory()
        let rules = folder.url.appendingPathComponent("rules")
        try FileManager.default.copyItem(at: URL(fileURLWithPath: RepositoryPaths.rules), to: rules)
        let example = try String(contentsOfFile: RepositoryPaths.exampleConfig, encoding: .utf8)
        let config = try folder.write("chatops.yaml", example)
        let log = CapturedLog()
        let options = AppOptions(configPath: config, rulesPath: rules.path, promptsPath: RepositoryPaths.prompts,
                                 store: try SQLiteApprovalStore.inMemory(), environment: [:], logger: log.logger)
        let app = try await ChatOpsApp.load(options)
        defer { Task { await app.shutdown() } }
        let before = try await ask(app, "zap the cache", n: 3)
        let help = try await ask(app, "help", n: 1)
        #expect(before != help, "no rule reads it yet: \(before)")

        try Self.extraRule.write(to: rules.appendingPathComponent("zz-extra.yaml"), atomically: true, encoding: .utf8)
        #expect(await app.reload(options))
        let after = try await ask(app, "zap the cache", n: 4)
        #expect(after == help, "understood as help now: \(after)")
        #expect(app.reloads.notes.first?.hasPrefix("reloaded at ") == true)

        _ = try folder.write("chatops.yaml", example.replacingOccurrences(of: "bot:\n", with: "bot:\n  nmes: [x]\n"))
        #expect(await app.reload(options) == false)
        let refused = try #require(app.reloads.notes.first)
        #expect(refused.contains("refused, the previous configuration and rules stay in force") && refused.contains("nmes"), "\(refused)")
        #expect(log.lines.contains { $0.contains("reload refused") && $0.contains("nmes") })
        let still = try await ask(app, "zap the cache", n: 6)
        #expect(still == help, "the previous set answers")

        try FileManager.default.removeItem(at: rules.appendingPathComponent("zz-extra.yaml"))
        try "rules: [".write(to: rules.appendingPathComponent("zz-broken.yaml"), atomically: true, encoding: .utf8)
        _ = try folder.write("chatops.yaml", example)
        #expect(await app.reload(options) == false, "a rule file that does not parse")
        let stillAfter = try await ask(app, "zap the cache", n: 7)
        #expect(stillAfter == help)
    }
}
