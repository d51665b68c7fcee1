import ChatOpsConfig
import ChatOpsCore
import Foundation

/// Validates raw captures against strict shapes and the configuration's catalog, and turns them
/// into typed, canonical values. Anything not plainly valid is refused.
public struct SlotNormalizer: Sendable {
    public let catalog: Catalog
    public let defaults: Defaults

    public init(catalog: Catalog, defaults: Defaults) {
        self.catalog = catalog
        self.defaults = defaults
    }

    /// Normalises every captured slot, fills `app`/`model` from the defaults, and checks that
    /// the intent's required slots are there.
    public func normalize(_ raw: [String: String], intent: Intent, channel: String?) -> Result<[String: SlotValue], SlotProblem> {
        var raw = raw
        // "roll back to the previous version" is a rollback with no version: the previous one.
        if intent == .rollback, let to = raw["to"], Self.previousVersionWords.contains(to.lowercased()) { raw["to"] = nil }
        var unplaced: String?
        if let namespace = raw.removeValue(forKey: "namespace") {
            switch environment(ofNamespace: namespace, app: raw["app"], said: raw["env"], channel: channel) {
            case .success(let env?): raw["env"] = env
            case .success(nil): unplaced = namespace
            case .failure(let problem): return .failure(problem)
            }
        }
        var out: [String: SlotValue] = [:]
        for spec in intent.slots {
            guard let text = raw[spec.name] else { continue }
            switch value(text, for: spec, raw: raw) {
            case .success(let v): out[spec.name] = v
            case .failure(let problem): return .failure(problem)
            }
        }
        fillDefaults(&out, intent: intent, channel: channel)
        if let missing = intent.slots.first(where: { $0.isRequired && out[$0.name] == nil }) {
            var message = "'\(intent.rawValue)' needs \(Self.describe(missing))"
            if missing.name == "env", let unplaced, let app = out["app"]?.stringValue.flatMap(catalog.app(named:)) {
                message += ": namespace \(unplaced) is not one the configuration runs \(app.name) in (\(namespaces(of: app)))"
            }
            return .failure(SlotProblem(slot: missing.name, message: message))
        }
        return .success(out)
    }

    /// The environment a Kubernetes namespace (`-n ml-prod`) places the app in, from the catalog:
    /// nil when no environment of the app has that namespace (a namespace the configuration does
    /// not know says nothing: the reply asks for the environment); refused when the namespace is
    /// another app's (kubectl would not find the deployment there) or contradicts the environment
    /// also said.
    func environment(ofNamespace namespace: String, app: String?, said: String?, channel: String?) -> Result<String?, SlotProblem> {
        guard let app = (app.flatMap { Self.catalogName($0, catalog.app(named:)) })
                ?? defaults.app(forChannel: channel).flatMap(catalog.app(named:)) else { return .success(nil) }
        let envs = catalog.environmentNames.filter { app.environments[$0]?.namespace == namespace }
        guard envs.count == 1, let env = envs.first else {
            if envs.isEmpty, let owner = catalog.appNames.compactMap(catalog.app(named:)).first(where: { other in
                other.name != app.name && other.environments.values.contains { $0.namespace == namespace }
            }) {
                return .failure(.init(slot: "env", message: "namespace \(namespace) holds \(owner.name), not \(app.name); "
                                      + "\(app.name) runs in " + namespaces(of: app)))
            }
            return .success(nil)
        }
        if let said, catalog.environment(named: said)?.name != env {
            return .failure(.init(slot: "env", message: "namespace \(namespace) is \(app.name)'s \(env), not \(said)"))
        }
        return .success(env)
    }

    /// `ml-dev (dev), ml-staging (staging), ml-prod (prod)`.
    func namespaces(of app: AppConfig) -> String {
        catalog.environmentNames.compactMap { env in app.environments[env]?.namespace.map { "\($0) (\(env))" } }
            .joined(separator: ", ")
    }

    func fillDefaults(_ slots: inout [String: SlotValue], intent: Intent, channel: String?) {
        guard let app = defaults.app(forChannel: channel) else { return }
        if intent.slot(named: "app") != nil, slots["app"] == nil { slots["app"] = .string(app) }
        if intent.slot(named: "model") != nil, slots["model"] == nil, catalog.model(named: app) != nil {
            slots["model"] = .string(app)
        }
    }

    func value(_ text: String, for spec: SlotSpec, raw: [String: String]) -> Result<SlotValue, SlotProblem> {
        let name = spec.name
        switch spec.kind {
        case .environment:
            guard ASCIIName.isIdentifier(text), let env = catalog.environment(named: text) else {
                return .failure(.init(slot: name, message: "unknown environment '\(text)'; known environments: "
                                      + catalog.environmentNames.joined(separator: ", ")))
            }
            return .success(.string(env.name))
        case .app:
            guard let app = Self.catalogName(text, catalog.app(named:)) else {
                return .failure(.init(slot: name, message: "unknown app '\(text)'; known apps: "
                                      + catalog.appNames.joined(separator: ", ")))
            }
            return .success(.string(app.name))
        case .model:
            guard let app = Self.catalogName(text, catalog.model(named:)) else {
                return .failure(.init(slot: name, message: "unknown model '\(text)'; known models: "
                                      + catalog.modelNames.joined(separator: ", ")))
            }
            return .success(.string(app.name))
        case .version:
            guard SlotShapes.isVersion(text) else {
                return .failure(.init(slot: name, message: "'\(text)' is not a version (write it like v2.3 or 2.3.1)"))
            }
            return .success(.string(text))
        case .integer:
            return integer(text, slot: name)
        case .runID:
            guard let id = SlotShapes.runID(text) else {
                return .failure(.init(slot: name, message: "'\(text)' is not a CI run id (the number in …/actions/runs/NUMBER)"))
            }
            return .success(.string(id))
        case .numbers:
            return numbers(text, slot: name, model: raw["model"])
        case .text:
            guard let clean = SlotShapes.freeText(text) else {
                return .failure(.init(slot: name, message: "the \(name) holds characters a command never needs "
                                      + "(; | & $ < > \\ or control characters): rephrase it"))
            }
            return .success(.string(clean))
        case .keyword:
            return keyword(text, slot: name)
        }
    }

