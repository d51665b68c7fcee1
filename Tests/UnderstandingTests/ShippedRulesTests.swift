import ChatOpsCore
import Testing
import Understanding

@Suite("Shipped rules")
struct ShippedRulesTests {
    let classifier = ShippedSetup.classifier

    @Test func everyExampleAndCounterexamplePasses() {
        let report = RuleTester(classifier: classifier).run()
        #expect(report.failures.isEmpty, "\(report.failures.map(\.description).joined(separator: "\n"))")
        #expect(report.examples > 0)
    }

    @Test(arguments: Intent.catalog)
    func everyIntentHasFiveExamplesAndThreeCounterexamples(intent: Intent) {
        let rules = classifier.rules.rules.filter { $0.intent == intent }
        #expect(rules.reduce(0) { $0 + $1.examples.count } >= 5)
        #expect(rules.reduce(0) { $0 + $1.counterexamples.count } >= 3)
    }

    @Test func lintFindsNothing() {
        let findings = RuleLinter(classifier: classifier).run()
        #expect(findings.isEmpty, "\(findings.map(\.description).joined(separator: "\n"))")
    }

    @Test func theSpecExampleUsesTheNamedRule() throws {
        let command = try #require(classifier.classify("deploy v2.3 to staging").command)
        #expect(command.ruleID == "deploy.version-to-env")
        #expect(command.slots == ["app": .string("iris-classifier"), "env": .string("staging"), "version": .string("v2.3")])
    }

    /// The catalog's typical phrasings (`shared/spec/intents.md`), with their normalised slots.
    static let typical: [(String, Intent, [String: SlotValue])] = [
        ("deploy v2.3 to staging", .deploy, ["app": "iris-classifier", "version": "v2.3", "env": "staging"]),
        ("ship iris v2.3 to prod", .deploy, ["app": "iris-classifier", "version": "v2.3", "env": "prod"]),
        ("/deploy iris v2.3 staging", .deploy, ["app": "iris-classifier", "version": "v2.3", "env": "staging"]),
        ("promote iris to prod", .promote, ["app": "iris-classifier", "env": "prod"]),
        ("rollback iris in prod", .rollback, ["app": "iris-classifier", "env": "prod"]),
        ("roll back iris on staging to v2.2", .rollback, ["app": "iris-classifier", "env": "staging", "to": "v2.2"]),
        ("sync iris staging", .sync, ["app": "iris-classifier", "env": "staging"]),
        ("argo sync payments", .sync, ["app": "payments-api"]),
        ("status of iris in prod", .status, ["app": "iris-classifier", "env": "prod"]),
        ("how is iris doing?", .status, ["app": "iris-classifier"]),
        ("scale iris to 3 in staging", .scale, ["app": "iris-classifier", "env": "staging", "replicas": .integer(3)]),
        ("restart iris in staging", .restart, ["app": "iris-classifier", "env": "staging"]),
        ("bounce payments", .restart, ["app": "payments-api"]),
        ("logs for iris in prod", .logs, ["app": "iris-classifier", "env": "prod"]),
        ("last 50 lines of iris logs", .logs, ["app": "iris-classifier", "lines": .integer(50)]),
        ("why is iris slow", .diagnose, ["app": "iris-classifier", "symptom": "slow"]),
        ("what's wrong with payments in prod", .diagnose, ["app": "payments-api", "env": "prod"]),
        ("approve 42", .approve, ["request": .integer(42)]),
        ("/approve #42", .approve, ["request": .integer(42)]),
        ("lgtm 42", .approve, ["request": .integer(42)]),
        ("deny 42 because untested", .deny, ["request": .integer(42), "reason": "untested"]),
        ("predict iris 5.1 3.5 1.4 0.2", .predict, ["model": "iris-classifier", "features": .numbers([5.1, 3.5, 1.4, 0.2])]),
        ("check drift for iris", .drift, ["model": "iris-classifier"]),
        ("is the iris model drifting?", .drift, ["model": "iris-classifier"]),
        ("triage run 9120034", .triage, ["run": "9120034"]),
        ("why did the pipeline fail?", .triage, [:]),
        ("retrain iris", .retrain, ["model": "iris-classifier"]),
        ("pipeline status", .pipeline, ["app": "iris-classifier"]),
        ("is the build green for iris?", .pipeline, ["app": "iris-classifier"]),
        ("open incidents", .incidents, ["state": "open"]),
        ("list incidents", .incidents, [:]),
        ("freeze prod", .freeze, ["env": "prod"]),
        ("freeze deploys to prod: incident 123", .freeze, ["env": "prod", "reason": "incident 123"]),
        ("unfreeze prod", .unfreeze, ["env": "prod"]),
        ("help", .help, [:]),
        ("help deploy", .help, ["topic": "deploy"]),
        ("what can you do?", .help, [:]),
    ]

    @Test(arguments: typical)
    func typicalPhrasingsFromTheCatalog(text: String, intent: Intent, slots: [String: SlotValue]) throws {
        let command = try #require(classifier.classify(text).command, "\"\(text)\" not understood: \(classifier.classify(text).reason ?? "no rule")")
        #expect(command.intent == intent)
        #expect(command.slots == slots)
        #expect(command.source == .rule)
    }
}

extension SlotValue: ExpressibleByStringLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
}
