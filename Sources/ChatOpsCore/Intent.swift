/// An intent from the catalog in `shared/spec/intents.md`. Raw values are the stable wire names.
public enum Intent: String, CaseIterable, Sendable, Codable, Hashable {
    case deploy, promote, rollback, sync, status, scale, restart, logs, diagnose
    case approve, deny, predict, drift, triage, retrain, pipeline, incidents
    case freeze, unfreeze, help
    /// Not in the catalog: an incident's Silence button (and `silence 1h` typed in its thread)
    /// mutes its alert group in Alertmanager. No rule or model produces it, `parse` never shows it.
    case silence
    /// Not in the catalog: a pipeline failure's Re-run button (and `rerun` typed in its thread)
    /// re-runs the failed jobs of a GitHub Actions run of an app's pipeline.
    case rerun

    /// The intents of `shared/spec/intents.md`: what rules, the model and `parse` may produce.
    public static var catalog: [Intent] { allCases.filter { !$0.isInternal } }

    /// Made only by the bot's own buttons and thread words, never read from text by rules or a model.
    public var isInternal: Bool { self == .silence || self == .rerun }

    /// Whether carrying it out changes something (a system, a request's fate, or a freeze).
    /// Mutating intents get stricter screening and, by policy, approvals.
    public var isMutating: Bool {
        switch self {
        case .deploy, .promote, .rollback, .sync, .scale, .restart, .retrain,
             .approve, .deny, .freeze, .unfreeze, .silence, .rerun:
            return true
        case .status, .logs, .diagnose, .predict, .drift, .triage, .pipeline, .incidents, .help:
            return false
        }
    }

    /// A change to a target system (Argo CD, Kubernetes, the pipeline…), as opposed to the bot's
    /// own switches (approve, deny, freeze, unfreeze): what a freeze stops.
    public var actsOnTargetSystem: Bool {
        isMutating && ![.approve, .deny, .freeze, .unfreeze].contains(self)
    }

    /// The slots this intent takes, in catalog order.
    public var slots: [SlotSpec] { IntentCatalog.slots(of: self) }

    /// The spec of one slot, if this intent takes it.
    public func slot(named name: String) -> SlotSpec? {
        slots.first { $0.name == name }
    }
}
