import ChatOpsApp
import ChatOpsConfig
import ChatOpsTestSupport
import ChatServer
import Conversation
import Foundation
import Logging
import PlatformHTTP
@testable import SlackPlatform
import Testing

/// Reading Slack's payloads into what the bot is told, and the adapter's configuration.
@Suite("Slack: inbound payloads and configuration")
struct SlackInboundTests {
    @Test(arguments: [
        ("/chatops", "deploy iris v2.3 to prod", "deploy iris v2.3 to prod"),
        ("/deploy", "iris v2.3 staging", "deploy iris v2.3 staging"),
        ("/rollback", "iris in prod", "rollback iris in prod"),
        ("/status", "", "status"),
        ("/chatops", "  help  ", "help"),
        ("/deploy", "iris &lt;v2&gt; &amp;", "deploy iris <v2> &"),
    ])
    func slashCommandText(command: String, text: String, expected: String) throws {
        let parsed = try SlackSlashCommand(form: ["command": command, "text": text, "user_id": "W111", "channel_id": "C111",
                                                  "trigger_id": "1.2.3"])
        #expect(parsed.commandText == expected)
    }

    @Test func theCapturedSlashCommandReadsAsSlackSentIt() throws {
        let parsed = try SlackSlashCommand(body: Array(try Fixture.text("slash-command.bolt-python.form-body.txt").utf8))
        #expect(parsed.command == "/hello-world")
        #expect(parsed.commandText == "hello-world Hi")
        #expect(parsed.userID == "W111")
        #expect(parsed.channelID == "C111")
        #expect(parsed.triggerID == "111.111.xxx")
    }

    @Test func aSlashCommandWithAnOddUserIdIsRefused() {
        #expect(throws: SlackInboundError.malformedField("user_id", "W1>x")) {
            try SlackSlashCommand(form: ["command": "/deploy", "user_id": "W1>x", "channel_id": "C1", "trigger_id": "t"])
        }
    }

    @Test(arguments: [
        ("<@W111> deploy v2.3 to prod", "deploy v2.3 to prod"),
        ("<@W111|chatops> help", "help"),
        ("hey <@W111>   status of iris", "hey status of iris"),
        ("<@W999> deploy v2.3 to prod", "<@W999> deploy v2.3 to prod"),
        ("<@W111> deploy &lt;x&gt; &amp;lt;", "deploy <x> &lt;"),
    ])
    func theBotsMentionIsStripped(text: String, expected: String) {
        #expect(SlackEventEnvelope.text(text, withoutMentionOf: "W111") == expected)
    }

    @Test func theCapturedMentionBecomesAMessageFromItsSender() throws {
        let envelope = try SlackEventEnvelope(body: Array(try Fixture.text("app_mention.event.json").utf8))
        #expect(envelope.botUserID == "W111")
        let message = try envelope.incomingMessage().get()
        #expect(message.platformUser == "slack:W222")
        #expect(message.text == "Hi there!")
        #expect(message.deliveryID == "Ev111")
        #expect(message.origin.channel == "C111")
        #expect(message.origin.thread == "1595926230.009600")
        #expect(message.isAddressedByPlatform)
    }

    @Test func theCapturedClickOfAnotherAppsButtonMeansNothing() throws {
        let payload = try Fixture.text("block_actions.button.payload.json")
        let body = Array(QueryString.encode([("payload", payload)]).utf8)
        #expect(try SlackInteraction(body: body).incomingMessage() == nil)
        let ours = payload.replacingOccurrences(of: #""action_id": "a""#, with: #""action_id": "chatops:deny:9""#)
        let message = try #require(try SlackInteraction(body: Array(QueryString.encode([("payload", ours)]).utf8)).incomingMessage())
        #expect(message.text == "deny 9")
        #expect(message.platformUser == "slack:W111")
        #expect(message.deliveryID == "111.222.valid")
        #expect(message.origin.messageID == "111.222")
    }

    static func configuration(_ environment: [String: String]) throws -> ChatOpsConfiguration {
        try ConfigurationLoader(environment: environment, settings: ChatOpsModules.standard.settings).parse(
            text: try String(contentsOfFile: RepositoryPaths.exampleConfig, encoding: .utf8))
    }

    @Test func makeIsNilWithoutSlackAndSaysWhatIsMissingWhenHalfConfigured() throws {
        let bot = try SlackHarness.bot(configuration: Self.configuration([:]))
        let work = InFlightWork()
        let logger = Logger(label: "t")
        #expect(try SlackAdapter.make(configuration: Self.configuration([:]), bot: bot, work: work, logger: logger, http: TestHTTP.pool) == nil)
        #expect(throws: SlackConfigurationError.missing(.slackBotToken, because: .slackSigningSecret)) {
            try SlackAdapter.make(configuration: Self.configuration(["CHATOPS_SLACK_SIGNING_SECRET": "s"]), bot: bot, work: work, logger: logger, http: TestHTTP.pool)
        }
        #expect(throws: SlackConfigurationError.missing(.slackSigningSecret, because: .slackBotToken)) {
            try SlackAdapter.make(configuration: Self.configuration(["CHATOPS_SLACK_BOT_TOKEN": "xoxb-1"]), bot: bot, work: work, logger: logger, http: TestHTTP.pool)
        }
        #expect(throws: SlackConfigurationError.notABotToken(origin: "env CHATOPS_SLACK_BOT_TOKEN")) {
            try SlackAdapter.make(configuration: Self.configuration(["CHATOPS_SLACK_SIGNING_SECRET": "s", "CHATOPS_SLACK_BOT_TOKEN": "xoxp-1"]),
                                  bot: bot, work: work, logger: logger, http: TestHTTP.pool)
        }
        let error = SlackConfigurationError.missing(.slackBotToken, because: .slackSigningSecret)
        #expect("\(error)".contains("CHATOPS_SLACK_BOT_TOKEN (platforms.slack.bot_token)"))
    }
}
