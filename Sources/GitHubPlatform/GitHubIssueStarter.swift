import ChatOpsCore
import Conversation
import Logging
import ReplyModel

/// Incident threads on GitHub: an issue with the title and labels, whose body is the first
/// message (edited as the incident changes) and which is closed when the incident resolves.
struct GitHubIssueStarter: ThreadStarter {
    let api: GitHubAPI
    let logger: Logger

    func start(_ opening: ThreadOpening, in channel: String) async -> MessageOrigin? {
        do {
            let number = try await api.openIssue(title: opening.title, body: GitHubMarkdownRenderer.render(opening.reply),
                                                 labels: opening.labels, in: channel)
            return MessageOrigin(platform: "github", channel: channel, thread: String(number))
        } catch {
            logger.error("GitHub issue could not be opened", metadata: ["repository": "\(channel)", "error": "\(error)"])
            return nil
        }
    }

    func update(_ thread: MessageOrigin, with opening: ThreadOpening) async -> Bool {
        await edit(thread, body: GitHubMarkdownRenderer.render(opening.reply), state: nil)
    }

    func finish(_ thread: MessageOrigin) async -> Bool {
        await edit(thread, body: nil, state: "closed")
    }

    func edit(_ thread: MessageOrigin, body: String?, state: String?) async -> Bool {
        guard let repository = thread.channel, let number = thread.thread else { return false }
        do {
            try await api.editIssue(number, body: body, state: state, in: repository)
            return true
        } catch {
            logger.error("GitHub issue could not be edited", metadata: ["issue": "\(repository)#\(number)", "error": "\(error)"])
            return false
        }
    }
}
