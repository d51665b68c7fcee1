import Approvals
import ChatOpsConfig
import ChatOpsCore
import ChatServer
import Conversation
import Foundation
import Hummingbird
import Logging
import PlatformHTTP
import PlatformVerification

/// GitHub issue and pull-request comments: `POST /github/webhook` receives `issue_comment`
/// deliveries (other events go, verified, to the module that registered for them: `workflow_run`); command lines are acknowledged with 👀 and answered with comments. The sender is
/// the numeric user id (`github-id:N`), never the login, which can be renamed and taken by someone
/// else; policy names logins, pinned to ids before the bot starts (`GitHubIdentityPinning`).
public struct GitHubAdapter: PlatformAdapter {
    public let platform = "github"
    let verifier: GitHubWebhookVerifier
    let commands: CommentCommands
    let allowedAssociations: Set<String>
    let freshness: CommentFreshness
    let api: GitHubAPI
    let handoff: BotHandoff
    let limits: InboundLimits
    let logger: Logger
    /// Reaches the other platforms' threads: a request made on Slack and approved here is
    /// reported on Slack.
    let router: ReplyRouter
    /// Other events (`workflow_run`), for the modules that registered for them.
    let events: InboundEvents
    let now: @Sendable () -> Date

    public var sink: any ReplySink { GitHubReplySink(api: api, logger: logger) }

    /// Incidents open issues.
    public var starter: (any ThreadStarter)? { GitHubIssueStarter(api: api, logger: logger) }

    /// nil when no webhook secret is set; a secret without a token (or App id and key) is an error.
    /// `now` dates incoming comments (tests move it by hand).
    public static func make(configuration: ChatOpsConfiguration, bot: ChatBot, work: InFlightWork, logger: Logger,
                            http: HTTPClientPool, router: ReplyRouter = ReplyRouter(), events: InboundEvents = InboundEvents(),
                            now: @escaping @Sendable () -> Date = { Date() }) throws -> GitHubAdapter? {
        let settings = configuration.settings
        guard let api = try GitHubConnection.api(settings, http: http), let secret = settings.secret(.githubWebhookSecret)?.value else {
            return nil
        }
        guard let maximumAge = settings.duration(.githubMaxCommentAge) else {
            throw PlatformSetupError("""
                \(SettingKey.githubMaxCommentAge.path) (\(SettingKey.githubMaxCommentAge.variable)) is not a duration \
                such as 5m: \(settings.value(.githubMaxCommentAge) ?? "")
                """)
        }
        let associations = (settings.value(.githubAllowedAssociations) ?? "OWNER,MEMBER,COLLABORATOR")
            .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).uppercased() }
        return GitHubAdapter(verifier: GitHubWebhookVerifier(secret: secret),
                             commands: CommentCommands(prefix: settings.value(.githubCommandPrefix) ?? "@chatops"),
                             allowedAssociations: Set(associations),
                             freshness: CommentFreshness(maximumAge: TimeInterval(maximumAge.components.seconds)),
                             api: api, handoff: BotHandoff(platform: "GitHub", bot: bot, work: work, logger: logger),
                             limits: InboundLimits(), logger: logger, router: router, events: events, now: now)
    }

    public func addRoutes(to router: ChatRouter) {
        router.group()
            .add(middleware: VerifiedBodyMiddleware(platform: "GitHub", verifier: verifier, limits: limits, logger: logger, now: now))
            .post("/github/webhook") { request, context in try await receive(request, body: context.verifiedBody) }
    }

    /// A verified delivery, by its event.
    func receive(_ request: Request, body: [UInt8]) async -> Response {
        switch request.header("X-GitHub-Event") {
        case "ping":
            return InboundBody.json(Array(#"{"ok":true}"#.utf8))
        case "issue_comment":
            return await receiveComment(body, delivery: request.header("X-GitHub-Delivery"))
        case let other:
            if let other, let handler = events.handler(platform: platform, event: other) {
                return await handler(body, request.header("X-GitHub-Delivery"))
            }
            return InboundBody.text("ignored: chatops reads issue_comment events, not \(other ?? "(no X-GitHub-Event)")\n",
                                    status: .accepted)
        }
    }

    func receiveComment(_ body: [UInt8], delivery: String?) async -> Response {
        let event: IssueCommentEvent
        do {
            event = try JSONDecoder().decode(IssueCommentEvent.self, from: Data(body))
        } catch {
            return InboundBody.text("not an issue_comment payload: \(error)\n", status: .badRequest)
        }
        if let reason = ignoreReason(event) { return InboundBody.text("ignored: \(reason)\n", status: .accepted) }
        let commands = commands.commands(in: event.comment.body ?? "")
        guard !commands.isEmpty else { return InboundBody.text("ignored: no command in the comment\n", status: .accepted) }
        let repository = event.repository.full_name
        if let refusal = freshness.refusal(createdAt: event.comment.created_at, now: now()) {
            logger.warning("refused a GitHub comment that is not fresh", metadata: [
                "reason": "\(refusal)", "repository": "\(repository)", "comment": "\(event.comment.id)",
                "user": "\(event.comment.user.login) (\(event.comment.user.id))", "delivery": "\(delivery ?? "none")",
            ])
            return InboundBody.text("ignored: \(refusal)\n", status: .accepted)
        }
        return await acknowledge(StoredComment(event, lines: commands))
    }

    /// Edits, the bot's own comments (no loops) and people the configuration does not let command.
    func ignoreReason(_ event: IssueCommentEvent) -> String? {
        if event.action != "created" { return "only new comments are commands (action \(event.action))" }
        if event.comment.user.type == "Bot" || (event.comment.body ?? "").contains(GitHubReplySink.marker) {
            return "a bot's comment"
        }
        let association = (event.comment.author_association ?? "NONE").uppercased()
        if !allowedAssociations.contains(association) {
            return "\(event.comment.user.login) is \(association); commands come from \(allowedAssociations.sorted().joined(separator: ", "))"
        }
        return nil
    }
}
