import Foundation
import PlatformHTTP

/// Slack's Web API methods chatops calls. Slack answers HTTP 200 even when it refuses
/// (`{"ok":false,"error":"channel_not_found"}`), so every answer's `ok` is checked.
struct SlackWebAPI: Sendable {
    static let service = "Slack"

    let client: PlatformAPIClient
    /// `https://slack.com/api`, without a trailing slash.
    let baseURL: String
    /// The bot token (`xoxb-…`): sent in the Authorization header, never logged.
    let token: String

    /// Where Slack put a message.
    struct Posted: Sendable, Hashable {
        let channel: String
        let ts: String
    }

    struct PostMessage: Encodable {
        let channel: String
        let thread_ts: String?
        let text: String
        let blocks: [SlackBlock]
    }

    struct Update: Encodable {
        let channel: String
        let ts: String
        let text: String
        let blocks: [SlackBlock]
    }

    /// Slack's answer envelope: what the two message methods return.
    struct Answer: Decodable {
        let ok: Bool
        let error: String?
        let channel: String?
        let ts: String?
    }

    /// `chat.postMessage`: in the thread `threadTS` when given, else as a new channel message.
    func postMessage(channel: String, threadTS: String?, _ message: SlackMessage) async throws(APIError) -> Posted {
        let body = PostMessage(channel: channel, thread_ts: threadTS, text: message.text, blocks: message.blocks)
        let answer = try await call("chat.postMessage", body)
        guard let ts = answer.ts else { throw .malformed(service: Self.service, detail: "chat.postMessage answered ok without a ts") }
        return Posted(channel: answer.channel ?? channel, ts: ts)
    }

    /// `chat.update`: replaces the text and blocks of the bot's own message `ts`.
    func update(channel: String, ts: String, _ message: SlackMessage) async throws(APIError) {
        _ = try await call("chat.update", Update(channel: channel, ts: ts, text: message.text, blocks: message.blocks))
    }

    func call<Body: Encodable>(_ method: String, _ body: Body) async throws(APIError) -> Answer {
        let request: APIRequest
        do {
            request = try APIRequest.json(.POST, "\(baseURL)/\(method)", headers: [("Authorization", "Bearer \(token)")], body: body)
        } catch {
            throw .malformed(service: Self.service, detail: "could not encode the \(method) body: \(error)")
        }
        let answer = try await client.sendExpectingSuccess(request).decode(Answer.self, service: Self.service)
        guard answer.ok else { throw .refused(service: Self.service, method: method, error: answer.error ?? "no error given") }
        return answer
    }
}
