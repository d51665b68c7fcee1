import Foundation
import HTTPTypes

/// A platform's check that a request is its own: the headers and the raw body as they arrived,
/// and the time now (for the replay window). nil when the request is believed; the failure is for
/// the operator's log, the sender only ever gets a bare 401.
public protocol RequestVerifier: Sendable {
    func verify(headers: HTTPFields, body: [UInt8], now: Date) -> VerificationFailure?
}

extension HTTPField.Name {
    static let slackRequestTimestamp = HTTPField.Name("X-Slack-Request-Timestamp")!
    static let slackSignature = HTTPField.Name("X-Slack-Signature")!
    static let discordTimestamp = HTTPField.Name("X-Signature-Timestamp")!
    static let discordSignature = HTTPField.Name("X-Signature-Ed25519")!
    static let githubSignature = HTTPField.Name("X-Hub-Signature-256")!
}

extension SlackRequestVerifier: RequestVerifier {
    public func verify(headers: HTTPFields, body: [UInt8], now: Date) -> VerificationFailure? {
        verify(timestamp: headers[.slackRequestTimestamp], signature: headers[.slackSignature], body: body, now: now)
    }
}

extension DiscordInteractionVerifier: RequestVerifier {
    public func verify(headers: HTTPFields, body: [UInt8], now: Date) -> VerificationFailure? {
        verify(timestamp: headers[.discordTimestamp], signature: headers[.discordSignature], body: body, now: now)
    }
}

extension GitHubWebhookVerifier: RequestVerifier {
    /// GitHub signs no timestamp: `now` is not read.
    public func verify(headers: HTTPFields, body: [UInt8], now: Date) -> VerificationFailure? {
        verify(signature: headers[.githubSignature], body: body)
    }
}
