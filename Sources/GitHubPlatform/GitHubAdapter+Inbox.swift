import Approvals
import ChatOpsCore
import ChatServer
import Conversation
import Foundation
import Hummingbird
import PlatformHTTP

/// What a comment's command lines need to run, stored with the comment's claim before GitHub
/// hears 202: GitHub does not deliver again what it got a 2xx for, so a stop before the lines ran
/// would otherwise lose them. Nothing secret is in it (the installation id names no credential).
struct StoredComment: Codable, Sendable {
    let repository: String
    let issue: Int
    let comment: Int64
    let userID: Int64
    let login: String
    /// The GitHub App installation that sent it (its token answers in this repository).
    let installation: Int64?
    let lines: [String]

    init(_ event: IssueCommentEvent, lines: [String]) {
        repository = event.repository.full_name
        issue = event.issue.number
        comment = event.comment.id
        userID = event.comment.user.id
        login = event.comment.user.login
        installation = event.installation?.id
        self.lines = lines
    }

    /// The comment's own delivery; each line is one more (`comment-492700400#1`).
    var deliveryID: String { "comment-\(comment)" }

    /// The delivery of the line at `index` (from 0).
    func lineDeliveryID(_ index: Int) -> String { "\(deliveryID)#\(index + 1)" }

    /// The comment delivery a line's delivery id belongs to (`comment-492700400#1` → `comment-492700400`).
    static func comment(ofLine id: String) -> String? {
        guard id.hasPrefix("comment-"), let hash = id.lastIndex(of: "#") else { return nil }
        return String(id[..<hash])
    }

    /// The comment, where its replies go.
    var origin: MessageOrigin {
        MessageOrigin(platform: "github", channel: repository, thread: String(issue), messageID: String(comment))
    }
}

extension GitHubAdapter {
    /// The inbox kind of a stored comment.
    static let commentWork = "github-comment"

    /// Claims the comment with its lines before GitHub is answered, then runs them in the
    /// background. A comment seen before (a redelivery, a replay of the signed body) does nothing
    /// more; one the store cannot take gets a 500, which GitHub lists as failed, so it can be
    /// redelivered from the webhook's Recent Deliveries.
    func acknowledge(_ comment: StoredComment) async -> Response {
        do {
            if try await handoff.claim(DeliveryKey(platform: platform, id: comment.deliveryID), work: Self.commentWork,
                                       Array(try JSONEncoder().encode(comment))) == .repeated {
                return InboundBody.text("ignored: this comment was already received\n", status: .accepted)
            }
        } catch {
            await handoff.tellNotRecorded(error, delivery: comment.deliveryID, origin: comment.origin,
                                          sink: quoting(comment.lines.map { "/" + $0 }.joined(separator: " ; "), at: comment.origin))
            return InboundBody.text("chatops could not record this comment, so it did not run its commands; redeliver it\n",
                                    status: .internalServerError)
        }
        await handoff.later { await handle(comment) }
        return InboundBody.text("accepted \(comment.lines.count) command(s)\n", status: .accepted)
    }

    /// Each command line is its own delivery, keyed on what GitHub signs: the comment id and the
    /// line's place in it (`comment-492700400#1`). `X-GitHub-Delivery` is not signed, so keying on
    /// it let one signed comment be replayed under new delivery ids and run again. Lines run in
    /// order, each stored with its claim; a line already claimed (before a stop) is not run again,
    /// unless it is one of `startedLines`: claimed and never finished, it is resumed in its place.
    func handle(_ comment: StoredComment, startedLines: [String: PendingDelivery] = [:]) async {
        if let installation = comment.installation { await api.tokens.remember(installation: installation, for: comment.repository) }
        do {
            try await api.react("eyes", toComment: comment.comment, in: comment.repository)
        } catch {
            logger.warning("could not react to the command comment", metadata: ["error": "\(error)"])
        }
        let origin = comment.origin
        for (index, line) in comment.lines.enumerated() {
            let delivery = comment.lineDeliveryID(index)
            if let started = startedLines[delivery] {
                await handoff.resumeMessage(started, stale: false, replies: replies(to:))
                continue
            }
            let message = IncomingMessage(platformUser: "github-id:\(comment.userID)", origin: origin,
                                          deliveryID: delivery, text: line, isAddressedByPlatform: true)
            let (sink, quoting) = replies(to: message)
            await handoff.handleStoring(message, sink: sink, thread: quoting, metadata: [
                "repository": "\(comment.repository)", "comment": "\(comment.comment)", "command": "\(line)",
            ])
        }
        await handoff.complete(DeliveryKey(platform: platform, id: comment.deliveryID), reply: "ran \(comment.lines.count) command line(s)")
    }

