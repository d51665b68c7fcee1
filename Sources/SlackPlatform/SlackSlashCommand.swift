import ChatServer
import Foundation
import PlatformHTTP

/// A slash command's form body (`/deploy iris v2.3 staging`, `/chatops status of iris in prod`).
struct SlackSlashCommand: Sendable, Hashable {
    /// `/deploy`, with its slash.
    let command: String
    /// What followed the command, as typed (Slack's `&lt;` entities decoded).
    let text: String
    let userID: String
    let channelID: String
    /// Unique per invocation: the delivery id, so a repeated request never acts twice.
    let triggerID: String
    /// The workspace (`team_id`) and app (`api_app_id`) it was sent for, when Slack says.
    let teamID: String?
    let appID: String?

    /// The generic command, whose text is the whole chatops command.
    static let generic = "/chatops"

    init(form: [String: String]) throws(SlackInboundError) {
        try self.init { form[$0] }
    }

    init(body: [UInt8]) throws(SlackInboundError) {
        try self.init(fields: FormFields(body))
    }

    init(fields: FormFields) throws(SlackInboundError) {
        try self.init { fields[$0] }
    }

    /// The fields kept while the command waits to be handled: what it is read from, and not the
    /// legacy verification `token` or the `response_url` (either lets its holder speak as the app).
    static let storedFields: [StaticString] = ["command", "text", "user_id", "channel_id", "trigger_id", "team_id", "api_app_id"]

    /// From a form's fields, read by name.
    private init(field: (String) -> String?) throws(SlackInboundError) {
        guard let command = field("command"), command.hasPrefix("/"), command.count > 1 else {
            let given = field("command")
            throw given.map { SlackInboundError.malformedField("command", $0) } ?? .missingField("command")
        }
        self.command = command
        text = Self.trimmed(SlackMrkdwn.unescape(field("text") ?? ""))
        userID = try SlackID.require(field("user_id"), "user_id")
        channelID = try SlackID.require(field("channel_id"), "channel_id")
        guard let trigger = field("trigger_id"), !trigger.isEmpty else { throw .missingField("trigger_id") }
        triggerID = trigger
        teamID = field("team_id")
        appID = field("api_app_id")
    }

    /// Without leading and trailing whitespace and newlines; text that starts and ends with a
    /// visible ASCII character (nearly all) is returned without going through Foundation.
    static func trimmed(_ text: String) -> String {
        if let first = text.utf8.first, let last = text.utf8.last, (0x21..<0x7F).contains(first), (0x21..<0x7F).contains(last) {
            return text
        }
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// What the bot understands: `/chatops deploy …` → `deploy …`; `/deploy iris v2.3 staging` →
    /// `deploy iris v2.3 staging` (the command names the intent).
    var commandText: String {
        if command == Self.generic { return text }
        let verb = String(command.dropFirst())
        return text.isEmpty ? verb : "\(verb) \(text)"
    }

    /// The command as the person typed it, for the thread's first message.
    var commandLine: String { text.isEmpty ? command : "\(command) \(text)" }
}
