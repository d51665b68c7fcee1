import ArgumentParser
import ChatOpsConfig
import Foundation
import RuleEngine
import Understanding

/// `--config`, `--rules` and `--store`, shared by every subcommand that reads them.
struct SetupOptions: ParsableArguments {
    @Option(name: .long, help: "Configuration file (default: $CHATOPS_CONFIG, else deploy/chatops.example.yaml).")
    var config: String?

    @Option(name: .long, help: "Rules folder (default: the configuration's rules.path, else rules/).")
    var rules: String?

    @Option(name: .long, help: "SQLite store (default: $CHATOPS_STORE, else the configuration's store.path, else chatops.db).")
    var store: String?

    func loadConfiguration() throws -> ChatOpsConfiguration {
        do { return try ConfigurationLoader().load(path: config) } catch {
            throw SetupError(message: "configuration error: \(error)")
        }
    }

    func loadRules(for configuration: ChatOpsConfiguration) throws -> RuleSet {
        do { return try RuleFileLoader().load(directory: rules ?? configuration.rulesPath) } catch {
            throw SetupError(message: "rule file error:\n\(error)")
        }
    }

    func loadClassifier() throws -> (ChatOpsConfiguration, RuleClassifier) {
        let configuration = try loadConfiguration()
        let ruleSet = try loadRules(for: configuration)
        return (configuration, RuleClassifier(rules: ruleSet, configuration: configuration))
    }
}

/// A setup problem: printed to standard error as is, exit status 2.
struct SetupError: Error, CustomStringConvertible {
    let message: String
    var description: String { message }
}

enum Console {
    static func error(_ text: String) {
        FileHandle.standardError.write(Data((text.hasSuffix("\n") ? text : text + "\n").utf8))
    }
}

extension ParsableCommand {
    /// Runs `body`, turning a `SetupError` into its message on standard error and exit status 2.
    func reportingSetupErrors(_ body: () throws -> Void) throws {
        do { try body() } catch let error as SetupError {
            Console.error(error.message)
            throw ExitCode(2)
        }
    }

    func reportingSetupErrors(_ body: () async throws -> Void) async throws {
        do { try await body() } catch let error as SetupError {
            Console.error(error.message)
            throw ExitCode(2)
        }
    }
}
