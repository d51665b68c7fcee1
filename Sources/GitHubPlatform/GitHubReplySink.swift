import Conversation
import Logging
import ReplyModel
import RequestStore

/// Replies as comments on the issue or pull request the command came from; an update edits the
/// bot's own comment. Each comment carries a hidden marker so the bot never reads its own words
/// as a command, whatever token it posts with.
struct GitHubReplySink: ReplySink {
    static let marker = "<!-- chatops -->"

    let api: GitHubAPI
    let logger: Logger

    func send(_ reply: Reply, to origin: MessageOrigin) async -> MessageOrigin? {
        await post(GitHubMarkdownRenderer.render(reply), to: origin)
    }

    func post(_ markdown: String, to origin: MessageOrigin) async -> MessageOrigin? {
        guard let repository = origin.channel, let issue = origin.thread else {
            logger.error("a GitHub reply without a repository or issue", metadata: ["origin": "\(origin.summary)"])
            return nil
        }
        do {
            let id = try await api.comment(markdown + "\n\n" + Self.marker, onIssue: issue, in: repository)
            return MessageOrigin(platform: origin.platform, channel: repository, thread: issue, messageID: String(id))
        } catch {
            logger.error("could not comment on GitHub", metadata: ["repository": "\(repository)", "issue": "\(issue)",
                                                                   "error": "\(error)"])
            return nil
        }
    }

    func update(_ posted: MessageOrigin, with reply: Reply) async {
        guard let repository = posted.channel, let id = posted.messageID else { return }
        do {
            try await api.editComment(id, body: GitHubMarkdownRenderer.render(reply) + "\n\n" + Self.marker, in: repository)
        } catch {
            logger.error("could not edit a GitHub comment", metadata: ["repository": "\(repository)", "comment": "\(id)",
                                                                       "error": "\(error)"])
        }
    }
}

/// The replies to one command comment quote the command first, so a busy thread shows what each
/// answer is about.
struct QuotingReplySink: ReplySink {
    let command: String
    let next: GitHubReplySink

    func send(_ reply: Reply, to origin: MessageOrigin) async -> MessageOrigin? {
        let quote = "> " + command.replacingOccurrences(of: "\n", with: " ")
        return await next.post(quote + "\n\n" + GitHubMarkdownRenderer.render(reply), to: origin)
    }

    func update(_ posted: MessageOrigin, with reply: Reply) async {
        await next.update(posted, with: reply)
    }
}
