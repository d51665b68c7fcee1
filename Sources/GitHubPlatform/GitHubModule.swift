import Approvals
import ChatOpsConfig
import ChatServer
import Execution
import GitHubREST

/// GitHub issue and pull-request comments: the webhook in, comments out; logins in the policy
/// pinned to numeric user ids before the bot starts.
public struct GitHubModule: PlatformModule {
    public let name = "github"
    public let identityPrefixes = ["github", "github-id", "github-team"]
    public let settings: [SettingKey] = [.githubWebhookSecret] + SettingKey.githubConnection
        + [.githubCommandPrefix, .githubAllowedAssociations, .githubMaxCommentAge]

    public init() {}

    public func status(in context: ModuleContext) -> ModuleStatus {
        do {
            guard try GitHubConnection.api(context.settings, http: context.http) != nil else {
                return .disabled(hint: "set \(SettingKey.githubWebhookSecret.variable) and a token (\(SettingKey.githubToken.variable)) "
                                 + "or a GitHub App (\(SettingKey.githubAppID.variable), \(SettingKey.githubAppPrivateKey.variable))")
            }
            return .enabled(by: "\(SettingKey.githubWebhookSecret.path) (\(context.settings.origin(.githubWebhookSecret)))")
        } catch {
            return .misconfigured("\(error)")
        }
    }

    public func adapter(in context: PlatformContext) throws -> any PlatformAdapter {
        guard let adapter = try GitHubAdapter.make(configuration: context.configuration, bot: context.bot, work: context.work,
                                                   logger: context.module.logger, http: context.module.http,
                                                   router: context.router, events: context.events, now: context.now) else {
            throw PlatformSetupError("GitHub is not configured")
        }
        return adapter
    }

    public func prepare(_ policy: Policy, store: any ApprovalStore, in context: ModuleContext) async throws -> Policy {
        try await GitHubIdentityPinning.pinnedPolicy(policy, configuration: context.configuration, store: store,
                                                     logger: context.logger, http: context.http)
    }
}
