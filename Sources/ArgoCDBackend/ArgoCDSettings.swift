import ChatOpsConfig
import ChatOpsCore
import Execution

extension SettingKey {
    public static let argocdURL = SettingKey("backends.argocd.url", "CHATOPS_ARGOCD_URL", kind: .url, summary: "Argo CD's API base")
    public static let argocdToken = SettingKey("backends.argocd.token", "CHATOPS_ARGOCD_TOKEN", secret: true,
                                               summary: "an Argo CD API token (account with get and sync on the apps)")
    /// How long sync, deploy and rollback wait for Synced and Healthy: seconds, or `90s`, `5m`.
    public static let argocdWaitTimeout = SettingKey("backends.argocd.wait_timeout", "CHATOPS_ARGOCD_WAIT_TIMEOUT", kind: .duration,
                                                     default: "5m", summary: "how long sync, deploy and rollback wait for Synced and Healthy")
}

/// How Argo CD is reached, shared by the status/sync module and the GitOps delivery module.
public struct ArgoCDConnection: Sendable {
    public let client: ArgoCDClient
    public let waiter: ArgoCDWaiter

    public static let settings: [SettingKey] = [.argocdURL, .argocdToken, .argocdWaitTimeout]

    /// On when the URL is set; a URL without its token is a problem that names the token.
    public static func status(in context: ModuleContext) -> ModuleStatus {
        let settings = context.settings
        guard settings.isSet(.argocdURL) else { return .enabled(when: .argocdURL, in: context) }
        guard let token = settings.secret(.argocdToken)?.value, !token.isEmpty else {
            return .misconfigured("\(SettingKey.argocdURL.variable) is set, but the token is not (set \(SettingKey.argocdToken.variable), "
                                  + "\(SettingKey.argocdToken.variable)_FILE or \(SettingKey.argocdToken.path)_file)")
        }
        return .enabled(when: .argocdURL, in: context)
    }

    public init(in context: ModuleContext) {
        let settings = context.settings
        client = ArgoCDClient(baseURL: settings.value(.argocdURL) ?? "", token: settings.secret(.argocdToken)?.value ?? "",
                              client: context.http.api("Argo CD"))
        waiter = ArgoCDWaiter(client: client, timeout: settings.duration(.argocdWaitTimeout) ?? .seconds(300))
    }
}

/// Argo CD itself: the status of an app's applications, and sync with the wait until healthy.
public struct ArgoCDModule: BackendModule {
    public let name = "argocd"
    public let displayName = "Argo CD"
    public var settings: [SettingKey] { ArgoCDConnection.settings }
    public let intents: [Intent] = [.status, .sync]

    public init() {}

    public func status(in context: ModuleContext) -> ModuleStatus { ArgoCDConnection.status(in: context) }

    public func executors(in context: ModuleContext) throws -> [(any Executor, [Intent])] {
        let argocd = ArgoCDConnection(in: context)
        let catalog = context.configuration.catalog
        return [(ArgoCDStatusExecutor(client: argocd.client, catalog: catalog), [.status]),
                (ArgoCDSyncExecutor(client: argocd.client, waiter: argocd.waiter, catalog: catalog), [.sync])]
    }

    public func evidenceSources(in context: ModuleContext) -> [any EvidenceSource] {
        [ArgoCDEvidence(client: ArgoCDConnection(in: context).client, catalog: context.configuration.catalog)]
    }
}
