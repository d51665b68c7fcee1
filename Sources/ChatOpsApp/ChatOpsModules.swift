import ArgoCDBackend
import CIPipelineBackend
import ChatOpsConfig
import ChatServer
import DiscordPlatform
import Execution
import GitHubPlatform
import GitOpsBackend
import Incidents
import IntentInference
import KubernetesBackend
import LanguageModels
import ModelBackend
import SlackPlatform

/// The platforms and backends a build of chatops registers. Adding one is one target and one
/// line here: everything else (settings, policy prefixes, routes, intents, `config check`, the
/// configuration reference) asks the registered modules.
public struct ChatOpsModules: Sendable {
    public var platforms: [any PlatformModule]
    public var backends: [any BackendModule]
    /// Language model providers; `llm.provider` picks one (or none).
    public var languageModels: [any LanguageModelModule]

    public init(platforms: [any PlatformModule], backends: [any BackendModule],
                languageModels: [any LanguageModelModule] = LanguageModelSelection.standard) {
        self.platforms = platforms
        self.backends = backends
        self.languageModels = languageModels
    }

    public static let standard = ChatOpsModules(
        platforms: [
            SlackModule(),
            DiscordModule(),
            GitHubModule(),
            AlertmanagerModule(),
        ],
        backends: [
            ArgoCDModule(),
            GitOpsModule(),
            KubernetesModule(),
            InferenceModule(),
            MLflowModule(),
            PipelineModule(),
            AlertmanagerSilencesModule(),
        ]
    )

    /// These and `more`.
    public func adding(platforms more: [any PlatformModule] = [], backends moreBackends: [any BackendModule] = []) -> ChatOpsModules {
        ChatOpsModules(platforms: platforms + more, backends: backends + moreBackends, languageModels: languageModels)
    }

    /// Every setting: the core's, then each module's in registration order.
    public var settings: SettingsCatalog {
        SettingsCatalog(platforms.flatMap(\.settings) + backends.flatMap(\.settings)
                        + LanguageModelSelection.settings(for: languageModels) + IntentInferenceSettings.all)
    }

    /// The prefixes policy may use for platform users and memberships.
    public var identityPrefixes: Set<String> { Set(platforms.flatMap(\.identityPrefixes)) }
}
