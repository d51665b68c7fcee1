import Approvals
import ChatOpsConfig
import ChatOpsCore
import Execution

extension SettingKey {
    public static let alertmanagerURL = SettingKey("alertmanager.url", "CHATOPS_ALERTMANAGER_URL", kind: .url,
                                                   summary: "Alertmanager's API (silences from incident threads)")
    public static let alertmanagerAPIToken = SettingKey("alertmanager.api_token", "CHATOPS_ALERTMANAGER_API_TOKEN", secret: true,
                                                        summary: "a bearer token for Alertmanager's API, when a proxy wants one")
}

/// Alertmanager's silences: an incident's Silence buttons. On when `alertmanager.url` is set.
public struct AlertmanagerSilencesModule: BackendModule {
    public let name = "alertmanager-silences"
    public let displayName = "Alertmanager"
    public var settings: [SettingKey] { [.alertmanagerURL, .alertmanagerAPIToken] }
    public let intents: [Intent] = [.silence]

    public init() {}

    public func status(in context: ModuleContext) -> ModuleStatus { .enabled(when: .alertmanagerURL, in: context) }

    public func executors(in context: ModuleContext) throws -> [(any Executor, [Intent])] {
        guard let groups = context.alertGroups else { return [] }
        let settings = context.settings
        let silences = AlertmanagerSilences(baseURL: settings.value(.alertmanagerURL) ?? "", token: settings.secret(.alertmanagerAPIToken)?.value,
                                            client: context.http.api("Alertmanager"))
        return [(SilenceExecutor(silences: silences, groups: groups), [.silence])]
    }
}

/// The store's incidents as alert groups.
public struct StoreAlertGroups: AlertGroupLookup {
    let store: any IncidentStore

    public init(store: any IncidentStore) {
        self.store = store
    }

    public func alertGroup(incident: Int64) async throws -> AlertGroup? {
        guard let found = try await store.incident(id: incident) else { return nil }
        let labels = found.groupLabels.isEmpty ? found.commonLabels : found.groupLabels
        return AlertGroup(incidentID: found.id, name: IncidentMessage.alertName(found), labels: labels, isOpen: found.state == .open)
    }
}
