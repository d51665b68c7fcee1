import ChatOpsConfig
import ChatOpsCore

/// A system the bot acts on (Argo CD, Kubernetes, the CI pipeline…), described by itself: the
/// settings it reads, the intents it serves, how it is turned on, and its executors. The
/// composition root registers modules; nothing below it lists them.
public protocol BackendModule: Sendable {
    /// A short name for logs and `config check` (`argocd`).
    var name: String { get }
    /// How people call it (`Argo CD`).
    var displayName: String { get }
    /// Every setting it reads; the configuration accepts these keys.
    var settings: [SettingKey] { get }
    /// The intents it serves, whether or not it is configured: while it is not, they answer
    /// with what to set.
    var intents: [Intent] { get }
    /// Whether it is on, and what turned it on (or what is missing).
    func status(in context: ModuleContext) -> ModuleStatus
    /// Its executors and the intents each serves. Called only when `status` is `.enabled`.
    func executors(in context: ModuleContext) throws -> [(any Executor, [Intent])]
    /// What it can tell about an app in an environment for another module's diagnosis (Argo CD:
    /// the application's state and last syncs). Called only when `status` is `.enabled`.
    func evidenceSources(in context: ModuleContext) -> [any EvidenceSource]
}

extension BackendModule {
    public func evidenceSources(in context: ModuleContext) -> [any EvidenceSource] { [] }
}

/// Whether a module runs, in words `config check` prints.
public enum ModuleStatus: Sendable, Hashable {
    /// On, because of this setting (`backends.argocd.url (env CHATOPS_ARGOCD_URL)`).
    case enabled(by: String)
    /// Off: what to set to turn it on.
    case disabled(hint: String)
    /// Set up in part, or wrongly: the exact problem.
    case misconfigured(String)

    public var isEnabled: Bool {
        if case .enabled = self { return true }
        return false
    }

    /// `enabled by X`, `off (set …)`, `misconfigured: …`.
    public var description: String {
        switch self {
        case .enabled(let by): return "enabled by \(by)"
        case .disabled(let hint): return "off (\(hint))"
        case .misconfigured(let problem): return "misconfigured: \(problem)"
        }
    }

    /// The usual rule: on when `key` is set, off with a hint naming it otherwise.
    public static func enabled(when key: SettingKey, in context: ModuleContext) -> ModuleStatus {
        let settings = context.configuration.settings
        if settings.isSet(key) { return .enabled(by: "\(key.path) (\(settings.origin(key)))") }
        return .disabled(hint: "set \(key.path) in \(context.configuration.source), or \(key.variable)")
    }
}