    /// An app or model by its name or alias, also written as words ("iris classifier" for
    /// `iris-classifier`): at most three ASCII words joined by dashes, nothing else.
    static func catalogName(_ text: String, _ find: (String) -> AppConfig?) -> AppConfig? {
        if ASCIIName.isIdentifier(text) { return find(text) }
        let words = text.split(separator: " ")
        guard (2...3).contains(words.count) else { return nil }
        let joined = words.joined(separator: "-")
        return ASCIIName.isIdentifier(joined) ? find(joined) : nil
    }

    static let previousVersionWords: Set<String> = ["previous", "the previous", "previous version", "the previous version", "last",
                                                     "the last", "last version", "the last version", "prior", "prior version",
                                                     "last good", "last good version", "the last good version"]

    static let integerBounds: [String: ClosedRange<Int>] = ["replicas": 0...100, "lines": 1...5000, "request": 1...999_999_999,
                                                            "incident": 1...999_999_999]

    func integer(_ text: String, slot: String) -> Result<SlotValue, SlotProblem> {
        let digits = text.hasPrefix("#") ? String(text.dropFirst()) : text
        guard SlotShapes.isDigits(digits, max: 9), let n = Int(digits) else {
            return .failure(.init(slot: slot, message: "'\(text)' is not a whole number"))
        }
        if let bounds = Self.integerBounds[slot], !bounds.contains(n) {
            return .failure(.init(slot: slot, message: "\(slot) must be between \(bounds.lowerBound) and \(bounds.upperBound), not \(n)"))
        }
        return .success(.integer(n))
    }

    func numbers(_ text: String, slot: String, model: String?) -> Result<SlotValue, SlotProblem> {
        guard let xs = SlotShapes.numberList(text) else {
            return .failure(.init(slot: slot, message: "'\(text)' is not a list of numbers (write them like 5.1 3.5 1.4 0.2)"))
        }
        let modelName = model ?? defaults.app
        if let app = modelName.flatMap(catalog.model(named:)), let features = app.model?.features, !features.isEmpty,
           features.count != xs.count {
            return .failure(.init(slot: slot, message: "\(app.name) takes \(features.count) features "
                                  + "(\(features.joined(separator: ", "))); got \(xs.count)"))
        }
        return .success(.numbers(xs))
    }

    static let stateSynonyms = ["open": "open", "active": "open", "firing": "open", "ongoing": "open", "current": "open",
                                "acknowledged": "acknowledged", "acked": "acknowledged", "ack": "acknowledged",
                                "resolved": "resolved", "closed": "resolved", "all": "all"]

    func keyword(_ text: String, slot: String) -> Result<SlotValue, SlotProblem> {
        let word = text.lowercased()
        if slot == "duration" {
            // A silence's length (`30m`, `1h`, `4h`, `2d`, at most a week), or `off` to lift it.
            if word == "off" { return .success(.string("off")) }
            guard let match = word.wholeMatch(of: /([0-9]{1,3})(m|h|d)/), let count = Int(match.1), count > 0,
                  count * ["m": 1, "h": 60, "d": 1440][String(match.2)]! <= 7 * 1440 else {
                return .failure(.init(slot: slot, message: "'\(text)' is not a silence length: write 30m, 1h, 4h or 2d (at most 7d)"))
            }
            return .success(.string(word))
        }
        if slot == "state" {
            guard let state = Self.stateSynonyms[word] else {
                return .failure(.init(slot: slot, message: "unknown incident state '\(text)'; use one of: "
                                      + IntentCatalog.incidentStates.joined(separator: ", ")))
            }
            return .success(.string(state))
        }
        let topic = Intent(rawValue: word)?.rawValue ?? Self.topicSynonyms[word] ?? word
        guard IntentCatalog.helpTopics.contains(topic) else {
            return .failure(.init(slot: slot, message: "no help on '\(text)'; topics: " + IntentCatalog.helpTopics.joined(separator: ", ")))
        }
        return .success(.string(topic))
    }

    static let topicSynonyms = ["deploys": "deploy", "deployment": "deploy", "deployments": "deploy", "rollbacks": "rollback",
                                "logging": "logs", "log": "logs", "scaling": "scale", "approval": "approvals",
                                "predictions": "predict", "prediction": "predict", "incident": "incidents",
                                "environment": "environments", "envs": "environments", "app": "apps", "rule": "rules"]

    static func describe(_ spec: SlotSpec) -> String {
        switch spec.kind {
        case .environment: return "an environment (\(spec.name))"
        case .version: return "a version (like v2.3)"
        case .integer: return "a number (\(spec.name))"
        case .numbers: return "the feature values (numbers)"
        default: return "a \(spec.name)"
        }
    }
}
