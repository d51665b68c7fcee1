import ArgumentParser
import ChatOpsApp
import ChatOpsConfig
import Foundation
import Conversation
import Execution
import Logging
import PlatformHTTP
import RequestStore
import Understanding

/// `--config`, `--rules` and `--store`, shared by every subcommand that reads them. Everything
/// is built by the composition root (`ChatOpsApp`); the commands only print.
struct SetupOptions: ParsableArguments {
    @Option(name: .long, help: "Configuration file (default: $CHATOPS_CONFIG, else deploy/chatops.example.yaml).")
    var config: String?

    @Option(name: .long, help: "Rules folder (default: the configuration's rules.path, else rules/).")
    var rules: String?

    @Option(name: .long, help: "Prompts folder (default: $CHATOPS_PROMPTS, else the configuration's prompts.path, else prompts/).")
    var prompts: String?

    @Option(name: .long, help: "SQLite store (default: $CHATOPS_STORE, else the configuration's store.path, else chatops.db).")
    var store: String?

    func options(dryRun: Bool = false, logger: Logger = AppLogging.console(), preparePlatforms: Bool = false) -> AppOptions {
        AppOptions(configPath: config, rulesPath: rules, promptsPath: prompts, storePath: store, dryRun: dryRun, logger: logger,
                   preparePlatforms: preparePlatforms)
    }

    /// Runs `body` with the whole app (configuration, rules, policy, store, modules, bot), and
    /// shuts its HTTP clients down afterwards, however `body` ends.
    func withApp<T>(dryRun: Bool = false, logger: Logger = AppLogging.console(), preparePlatforms: Bool = false,
                    _ body: (ChatOpsApp) async throws -> T) async throws -> T {
        let app: ChatOpsApp
        do { app = try await ChatOpsApp.load(options(dryRun: dryRun, logger: logger, preparePlatforms: preparePlatforms)) } catch {
            throw SetupError(message: error.description)
        }
        do {
            let result = try await body(app)
            await app.shutdown()
            return result
        } catch {
            await app.shutdown()
            throw error
        }
    }

    func loadConfiguration() throws -> ChatOpsConfiguration {
        do { return try ChatOpsApp.loadConfiguration(options()) } catch { throw SetupError(message: error.description) }
    }

    func loadClassifier() throws -> (ChatOpsConfiguration, RuleClassifier) {
        let configuration = try loadConfiguration()
        do { return (configuration, try ChatOpsApp.loadClassifier(configuration, rulesPath: rules)) } catch {
            throw SetupError(message: error.description)
        }
    }

    /// Runs `body` with the rules and, when a language model is configured, the intent layer on
    /// it (no store is opened); the HTTP clients are shut down afterwards.
    /// `wanted` false: the rules alone, and no prompts are read.
    func withInference<T>(wanted: Bool = true, logger: Logger,
                          _ body: (RuleClassifier, ModelInference?) async throws -> T) async throws -> T {
        let (configuration, classifier) = try loadClassifier()
        guard wanted else { return try await body(classifier, nil) }
        let http = HTTPClientPool()
        do {
            let library = try ChatOpsApp.loadPrompts(configuration, promptsPath: prompts)
            let context = ModuleContext(configuration: configuration, http: http, logger: logger)
            let language = try ChatOpsApp.loadInference(configuration, classifier: classifier, prompts: library,
                                                        modules: .standard, context: context)
            let result = try await body(classifier, language.inference)
            await http.shutdown()
            return result
        } catch let error as AppSetupError {
            await http.shutdown()
            throw SetupError(message: error.description)
        } catch {
            await http.shutdown()
            throw error
        }
    }

    /// The store file: `--store`, else `CHATOPS_STORE` / `store.path` (applied by the loader).
    func storePath(_ configuration: ChatOpsConfiguration) -> String {
        store ?? configuration.storePath
    }

    /// Opens an existing store for reading: a missing file is an error, not a new empty store.
    func openExistingStore(_ configuration: ChatOpsConfiguration) throws -> SQLiteApprovalStore {
        let path = storePath(configuration)
        guard FileManager.default.fileExists(atPath: path) else {
            throw SetupError(message: "no store at \(path): it is created by the first `chatops say` (or the server); "
                             + "pass --store PATH or set CHATOPS_STORE to read another")
        }
        do { return try ChatOpsApp.openStore(path) } catch { throw SetupError(message: error.description) }
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
