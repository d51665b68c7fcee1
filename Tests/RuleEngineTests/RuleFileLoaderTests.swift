import ChatOpsCore
import ChatOpsTestSupport
import RuleEngine
import Testing

@Suite("Rule files")
struct RuleFileLoaderTests {
    let loader = RuleFileLoader()

    func load(_ files: [String: String]) throws -> RuleSet {
        let dir = try TemporaryDirectory()
        for (name, text) in files { try dir.write(name, text) }
        return try loader.load(directory: dir.path)
    }

    func loadError(_ files: [String: String]) throws -> String {
        do {
            _ = try load(files)
            Issue.record("expected a rule load error")
            return ""
        } catch let error as RuleLoadError {
            return error.description
        }
    }

    @Test func rulesLoadInPriorityThenNameThenFileOrder() throws {
        let set = try load([
            "b.yaml": "priority: 10\nrules:\n  - {id: b.one, intent: help, patterns: ['help']}\n  - {id: b.two, intent: help, patterns: ['commands']}\n",
            "a.yaml": "rules:\n  - {id: a.one, intent: incidents, patterns: ['incidents']}\n",
            "c.yaml": "priority: 10\nrules:\n  - {id: c.one, intent: status, patterns: ['status']}\n",
        ])
        #expect(set.rules.map(\.id) == ["b.one", "b.two", "c.one", "a.one"])
    }

    @Test func definitionsExpandAndCaptureSlots() throws {
        let set = try load([
            "definitions.yaml": "definitions:\n  version: 'v?\\d+(?:\\.\\d+){0,2}'\n  env: '[a-z]+'\n",
            "deploy.yaml": """
                rules:
                  - id: deploy.version-to-env
                    intent: deploy
                    patterns: ['deploy (?<version>{{version}}) to (?<env>{{env}})']
                    examples:
                      - text: deploy v2.3 to staging
                        slots: {app: iris-classifier, version: v2.3, env: staging}
                    counterexamples: [should we deploy?]
                """,
        ])
        let rule = try #require(set.rule(id: "deploy.version-to-env"))
        #expect(rule.intent == .deploy)
        #expect(rule.examples.first?.slots["version"] == .string("v2.3"))
        #expect(rule.counterexamples == ["should we deploy?"])
        let match = try #require(set.makeMatcher().firstMatch(in: "Deploy v2.3 to staging"))
        #expect(match.captures == ["version": "v2.3", "env": "staging"])
    }

    @Test func exampleSlotsAreTypedByTheCatalog() throws {
        let set = try load(["x.yaml": """
            rules:
              - id: scale.x
                intent: scale
                patterns: ['scale to (?<replicas>\\d+)']
                examples: [{text: scale to 3, slots: {app: iris-classifier, replicas: 3}}]
              - id: predict.x
                intent: predict
                patterns: ['predict (?<features>[0-9. ]+)']
                examples: [{text: predict 5.1 3, slots: {model: iris-classifier, features: [5.1, 3]}}]
            """])
        #expect(set.rule(id: "scale.x")?.examples[0].slots["replicas"] == .integer(3))
        #expect(set.rule(id: "predict.x")?.examples[0].slots["features"] == .numbers([5.1, 3]))
    }

    @Test func badRegexNamesFileLineAndPCRE2Reason() throws {
        let message = try loadError(["deploy.yaml": "rules:\n  - id: deploy.bad\n    intent: deploy\n    patterns:\n      - 'deploy (?<version>v\\d+ to (?<env>\\w+)'\n"])
        #expect(message.contains("deploy.yaml:5:"))
        #expect(message.contains("bad regex: missing closing parenthesis at offset"))
        #expect(message.contains("rules[0].patterns[0]"))
    }

    @Test func unknownIntentListsTheCatalog() throws {
        let message = try loadError(["x.yaml": "rules:\n  - id: x.y\n    intent: deploi\n    patterns: ['x']\n"])
        #expect(message.contains("x.yaml:3:"))
        #expect(message.contains("unknown intent 'deploi'"))
        #expect(message.contains("deploy, promote"))
    }

    @Test func groupThatIsNotASlotIsRefused() throws {
        let message = try loadError(["x.yaml": "rules:\n  - id: x.y\n    intent: restart\n    patterns: ['restart (?<service>\\w+)']\n"])
        #expect(message.contains("group 'service' is not a slot of intent 'restart' (its slots: app, env)"))
    }

    @Test func patternThatNeverCapturesARequiredSlotIsRefused() throws {
        let message = try loadError(["x.yaml": "rules:\n  - id: x.y\n    intent: deploy\n    patterns: ['deploy (?<version>v\\d+)']\n"])
        #expect(message.contains("never captures the required slot 'env'"))
    }

    @Test func undefinedDefinitionIsNamed() throws {
        let message = try loadError(["x.yaml": "rules:\n  - id: x.y\n    intent: help\n    patterns: ['help {{topik}}']\n"])
        #expect(message.contains("{{topik}}"))
    }

    @Test func duplicateIDsAreRefusedWithBothPlaces() throws {
        let message = try loadError([
            "a.yaml": "rules:\n  - {id: same, intent: help, patterns: ['help']}\n",
            "b.yaml": "rules:\n  - {id: same, intent: help, patterns: ['commands']}\n",
        ])
        #expect(message.contains("b.yaml:2:"))
        #expect(message.contains("rule id 'same' is already used at"))
        #expect(message.contains("a.yaml:2"))
    }

    @Test func misspelledKeySuggestsTheRightOne() throws {
        let message = try loadError(["x.yaml": "rules:\n  - id: x.y\n    intent: help\n    paterns: ['help']\n"])
        #expect(message.contains("unknown key 'paterns' (did you mean 'patterns'?)"))
    }

    @Test func invalidYAMLIsReportedWithItsLine() throws {
        let message = try loadError(["x.yaml": "rules:\n  - id: x.y\n    intent: [help\n"])
        #expect(message.contains("x.yaml:"))
        #expect(message.contains("not valid YAML"))
    }

    @Test func everyProblemIsReportedNotJustTheFirst() throws {
        let message = try loadError([
            "a.yaml": "rules:\n  - {id: a, intent: nope, patterns: ['x']}\n",
            "b.yaml": "rules:\n  - {id: b, intent: help, patterns: ['(']}\n",
        ])
        #expect(message.contains("a.yaml"))
        #expect(message.contains("b.yaml"))
    }

    @Test func missingFolderSaysWhatToDo() {
        #expect {
            _ = try loader.load(directory: "/nonexistent/rules")
        } throws: { error in
            "\(error)".contains("/nonexistent/rules: no rules folder here; pass --rules DIR")
        }
    }
}
