import Foundation
import PlatformVerification

/// Slack slash commands, each signed as Slack signs it, for a load generator that cannot compute
/// an HMAC (wrk). Each has its own `trigger_id`: the bot claims every delivery by it, so a body
/// sent twice is answered but not acted on twice. The signatures hold only while the timestamp is
/// inside Slack's 5-minute window, so make them right before a run.
struct SignedSlashCommands: Sendable {
    struct Signed: Sendable, Hashable {
        let timestamp: String
        let signature: String
        /// The form body, as Slack sends it (`application/x-www-form-urlencoded`).
        let body: String
    }

    let signer: SlackRequestVerifier
    /// `/chatops`, and what follows it (`status iris staging`).
    let command: String
    let text: String
    let team: String
    let channel: String
    let user: String
    /// Put in every trigger_id, so two runs never send the same delivery.
    let run: String

    init(signingSecret: String, command: String = "/chatops", text: String, team: String = "T0BENCH01",
         channel: String = "C0BENCH001", user: String = "U0BENCH01", run: String) {
        signer = SlackRequestVerifier(signingSecret: signingSecret)
        self.command = command
        self.text = text
        self.team = team
        self.channel = channel
        self.user = user
        self.run = run
    }

    /// The `index`th command, signed at `timestamp` (Unix seconds).
    func make(_ index: Int, timestamp: Int) -> Signed {
        let stamp = String(timestamp)
        let fields = [
            ("token", "benchverificationtoken"), ("team_id", team), ("team_domain", "bench"), ("channel_id", channel),
            ("channel_name", "bench"), ("user_id", user), ("user_name", "bench"), ("command", command), ("text", text),
            ("api_app_id", "A0BENCH01"), ("is_enterprise_install", "false"),
            ("response_url", "http://127.0.0.1/commands/T0BENCH01/\(run)/\(index)"),
            ("trigger_id", "\(run).\(index).bench"),
        ]
        let body = fields.map { "\($0)=\(Self.formEncoded($1))" }.joined(separator: "&")
        return Signed(timestamp: stamp, signature: signer.signature(timestamp: stamp, body: Array(body.utf8)), body: body)
    }

    private static let unreserved = CharacterSet(charactersIn: "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._~")

    /// Form encoding: spaces as `+`, everything but the unreserved characters escaped.
    static func formEncoded(_ value: String) -> String {
        (value.addingPercentEncoding(withAllowedCharacters: unreserved.union(CharacterSet(charactersIn: " "))) ?? value)
            .replacingOccurrences(of: " ", with: "+")
    }

    /// One line per command for `Benchmarks/wrk/slack.lua`: timestamp, signature and body, tab-separated.
    static func line(_ signed: Signed) -> String {
        "\(signed.timestamp)\t\(signed.signature)\t\(signed.body)\n"
    }
}
