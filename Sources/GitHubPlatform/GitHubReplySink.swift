import Approvals
import ChatOpsCore
import Conversation
import Logging
import ReplyModel

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
/// answer is about. The quote is escaped: the bot repeating `/deny 4 cc @org/team` must not
/// notify the team a second time, under its own name.
struct QuotingReplySink: ReplySink {
    let command: String
    /// Where the command was written: replies there quote it; replies about the command in
    /// another issue (a request approved from here) go there unquoted.
    let commandOrigin: MessageOrigin
    let next: GitHubReplySink

    func send(_ reply: Reply, to origin: MessageOrigin) async -> MessageOrigin? {
        guard origin.channel == commandOrigin.channel && origin.thread == commandOrigin.thread else {
            return await next.send(reply, to: origin)
        }
        return await next.post(Self.quote(command) + "\n\n" + GitHubMarkdownRenderer.render(reply), to: origin)
    }

    /// `> /deploy …` on one line.
    static func quote(_ command: String) -> String {
        "> " + GitHubMarkdownEscaping.escape(command.replacingOccurrences(of: "\n", with: " "))
    }

    func update(_ posted: MessageOrigin, with reply: Reply) async {
        await next.update(posted, with: reply)
    }
}
