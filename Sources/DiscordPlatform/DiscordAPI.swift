import ChatOpsConfig
import Foundation
import PlatformHTTP

/// Discord's REST calls the bot makes: interaction webhooks (the token is the credential, in the
/// path) and channel messages with `Authorization: Bot …`.
struct DiscordAPI: Sendable {
    let baseURL: String
    let botToken: Secret
    let client: PlatformAPIClient

    /// What Discord answers for a created or edited message (read for its id and channel only).
    typealias PostedMessage = DiscordInteraction.Message

    /// `PATCH /webhooks/{application}/{token}/messages/{message}` (`@original` for the deferred answer).
    func editWebhookMessage(_ message: DiscordMessage, applicationID: String, token: String,
                            messageID: String) async throws(APIError) -> PostedMessage {
        try await call(.PATCH, "/webhooks/\(applicationID)/\(token)/messages/\(messageID)", message, bot: false)
    }

    /// `POST /webhooks/{application}/{token}`: a follow-up, answered with the message.
    func followUp(_ message: DiscordMessage, applicationID: String, token: String) async throws(APIError) -> PostedMessage {
        try await call(.POST, "/webhooks/\(applicationID)/\(token)", message, bot: false)
    }

    /// `POST /channels/{channel}/messages` with the bot token.
    func createMessage(_ message: DiscordMessage, channelID: String) async throws(APIError) -> PostedMessage {
        try await call(.POST, "/channels/\(channelID)/messages", message, bot: true)
    }

    /// `PATCH /channels/{channel}/messages/{message}` with the bot token.
    func editMessage(_ message: DiscordMessage, channelID: String, messageID: String) async throws(APIError) -> PostedMessage {
        try await call(.PATCH, "/channels/\(channelID)/messages/\(messageID)", message, bot: true)
    }

    struct NewThread: Encodable {
        let name: String
        let auto_archive_duration: Int
    }

    /// What Discord answers for a new thread (a channel object; read for its id only).
    struct StartedThread: Decodable {
        let id: String
    }

    /// `POST /channels/{channel}/messages/{message}/threads`: a public thread on that message,
    /// archived after a day without activity. Answers the thread (a channel: replies post to its id).
    func startThread(named name: String, on messageID: String, in channelID: String) async throws(APIError) -> StartedThread {
        let request: APIRequest
        do {
            request = try APIRequest.json(.POST, baseURL + "/channels/\(channelID)/messages/\(messageID)/threads",
                                          headers: [("Authorization", "Bot \(botToken.value)")],
                                          body: NewThread(name: String(name.prefix(100)), auto_archive_duration: 1440))
        } catch {
            throw .malformed(service: client.service, detail: "the thread could not be encoded: \(error)")
        }
        return try await client.sendExpectingSuccess(request).decode(StartedThread.self, service: client.service)
    }

    func call(_ method: APIRequest.Method, _ path: String, _ message: DiscordMessage,
              bot: Bool) async throws(APIError) -> PostedMessage {
        let headers = bot ? [("Authorization", "Bot \(botToken.value)")] : []
        let request: APIRequest
        do { request = try APIRequest.json(method, baseURL + path, headers: headers, body: message) } catch {
            throw .malformed(service: client.service, detail: "the message could not be encoded: \(error)")
        }
        return try await client.sendExpectingSuccess(request).decode(PostedMessage.self, service: client.service)
    }
}

extension APIError {
    /// The error's wording with an interaction token (part of webhook paths) blanked out.
    func redacting(_ token: String?) -> String {
        guard let token, !token.isEmpty else { return description }
        return description.replacingOccurrences(of: token, with: "<token>")
    }
}
