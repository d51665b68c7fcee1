import Approvals
import ChatOpsConfig
import Foundation
import RequestStore
import RuleEngine
import Understanding

extension ChatOpsApp {
    /// The configuration, accepting the core's and the registered modules' settings.
    public static func loadConfiguration(_ options: AppOptions, modules: ChatOpsModules = .standard) throws(AppSetupError)
        -> ChatOpsConfiguration {
        do {
            return try ConfigurationLoader(environment: options.environment, settings: modules.settings).load(path: options.configPath)
        } catch {
            throw AppSetupError("configuration error: \(error)")
        }
    }

    public static func loadClassifier(_ configuration: ChatOpsConfiguration, rulesPath: String?) throws(AppSetupError) -> RuleClassifier {
        do {
            return RuleClassifier(rules: try RuleFileLoader().load(directory: rulesPath ?? configuration.rulesPath),
                                  configuration: configuration)
        } catch {
            throw AppSetupError("rule file error:\n\(error)")
        }
    }

    /// The policy, with the platform prefixes the registered platforms use.
    public static func loadPolicy(_ configuration: ChatOpsConfiguration, modules: ChatOpsModules = .standard) throws(AppSetupError)
        -> Policy {
        do {
            return try PolicySection.parse(configuration.policy, catalog: configuration.catalog, identityPrefixes: modules.identityPrefixes)
        } catch {
            throw AppSetupError("configuration error: \(error)")
        }
    }

    /// Opens (creating if needed) the store file.
    public static func openStore(_ path: String) throws(AppSetupError) -> SQLiteApprovalStore {
        do { return try SQLiteApprovalStore(path: path) } catch {
            throw AppSetupError("store error: \(error)")
        }
    }
}
