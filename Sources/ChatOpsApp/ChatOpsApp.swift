import Approvals
import ChatOpsConfig
import ChatOpsCore
import ChatServer
import Conversation
import Execution
import Foundation
import Incidents
import IntentInference
import LanguageModels
import Logging
import PlatformHTTP
import PromptTemplates
import RequestStore
import RuleEngine
import Understanding

/// The composition root: the one place that builds chatops. It loads the configuration (accepting
/// the registered modules' settings), the rules and the policy, opens the store, owns the HTTP
/// clients, asks each module whether it is on, registers the backends' executors (or executors
/// that say what to configure), builds the bot, and, for `serve`, the platforms' adapters and the
/// server. `serve`, `say`, `chat` and the tests all start here.
public final class ChatOpsApp: Sendable {
    public let configuration: ChatOpsConfiguration
    public let classifier: RuleClassifier
    public let policy: Policy
    public let store: any ApprovalStore
    /// Every HTTP client the process uses; shut down by `shutdown()`.
    public let http: HTTPClientPool
    public let modules: ChatOpsModules
    public let context: ModuleContext
    public let bot: ChatBot
    /// Each module and whether it runs, in registration order: `config check` prints them.
    public let statuses: [ModuleReport]
    /// The clock the bot and the adapters read (`AppOptions.now`).
    public let now: @Sendable () -> Date
    /// The prompts, checked at load.
    public let prompts: PromptLibrary
    /// The chosen language model, guarded; nil: rules alone, analyses with evidence only.
    public let languageModel: GuardedModel?
    /// What the last SIGHUP reload did.
    public let reloads = ReloadRecord()

    init(configuration: ChatOpsConfiguration, classifier: RuleClassifier, policy: Policy, store: any ApprovalStore,
         http: HTTPClientPool, modules: ChatOpsModules, context: ModuleContext, bot: ChatBot, statuses: [ModuleReport],
         now: @escaping @Sendable () -> Date, prompts: PromptLibrary, languageModel: GuardedModel?) {
        self.configuration = configuration
        self.classifier = classifier
        self.policy = policy
        self.store = store
        self.http = http
        self.modules = modules
        self.context = context
        self.bot = bot
        self.statuses = statuses
        self.now = now
        self.prompts = prompts
        self.languageModel = languageModel
    }

    /// Builds everything but the server. Errors are worded for the operator and name the file,
    /// line and key, or the variable.
    public static func load(_ options: AppOptions, modules: ChatOpsModules = .standard) async throws(AppSetupError) -> ChatOpsApp {
        MetricsExport.start()
        let configuration = try loadConfiguration(options, modules: modules)
        let classifier = try loadClassifier(configuration, rulesPath: options.rulesPath)
        let prompts = try loadPrompts(configuration, promptsPath: options.promptsPath)
        var policy = try loadPolicy(configuration, modules: modules)
        let store: any ApprovalStore
        if let given = options.store { store = given } else { store = try openStore(options.storePath ?? configuration.storePath) }
        if let sqlite = store as? SQLiteApprovalStore {
            // The chain head, recorded outside the store, shows later whether its newest entries were cut off.
            let logger = options.logger, metrics = AuditHeadMetrics()
            sqlite.observeAuditHead { seq, hash in
                logger.info("audit head", metadata: ["audit_seq": "\(seq)", "audit_hash": "\(hash)"])
                metrics.observe(seq, hash: hash)
            }
        }
        let http = HTTPClientPool()
        var context = ModuleContext(configuration: configuration, environment: options.environment, http: http, logger: options.logger)
        var statuses: [ModuleReport] = []
        for platform in modules.platforms {
            let status = platform.status(in: context)
            statuses.append(ModuleReport(name: platform.name, kind: .platform, status: status))
            guard options.preparePlatforms, case .enabled = status else { continue }
            do { policy = try await platform.prepare(policy, store: store, in: context) } catch {
                await http.shutdown()
                throw AppSetupError("configuration error: \(error)")
            }
        }
        let language: (model: GuardedModel?, inference: ModelInference?, report: ModuleReport)
        do {
            language = try loadInference(configuration, classifier: classifier, prompts: prompts, modules: modules, context: context)
        } catch {
            await http.shutdown()
            throw error
        }
        statuses.append(language.report)
        context = context.with(analyst: language.model.map {
            RecordingAnalyst(ModelAnalyst(model: $0, prompts: prompts, logger: options.logger), store: store, logger: options.logger,
                             now: options.now)
        })
        context = context.with(evidence: evidenceSources(modules: modules, store: store, context: context, now: options.now))
            .with(alertGroups: StoreAlertGroups(store: store))
        let receiving = statuses.contains { $0.name == "alertmanager" && $0.status.isEnabled }
        let (registry, backendStatuses) = registry(configuration: configuration, modules: modules, context: context,
                                                   overrides: [(IncidentListExecutor(store: store, receiving: receiving, now: options.now),
                                                                [.incidents])] + options.executorOverrides)
        statuses += backendStatuses
        let bot = ChatBot(classifier: classifier, policy: policy, catalog: configuration.catalog, store: store, registry: registry,
                          isDryRun: options.dryRun || configuration.isDryRun,
                          crashpoint: Crashpoint(armed: options.environment["CHATOPS_CRASHPOINT"]),
                          limiter: options.limiter ?? CommandRateLimiter(settings: configuration.settings),
                          inference: language.inference, logger: options.logger, now: options.now)
        return ChatOpsApp(configuration: configuration, classifier: classifier, policy: policy, store: store, http: http,
                          modules: modules, context: context, bot: bot, statuses: statuses, now: options.now, prompts: prompts,
                          languageModel: language.model)
    }

