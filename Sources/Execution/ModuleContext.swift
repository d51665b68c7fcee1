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

    public init(configuration: ChatOpsConfiguration, environment: [String: String] = ProcessInfo.processInfo.environment,
                http: HTTPClientPool, logger: Logger) {
        self.configuration = configuration
        self.environment = environment
        self.http = http
        self.logger = logger
    }

    public var settings: Settings { configuration.settings }
}
