/// An intent from the catalog in `shared/spec/intents.md`. Raw values are the stable wire names.
public enum Intent: String, CaseIterable, Sendable, Codable, Hashable {
    case deploy, promote, rollback, sync, status, scale, restart, logs, diagnose
    case approve, deny, predict, drift, triage, retrain, pipeline, incidents
    case freeze, unfreeze, help

    /// Whether carrying it out changes something (a system, a request's fate, or a freeze).
    /// Mutating intents get stricter screening and, by policy, approvals.
    public var isMutating: Bool {
        switch self {
        case .deploy, .promote, .rollback, .sync, .scale, .restart, .retrain,
             .approve, .deny, .freeze, .unfreeze:
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
