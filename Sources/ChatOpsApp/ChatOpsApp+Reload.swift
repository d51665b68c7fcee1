import Conversation
import Execution
import Foundation
import Incidents
import Logging
import Synchronization

extension ChatOpsApp {
    /// SIGHUP: reads the configuration, the rules and the policy again and, when all of them load,
    /// puts them in force with executors built from the new configuration. When anything is wrong
    /// the running set stays, and the log and `/readyz` say why. What the process was started with
    /// stays too: the platforms' credentials and routes, the listen address, the store, the
    /// language model (restart for those).
    @discardableResult
    public func reload(_ options: AppOptions) async -> Bool {
        do {
            let configuration = try Self.loadConfiguration(options, modules: modules)
            let classifier = try Self.loadClassifier(configuration, rulesPath: options.rulesPath)
            var policy = try Self.loadPolicy(configuration, modules: modules)
            var fresh = ModuleContext(configuration: configuration, environment: context.environment, http: http, logger: context.logger,
                                      analyst: context.analyst, evidence: [], alertGroups: context.alertGroups)
            for platform in modules.platforms {
                guard options.preparePlatforms, case .enabled = platform.status(in: fresh) else { continue }
                do { policy = try await platform.prepare(policy, store: store, in: fresh) } catch {
                    throw AppSetupError("configuration error: \(error)")
                }
            }
            fresh = fresh.with(evidence: Self.evidenceSources(modules: modules, store: store, context: fresh, now: now))
            let receiving = statuses.contains { $0.name == "alertmanager" && $0.status.isEnabled }
            let (registry, _) = Self.registry(configuration: configuration, modules: modules, context: fresh,
                                              overrides: [(IncidentListExecutor(store: store, receiving: receiving, now: now), [.incidents])]
                                                  + options.executorOverrides)
            bot.reload(classifier: classifier, policy: policy, catalog: configuration.catalog, registry: registry)
            let summary = "\(classifier.rules.rules.count) rules, \(configuration.catalog.apps.count) apps"
            reloads.succeeded(at: now(), summary: summary)
            options.logger.notice("reloaded the configuration and rules", metadata: ["rules": "\(classifier.rules.rules.count)",
                                                                                    "apps": "\(configuration.catalog.apps.count)"])
            return true
        } catch {
            reloads.refused(at: now(), reason: "\(error)")
            options.logger.error("reload refused; the previous configuration and rules stay in force", metadata: ["reason": "\(error)"])
            return false
        }
    }
}

/// What the last reload did, for `/readyz`.
public final class ReloadRecord: Sendable {
    private let last = Mutex<(at: Date, refused: String?, summary: String?)?>(nil)

    public init() {}

    func succeeded(at: Date, summary: String) { last.withLock { $0 = (at, nil, summary) } }
    func refused(at: Date, reason: String) { last.withLock { $0 = (at, reason, nil) } }

    /// Lines `/readyz` adds under `ready`: none until a reload happened.
    public var notes: [String] {
        guard let last = last.withLock({ $0 }) else { return [] }
        let when = ISO8601DateFormatter().string(from: last.at)
        if let reason = last.refused {
            return ["reload at \(when) refused, the previous configuration and rules stay in force: \(reason)"]
        }
        return ["reloaded at \(when): \(last.summary ?? "")"]
    }
}
