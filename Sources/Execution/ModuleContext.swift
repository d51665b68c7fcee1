import ChatOpsConfig
import Foundation
import Logging
import PlatformHTTP

/// What a module is built from: the configuration, the process environment (kubeconfig, the
/// in-cluster service account), the HTTP clients the composition root owns, and a logger.
public struct ModuleContext: Sendable {
    public let configuration: ChatOpsConfiguration
    public let environment: [String: String]
    public let http: HTTPClientPool
    public let logger: Logger
    /// The AI analyst, when a language model is configured: backends add its analysis to their evidence.
    public let analyst: (any Analyst)?
    /// What the other modules know about an app in an environment (Argo CD's state, the recent
    /// changes): `diagnose` shows it and its analysis reads it.
    public let evidence: [any EvidenceSource]
    /// Incidents' alert groups (for silences), when the store holds incidents.
    public let alertGroups: (any AlertGroupLookup)?

    public init(configuration: ChatOpsConfiguration, environment: [String: String] = ProcessInfo.processInfo.environment,
                http: HTTPClientPool, logger: Logger, analyst: (any Analyst)? = nil, evidence: [any EvidenceSource] = [],
                alertGroups: (any AlertGroupLookup)? = nil) {
        self.configuration = configuration
        self.environment = environment
        self.http = http
        self.logger = logger
        self.analyst = analyst
        self.evidence = evidence
        self.alertGroups = alertGroups
    }

    /// This context with `analyst`.
    public func with(analyst: (any Analyst)?) -> ModuleContext {
        ModuleContext(configuration: configuration, environment: environment, http: http, logger: logger, analyst: analyst,
                      evidence: evidence, alertGroups: alertGroups)
    }

    /// This context with `evidence`.
    public func with(evidence: [any EvidenceSource]) -> ModuleContext {
        ModuleContext(configuration: configuration, environment: environment, http: http, logger: logger, analyst: analyst,
                      evidence: evidence, alertGroups: alertGroups)
    }

    /// This context with `alertGroups`.
    public func with(alertGroups: (any AlertGroupLookup)?) -> ModuleContext {
        ModuleContext(configuration: configuration, environment: environment, http: http, logger: logger, analyst: analyst,
                      evidence: evidence, alertGroups: alertGroups)
    }

    public var settings: Settings { configuration.settings }
}