    /// Where a command line's replies go: a comment quoting it, unless its request was made elsewhere.
    func replies(to message: IncomingMessage) -> (sink: any ReplySink, thread: (any ReplySink)?) {
        let quoting = quoting("/" + message.text, at: message.origin)
        return (router.sink(preferring: quoting, for: platform), quoting)
    }

    /// Comments that quote `command`, written at `origin`, above what they say.
    func quoting(_ command: String, at origin: MessageOrigin) -> QuotingReplySink {
        QuotingReplySink(command: command, commandOrigin: origin, next: GitHubReplySink(api: api, logger: logger))
    }

    /// Deliveries a stop left unfinished: a comment's started lines are resumed by the comment,
    /// in their order among its lines (on their own they would race the lines after them), and a
    /// too-old comment is reported once, with the lines it did not run.
    public func resume(_ deliveries: [PendingDelivery], isStale: @escaping @Sendable (PendingDelivery) -> Bool, in work: InFlightWork) {
        let comments = Set(deliveries.filter { InboxWork(encoded: $0.work)?.kind == Self.commentWork }.map(\.key.id))
        var startedLines: [String: [String: PendingDelivery]] = [:]
        var resumedAlone: [PendingDelivery] = []
        for delivery in deliveries {
            if let comment = StoredComment.comment(ofLine: delivery.key.id), comments.contains(comment) {
                startedLines[comment, default: [:]][delivery.key.id] = delivery
            } else {
                resumedAlone.append(delivery)
            }
        }
        for delivery in resumedAlone {
            let stale = isStale(delivery), lines = startedLines[delivery.key.id] ?? [:]
            work.start { await resume(delivery, stale: stale, startedLines: lines) }
        }
    }

    /// A comment (or one of its lines) acknowledged before the last stop and never handled: run
    /// now, or, when too old, reported in its issue and not run.
    public func resume(_ delivery: PendingDelivery, stale: Bool) async {
        await resume(delivery, stale: stale, startedLines: [:])
    }

    /// `resume`, for a comment whose `startedLines` (by delivery id) were claimed and never finished.
    func resume(_ delivery: PendingDelivery, stale: Bool, startedLines: [String: PendingDelivery]) async {
        guard let work = InboxWork(encoded: delivery.work), work.kind == Self.commentWork else {
            await handoff.resumeMessage(delivery, stale: stale, replies: replies(to:))
            return
        }
        guard let comment = try? JSONDecoder().decode(StoredComment.self, from: Data(work.body)) else {
            await handoff.abandon(delivery, reason: "its stored comment could not be read")
            for line in startedLines.values { await handoff.abandon(line, reason: "its comment's stored work could not be read") }
            return
        }
        guard stale else { return await handle(comment, startedLines: startedLines) }
        await reportTooOld(delivery, comment: comment, startedLines: startedLines)
    }

    /// Says once in the issue which of a too-old comment's lines were not run (those started and
    /// cut off, and those never reached, now marked so they never run), and completes them all.
    /// When every line ran and only the comment's own end was lost, there is nothing to say.
    private func reportTooOld(_ delivery: PendingDelivery, comment: StoredComment, startedLines: [String: PendingDelivery]) async {
        var notRun: [String] = []
        for (index, line) in comment.lines.enumerated() {
            let id = comment.lineDeliveryID(index)
            if startedLines[id] != nil {
                notRun.append(line)
            } else if case .repeated? = try? await handoff.bot.claimDelivery(platform: platform, id: id, work: nil) {
                continue
            } else {
                notRun.append(line)
            }
        }
        for line in startedLines.values { await handoff.complete(line.key, reply: "too old to resume; reported with its comment") }
        guard !notRun.isEmpty else {
            return await handoff.complete(delivery.key, reply: "ran \(comment.lines.count) command line(s)")
        }
        let commands = "command\(notRun.count == 1 ? "" : "s") " + BotHandoff.quoted(notRun.joined(separator: "; "))
        let what = notRun.count == comment.lines.count ? "Your comment with the \(commands)" : "The rest of your comment, the \(commands),"
        await handoff.tellStale(delivery, what: what, origin: comment.origin, sink: GitHubReplySink(api: api, logger: logger))
    }
}
