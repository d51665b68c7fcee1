/// A setting that can come from the YAML file or, winning over it, from the environment.
/// The table follows `shared/spec/environment.md`; later features add their rows here.
public struct SettingKey: Sendable, Hashable {
    /// Dotted key path in the YAML file, e.g. `platforms.slack.bot_token`.
    public let path: String
    /// The environment variable that overrides it.
    public let variable: String
    /// Secrets are never printed; they may also be read from a file (`…_file` key, `…_FILE` variable).
    public let isSecret: Bool

    public init(_ path: String, _ variable: String, secret: Bool = false) {
        self.path = path
        self.variable = variable
        self.isSecret = secret
    }
}

extension SettingKey {
    public static let storePath = SettingKey("store.path", "CHATOPS_STORE")
    public static let listen = SettingKey("server.listen", "CHATOPS_LISTEN")
    public static let dryRun = SettingKey("dry_run", "CHATOPS_DRY_RUN")
    public static let logFormat = SettingKey("log_format", "CHATOPS_LOG_FORMAT")
    /// How long finished requests, their deliveries and their audit entries are kept (`90d`).
    public static let storeRetention = SettingKey("store.retention", "CHATOPS_STORE_RETENTION")
    /// Connections the server holds open at once; past it, new ones get 503 with Retry-After.
    public static let maxConnections = SettingKey("server.max_connections", "CHATOPS_MAX_CONNECTIONS")
    /// Bytes of request bodies buffered at once across all requests, before their signatures are checked.
    public static let maxBufferedBytes = SettingKey("server.max_buffered_bytes", "CHATOPS_MAX_BUFFERED_BYTES")
    /// Commands one person may send: `N/DURATION` (`10/1m`).
    public static let rateLimitPerUser = SettingKey("limits.per_user", "CHATOPS_RATE_LIMIT_PER_USER")
    /// Commands one channel (or GitHub repository) may carry: `N/DURATION` (`30/1m`).
    public static let rateLimitPerChannel = SettingKey("limits.per_channel", "CHATOPS_RATE_LIMIT_PER_CHANNEL")

    public static let slackSigningSecret = SettingKey("platforms.slack.signing_secret", "CHATOPS_SLACK_SIGNING_SECRET", secret: true)
    public static let slackBotToken = SettingKey("platforms.slack.bot_token", "CHATOPS_SLACK_BOT_TOKEN", secret: true)
    public static let slackAPIURL = SettingKey("platforms.slack.api_url", "CHATOPS_SLACK_API_URL")
    /// Workspace ids (`team_id`) whose requests are served; unset: only the app's signature is checked.
    public static let slackAllowedTeams = SettingKey("platforms.slack.allowed_teams", "CHATOPS_SLACK_ALLOWED_TEAMS")
    /// The Slack app's id (`api_app_id`): requests naming another app are refused.
    public static let slackAppID = SettingKey("platforms.slack.app_id", "CHATOPS_SLACK_APP_ID")
    public static let discordPublicKey = SettingKey("platforms.discord.public_key", "CHATOPS_DISCORD_PUBLIC_KEY")
    public static let discordApplicationID = SettingKey("platforms.discord.application_id", "CHATOPS_DISCORD_APPLICATION_ID")
    public static let discordBotToken = SettingKey("platforms.discord.bot_token", "CHATOPS_DISCORD_BOT_TOKEN", secret: true)
    public static let discordAPIURL = SettingKey("platforms.discord.api_url", "CHATOPS_DISCORD_API_URL")
    /// Guild (server) ids whose interactions are served; unset: any guild the bot is in.
    public static let discordAllowedGuilds = SettingKey("platforms.discord.allowed_guilds", "CHATOPS_DISCORD_ALLOWED_GUILDS")
    public static let githubWebhookSecret = SettingKey("platforms.github.webhook_secret", "CHATOPS_GITHUB_WEBHOOK_SECRET", secret: true)
    public static let githubToken = SettingKey("platforms.github.token", "CHATOPS_GITHUB_TOKEN", secret: true)
    public static let githubAppID = SettingKey("platforms.github.app_id", "CHATOPS_GITHUB_APP_ID")
    public static let githubAppPrivateKey = SettingKey("platforms.github.app_private_key", "CHATOPS_GITHUB_APP_PRIVATE_KEY", secret: true)
    public static let githubAPIURL = SettingKey("platforms.github.api_url", "CHATOPS_GITHUB_API_URL")
    /// Besides a line starting with `/`, a line starting with this word is a command.
    public static let githubCommandPrefix = SettingKey("platforms.github.command_prefix", "CHATOPS_GITHUB_COMMAND_PREFIX")
    /// Comma-separated `author_association` values whose comments may be commands.
    public static let githubAllowedAssociations = SettingKey("platforms.github.allowed_associations",
                                                             "CHATOPS_GITHUB_ALLOWED_ASSOCIATIONS")
    /// A comment older than this (by its signed `created_at`) is not run: a replayed delivery.
    public static let githubMaxCommentAge = SettingKey("platforms.github.max_comment_age", "CHATOPS_GITHUB_MAX_COMMENT_AGE")

