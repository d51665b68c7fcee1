import ChatOpsConfig
import ChatServer
import Conversation
import Foundation
import Hummingbird
import Logging
import PlatformHTTP
import PlatformVerification
import RequestStore

/// GitHub issue and pull-request comments: `POST /github/webhook` receives `issue_comment`
/// deliveries; command lines are acknowledged with 👀 and answered with comments.
public struct GitHubAdapter: PlatformAdapter {
    public let platform = "github"
    let verifier: GitHubWebhookVerifier
    let commands: CommentCommands
    let allowedAssociations: Set<String>
    let api: GitHubAPI
    let bot: ChatBot
    let work: InFlightWork
    let limits: InboundLimits
    let logger: Logger

    public var sink: any ReplySink { GitHubReplySink(api: api, logger: logger) }

    /// nil when no webhook secret is set; a secret without a token (or App id and key) is an error.
    public static func make(configuration: ChatOpsConfiguration, bot: ChatBot, work: InFlightWork,
                            logger: Logger) throws -> GitHubAdapter? {
        let settings = configuration.settings
        guard let secret = settings.secret(.githubWebhookSecret)?.value, !secret.isEmpty else { return nil }
        let client = PlatformAPIClient(service: "GitHub")
        let apiURL = apiBaseURL(settings.value(.githubAPIURL) ?? "https://api.github.com")
        let tokens: any GitHubTokenSource
        if let token = settings.secret(.githubToken)?.value, !token.isEmpty {
            tokens = PersonalToken(value: token)
        } else if let appID = settings.value(.githubAppID), let pem = settings.secret(.githubAppPrivateKey)?.value {
            do {
                tokens = AppInstallationTokens(jwt: try AppJWT(appID: appID, pem: pem), client: client, apiURL: apiURL)
            } catch {
                throw PlatformSetupError(
                    "the GitHub App private key (\(SettingKey.githubAppPrivateKey.variable)) is not a readable RSA PEM key: \(error)")
            }
        } else {
            throw PlatformSetupError("""
                GitHub is half-configured: \(SettingKey.githubWebhookSecret.variable) is set but there is no token to \
                answer with; set \(SettingKey.githubToken.variable) (a personal token) or \(SettingKey.githubAppID.variable) \
                and \(SettingKey.githubAppPrivateKey.variable) (a GitHub App)
                """)
        }
        let associations = (settings.value(.githubAllowedAssociations) ?? "OWNER,MEMBER,COLLABORATOR")
            .split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).uppercased() }
        return GitHubAdapter(verifier: GitHubWebhookVerifier(secret: secret),
                             commands: CommentCommands(prefix: settings.value(.githubCommandPrefix) ?? "@chatops"),
                             allowedAssociations: Set(associations),
                             api: GitHubAPI(client: client, apiURL: apiURL, tokens: tokens),
                             bot: bot, work: work, limits: InboundLimits(), logger: logger)
    }

    public func addRoutes(to router: ChatRouter) {
        router.post("/github/webhook") { request, _ in try await receive(request) }
    }

    func receive(_ request: Request) async throws -> Response {
        let body = try await InboundBody.read(request, limits: limits)
        guard verifier.verify(signature: request.header("X-Hub-Signature-256"), body: body) == nil else {
            return InboundBody.unauthorized
        }
        switch request.header("X-GitHub-Event") {
        case "ping":
            return InboundBody.json(Array(#"{"ok":true}"#.utf8))
        case "issue_comment":
            return await receiveComment(body, delivery: request.header("X-GitHub-Delivery"))
        case let other:
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
        let deliveryID = delivery ?? "comment-\(event.comment.id)"
        await work.start { await handle(event, commands: commands, repository: repository, delivery: deliveryID) }
        return InboundBody.text("accepted \(commands.count) command(s)\n", status: .accepted)
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

    func handle(_ event: IssueCommentEvent, commands: [String], repository: String, delivery: String) async {
        if let installation = event.installation { await api.tokens.remember(installation: installation.id, for: repository) }
        do {
            try await api.react("eyes", toComment: event.comment.id, in: repository)
        } catch {
            logger.warning("could not react to the command comment", metadata: ["error": "\(error)"])
        }
        let origin = MessageOrigin(platform: platform, channel: repository, thread: String(event.issue.number),
                                   messageID: String(event.comment.id))
        let replies = GitHubReplySink(api: api, logger: logger)
        for (index, command) in commands.enumerated() {
            let message = IncomingMessage(platformUser: "github:\(event.comment.user.login)", origin: origin,
                                          deliveryID: commands.count == 1 ? delivery : "\(delivery)#\(index + 1)",
                                          text: command, isAddressedByPlatform: true)
            do {
                try await bot.handle(message, sink: QuotingReplySink(command: "/" + command, next: replies))
            } catch {
                logger.error("a GitHub command failed", metadata: ["error": "\(error)"])
                _ = await replies.post("> /\(command)\n\n❌ The bot failed on this command: \(error). Nothing was lost; try again.",
                                       to: origin)
            }
        }
    }
}
