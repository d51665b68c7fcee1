import ChatOpsTestSupport
@testable import DiscordPlatform
import Foundation
import Testing
import Understanding

/// Slash commands become the text the rules read; the shipped commands file agrees with the rules.
@Suite("Discord command text")
struct DiscordCommandTextTests {
    static func data(_ name: String, _ options: [(String, String)]) throws -> DiscordInteraction.CommandData {
        let object: [String: Any] = ["name": name, "type": 1,
                                     "options": options.map { ["type": 3, "name": $0.0, "value": $0.1] }]
        return try JSONDecoder().decode(DiscordInteraction.CommandData.self, from: JSONSerialization.data(withJSONObject: object))
    }

    @Test func theChatopsCommandIsItsTextOption() throws {
        #expect(DiscordCommandText.text(for: try Self.data("chatops", [("text", "  deploy v2.3 to staging ")])) == "deploy v2.3 to staging")
        #expect(DiscordCommandText.text(for: try Self.data("chatops", [])) == nil)
    }

    @Test func aPerIntentCommandPutsItsOptionsInPositionalOrder() throws {
        // Discord sends options in the order the user filled them in.
        let data = try Self.data("deploy", [("env", "prod"), ("version", "v2.3"), ("app", "iris")])
        #expect(DiscordCommandText.text(for: data) == "deploy iris v2.3 prod")
        let scale = try Self.data("scale", [("replicas", "3"), ("env", "staging"), ("app", "iris")])
        #expect(DiscordCommandText.text(for: scale) == "scale iris staging 3")
    }

    @Test func integerOptionsAndTheCapturedPayloadDecode() throws {
        let body = try Interactions.command(name: "approve", options: [("request", 42)])
        let interaction = try JSONDecoder().decode(DiscordInteraction.self, from: body)
        #expect(interaction.kind == .applicationCommand)
        #expect(interaction.actor?.id == TestUsers.alice)
        #expect(interaction.member?.roles == ["539082325061836999"])
        #expect(DiscordCommandText.text(for: try #require(interaction.data)) == "approve 42")
    }

    /// Every command in `deploy/discord-commands.json`, filled with sample values (all options,
    /// and only the required ones), is understood as the intent it is named after.
    @Test func everyShippedCommandIsUnderstoodAsItsIntent() throws {
        let configuration = try DiscordHarness.configuration()
        let classifier = RuleClassifier(rules: TestBot.rules, configuration: configuration)
        let file = RepositoryPaths.root.appendingPathComponent("deploy/discord-commands.json")
        let commands = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [[String: Any]])
        let samples = ["app": "iris", "version": "v2.3", "env": "staging", "replicas": "3", "request": "42",
                       "reason": "untested", "to": "v2.2", "topic": "deploy", "run": "9120034", "model": "iris",
                       "features": "5.1 3.5 1.4 0.2", "text": "status of iris in prod"]
        #expect(commands.count >= 15)
        for command in commands {
            let name = try #require(command["name"] as? String)
            let options = command["options"] as? [[String: Any]] ?? []
            for onlyRequired in [false, true] {
                let chosen = options.filter { !onlyRequired || ($0["required"] as? Bool ?? false) }
                let filled = try chosen.map { option -> (String, String) in
                    let optionName = try #require(option["name"] as? String)
                    return (optionName, try #require(samples[optionName], "no sample value for \(name).\(optionName)"))
                }
                let text = try #require(DiscordCommandText.text(for: try Self.data(name, filled.reversed())))
                let expected = name == "chatops" ? "status" : name
                guard case .understood(let parsed) = classifier.classify(text, context: MessageContext(isAddressedByPlatform: true)) else {
                    Issue.record("/\(name) as \"\(text)\" is not understood")
                    continue
                }
                #expect(parsed.intent.rawValue == expected, "/\(name) as \"\(text)\"")
            }
        }
    }
}