    public static let argocdURL = SettingKey("backends.argocd.url", "CHATOPS_ARGOCD_URL")
    public static let argocdToken = SettingKey("backends.argocd.token", "CHATOPS_ARGOCD_TOKEN", secret: true)
    /// How long sync, deploy and rollback wait for Synced and Healthy: seconds, or `90s`, `5m`.
    public static let argocdWaitTimeout = SettingKey("backends.argocd.wait_timeout", "CHATOPS_ARGOCD_WAIT_TIMEOUT")
    public static let kubeAPIURL = SettingKey("backends.kubernetes.api_url", "CHATOPS_KUBE_API_URL")
    public static let kubeToken = SettingKey("backends.kubernetes.token", "CHATOPS_KUBE_TOKEN", secret: true)
    public static let kubeCAFile = SettingKey("backends.kubernetes.ca_file", "CHATOPS_KUBE_CA_FILE")
    public static let kubeconfig = SettingKey("backends.kubernetes.kubeconfig", "KUBECONFIG")
    /// The kubeconfig context to use (default: its current-context).
    public static let kubeContext = SettingKey("backends.kubernetes.context", "CHATOPS_KUBE_CONTEXT")
    /// The only namespaces the bot may touch (a YAML list, or comma-separated); default: those the apps name.
    public static let kubeNamespaces = SettingKey("backends.kubernetes.namespaces", "CHATOPS_KUBE_NAMESPACES")
    public static let inferenceURL = SettingKey("backends.inference.url", "CHATOPS_INFERENCE_URL")
    public static let mlflowURL = SettingKey("backends.mlflow.url", "CHATOPS_MLFLOW_URL")

    public static let llmProvider = SettingKey("llm.provider", "CHATOPS_LLM_PROVIDER")
    public static let geminiAPIKey = SettingKey("llm.gemini.api_key", "CHATOPS_GEMINI_API_KEY", secret: true)
    public static let geminiAPIURL = SettingKey("llm.gemini.api_url", "CHATOPS_GEMINI_API_URL")
    public static let geminiModel = SettingKey("llm.gemini.model", "CHATOPS_GEMINI_MODEL")
    public static let openAIAPIURL = SettingKey("llm.openai.api_url", "CHATOPS_OPENAI_API_URL")
    public static let openAIAPIKey = SettingKey("llm.openai.api_key", "CHATOPS_OPENAI_API_KEY", secret: true)
    public static let openAIModel = SettingKey("llm.openai.model", "CHATOPS_OPENAI_MODEL")

    public static let alertmanagerToken = SettingKey("alertmanager.token", "CHATOPS_ALERTMANAGER_TOKEN", secret: true)
    public static let alertmanagerURL = SettingKey("alertmanager.url", "CHATOPS_ALERTMANAGER_URL")

    /// Every key the loader knows, in the order `config check` lists them.
    public static let all: [SettingKey] = [
        storePath, storeRetention, listen, maxConnections, maxBufferedBytes, dryRun, logFormat,
        rateLimitPerUser, rateLimitPerChannel,
        slackSigningSecret, slackBotToken, slackAPIURL, slackAllowedTeams, slackAppID,
        discordPublicKey, discordApplicationID, discordBotToken, discordAPIURL, discordAllowedGuilds,
        githubWebhookSecret, githubToken, githubAppID, githubAppPrivateKey, githubAPIURL,
        githubCommandPrefix, githubAllowedAssociations, githubMaxCommentAge,
        argocdURL, argocdToken, argocdWaitTimeout, kubeAPIURL, kubeToken, kubeCAFile, kubeconfig, kubeContext, kubeNamespaces,
        inferenceURL, mlflowURL,
        llmProvider, geminiAPIKey, geminiAPIURL, geminiModel, openAIAPIURL, openAIAPIKey, openAIModel,
        alertmanagerToken, alertmanagerURL,
    ]

    /// Built-in defaults for settings that have one (`shared/spec/environment.md`).
    public static let defaults: [String: String] = [
        storePath.path: "chatops.db",
        storeRetention.path: "90d",
        listen.path: "127.0.0.1:8080",
        maxConnections.path: "256",
        maxBufferedBytes.path: "8388608",
        rateLimitPerUser.path: "10/1m",
        rateLimitPerChannel.path: "30/1m",
        logFormat.path: "text",
        slackAPIURL.path: "https://slack.com/api",
        discordAPIURL.path: "https://discord.com/api/v10",
        githubAPIURL.path: "https://api.github.com",
        githubCommandPrefix.path: "@chatops",
        githubAllowedAssociations.path: "OWNER,MEMBER,COLLABORATOR",
        githubMaxCommentAge.path: "5m",
        argocdWaitTimeout.path: "5m",
        llmProvider.path: "gemini",
        geminiAPIURL.path: "https://generativelanguage.googleapis.com/v1beta",
        geminiModel.path: "gemini-2.5-flash-lite",
    ]
}
