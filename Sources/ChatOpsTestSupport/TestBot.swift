import Approvals
import ChatOpsApp
import ChatOpsConfig
import ChatOpsCore
import Conversation
import Execution
import Foundation
import Logging
import RequestStore
import RuleEngine
import Synchronization
import Understanding

/// A clock tests move by hand.
public final class TestClock: Sendable {
    private let current: Mutex<Date>

    public init(_ start: Date = Date(timeIntervalSince1970: 1_790_000_000)) { current = Mutex(start) }

    public var now: Date { current.withLock { $0 } }
    public func advance(_ seconds: TimeInterval) { current.withLock { $0 += seconds } }
}

/// The bot as tests of every layer above the conversation need it: the shipped rules, the example
/// configuration (with platform ids added to its people), an in-memory store unless one is given.
public enum TestBot {
    public static let rules: RuleSet = try! RuleFileLoader().load(directory: RepositoryPaths.rules)

    /// The example configuration with `identities` added to its people (`["alice": "slack:W111"]`)
    /// and `environment` as the process environment.
    public static func configuration(identities: [String: String] = [:],
                                     environment: [String: String] = [:]) throws -> ChatOpsConfiguration {
        try ConfigurationLoader(environment: environment, settings: ChatOpsModules.standard.settings)
            .parse(text: try configurationText(identities: identities), file: RepositoryPaths.exampleConfig)
    }

    /// The example configuration's text with `identities` added to its people (`["alice":
    /// "slack:W111, discord:42"]`).
    public static func configurationText(identities: [String: String] = [:]) throws -> String {
        var text = try String(contentsOfFile: RepositoryPaths.exampleConfig, encoding: .utf8)
        for (person, id) in identities {
            let line = "\(person): [console:\(person)]"
            guard text.contains(line) else { throw TestBotError("the example configuration has no identity line '\(line)'") }
            text = text.replacingOccurrences(of: line, with: "\(person): [console:\(person), \(id)]")
        }
        return text
    }

    /// The policy of `configuration`, with the standard platforms' id prefixes.
    public static func policy(_ configuration: ChatOpsConfiguration) throws -> Policy {
        try PolicySection.parse(configuration.policy, catalog: configuration.catalog,
                                identityPrefixes: ChatOpsModules.standard.identityPrefixes)
    }

    public static func make(configuration: ChatOpsConfiguration, executors: [(any Executor, [Intent])] = [],
                            store: (any ApprovalStore)? = nil, isDryRun: Bool = false,
                            limiter: CommandRateLimiter = .unlimited,
                            now: @escaping @Sendable () -> Date = { Date() }) throws -> ChatBot {
        let context = ModuleContext(configuration: configuration, environment: [:], http: TestHTTP.pool,
                                    logger: Logger(label: "test-bot"))
        let (registry, _) = ChatOpsApp.registry(configuration: configuration, modules: .standard, context: context, overrides: executors)
        return ChatBot(classifier: RuleClassifier(rules: rules, configuration: configuration),
                       policy: try policy(configuration),
                       catalog: configuration.catalog, store: try store ?? SQLiteApprovalStore.inMemory(),
                       registry: registry, isDryRun: isDryRun, limiter: limiter, now: now)
    }
}

public struct TestBotError: Error, CustomStringConvertible {
    public let description: String
    init(_ description: String) { self.description = description }
}
