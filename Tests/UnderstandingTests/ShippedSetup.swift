import ChatOpsApp
import ChatOpsConfig
import ChatOpsTestSupport
import RuleEngine
import Understanding

/// The shipped rules and example configuration, loaded once for all tests.
enum ShippedSetup {
    static let configuration: ChatOpsConfiguration = {
        try! ConfigurationLoader(environment: [:], settings: ChatOpsModules.standard.settings).load(path: RepositoryPaths.exampleConfig)
    }()

    static let classifier: RuleClassifier = {
        let rules = try! RuleFileLoader().load(directory: RepositoryPaths.rules)
        return RuleClassifier(rules: rules, configuration: configuration)
    }()
}