    /// The executor registry: each backend module's executors when it is on, else, for its
    /// intents, an executor that says what to set or fix; then the overrides.
    public static func registry(configuration: ChatOpsConfiguration, modules: ChatOpsModules, context: ModuleContext,
                                overrides: [(any Executor, [Intent])] = []) -> (ExecutorRegistry, [ModuleReport]) {
        var registry = ExecutorRegistry(catalog: configuration.catalog)
        var reports: [ModuleReport] = []
        for backend in modules.backends {
            var status = backend.status(in: context)
            switch status {
            case .enabled:
                do {
                    for (executor, intents) in try backend.executors(in: context) {
                        registry.register(MeasuredExecutor(backend: backend.name, executor), for: intents)
                    }
                } catch {
                    status = .misconfigured("\(error)")
                    registry.register(MeasuredExecutor(backend: backend.name,
                                                       BackendProblemExecutor(backend: backend.displayName, problem: .misconfigured("\(error)"))),
                                      for: backend.intents)
                }
            case .disabled(let hint):
                registry.register(MeasuredExecutor(backend: backend.name,
                                                   BackendProblemExecutor(backend: backend.displayName, problem: .notConfigured(hint: hint))),
                                  for: backend.intents)
            case .misconfigured(let problem):
                registry.register(MeasuredExecutor(backend: backend.name,
                                                   BackendProblemExecutor(backend: backend.displayName, problem: .misconfigured(problem))),
                                  for: backend.intents)
            }
            reports.append(ModuleReport(name: backend.name, kind: .backend, status: status))
        }
        for (executor, intents) in overrides { registry.register(executor, for: intents) }
        return (registry, reports)
    }

    /// What the enabled backends can tell about an app for another's diagnosis, then the changes
    /// the store recorded.
    static func evidenceSources(modules: ChatOpsModules, store: any ApprovalStore, context: ModuleContext,
                                now: @escaping @Sendable () -> Date) -> [any EvidenceSource] {
        var sources: [any EvidenceSource] = []
        for backend in modules.backends {
            guard case .enabled = backend.status(in: context) else { continue }
            sources += backend.evidenceSources(in: context)
        }
        return sources + [RecentChangesEvidence(store: store, now: now)]
    }

    /// The HTTP server with every platform that is on. A platform set up in part stops here,
    /// naming the setting to add.
    public func server(listen: ListenAddress, gate: InboundGate? = nil, sweepInterval: Duration = .seconds(15)) throws(AppSetupError)
        -> ChatServer {
        let work = InFlightWork()
        let router = ReplyRouter()
        let platformContext = PlatformContext(module: context, bot: bot, work: work, router: router, events: InboundEvents(), now: now)
        var adapters: [any PlatformAdapter] = []
        for platform in modules.platforms {
            switch platform.status(in: context) {
            case .enabled:
                do { adapters.append(try platform.adapter(in: platformContext)) } catch {
                    throw AppSetupError("configuration error: \(error)")
                }
            case .disabled:
                continue
            case .misconfigured(let problem):
                throw AppSetupError("configuration error: \(problem)")
            }
        }
        let settings = configuration.settings
        let gate = gate ?? InboundGate(maxConnections: settings.integer(.maxConnections) ?? 256,
                                       maxBufferedBytes: settings.integer(.maxBufferedBytes) ?? 8 << 20)
        let bot = bot
        return ChatServer(bot: bot, adapters: adapters, host: listen.host, port: listen.port, work: work, router: router, gate: gate,
                          readiness: { await bot.readinessProblems() }, readinessNotes: { [reloads] in reloads.notes },
                          metrics: { MetricsExport.text() }, sweepInterval: sweepInterval,
                          retention: settings.duration(.storeRetention), logger: context.logger)
    }

    /// Shuts the HTTP clients down. Call once the app's work is done.
    public func shutdown() async {
        await http.shutdown()
    }
}

/// One module and whether it runs.
public struct ModuleReport: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable { case platform, backend, languageModel = "language model" }
    public let name: String
    public let kind: Kind
    public let status: ModuleStatus

    public init(name: String, kind: Kind, status: ModuleStatus) {
        self.name = name
        self.kind = kind
        self.status = status
    }
}

/// A setup problem, worded for the operator: the CLI prints it and exits 2.
public struct AppSetupError: Error, CustomStringConvertible, Sendable {
    public let description: String
    public init(_ description: String) { self.description = description }
}
