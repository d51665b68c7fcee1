import ChatOpsTestSupport
import Foundation
import Testing

/// The `chatops` executable, run as a user would, from the repository root.
@Suite("chatops CLI")
struct CLITests {
    let binary: String

    init() throws {
        binary = try #require(RepositoryPaths.chatopsBinary, "build the chatops product first (swift build)")
    }

    func run(_ args: [String], stdin: String? = nil, env: [String: String] = [:]) throws -> ProcessResult {
        try ProcessRunner.run(binary, args, stdin: stdin, environment: FreshStoreCLI.hermeticEnvironment(env),
                              directory: RepositoryPaths.root.path)
    }

    @Test func parseJSONIsExactlyTheSpecsObject() throws {
        let r = try run(["parse", "deploy v2.3 to staging", "--json"])
        #expect(r.status == 0)
        #expect(r.stdout == #"{"intent":"deploy","slots":{"app":"iris-classifier","env":"staging","version":"v2.3"},"source":"rule","rule":"deploy.version-to-env"}"# + "\n")
    }

    @Test func noMatchIsExitZeroWithTheNullObject() throws {
        let r = try run(["parse", "--json", "--no-llm", "should we deploy v2.3 to prod?"])
        #expect(r.status == 0)
        #expect(r.stdout == #"{"intent":null,"slots":{},"source":"none"}"# + "\n")
    }

    @Test func stdinGivesOneJSONLinePerInputLineInOrder() throws {
        let r = try run(["parse", "--stdin", "--json"], stdin: "approve 42\n\nhello there\r\npredict iris 5.1 3.5 1.4 0.2\n")
        #expect(r.status == 0)
        let lines = r.stdout.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map(String.init)
        #expect(lines == [
            #"{"intent":"approve","slots":{"request":42},"source":"rule","rule":"# + "\"\(try ruleID(lines, 0))\"}",
            #"{"intent":null,"slots":{},"source":"none"}"#,
            #"{"intent":null,"slots":{},"source":"none"}"#,
            #"{"intent":"predict","slots":{"features":[5.1,3.5,1.4,0.2],"model":"iris-classifier"},"source":"rule","rule":"# + "\"\(try ruleID(lines, 3))\"}",
        ])
    }

    func ruleID(_ lines: [String], _ i: Int) throws -> String {
        let object = try JSONSerialization.jsonObject(with: Data(lines[i].utf8)) as? [String: Any]
        return try #require(object?["rule"] as? String)
    }

    @Test func humanOutputExplainsARefusal() throws {
        let r = try run(["parse", "deploy v2.3 to narnia"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("no match: unknown environment 'narnia'; known environments: dev, staging, prod"))
    }

    @Test func channelPicksPerChannelDefaults() throws {
        let dir = try TemporaryDirectory()
        let config = try String(contentsOfFile: RepositoryPaths.exampleConfig, encoding: .utf8)
            .replacingOccurrences(of: "  channels: {}", with: "  channels:\n    C-PAY: {app: payments}")
        let path = try dir.write("c.yaml", config)
        let r = try run(["parse", "--json", "--config", path, "--channel", "C-PAY", "status in staging"])
        #expect(r.stdout.contains(#""app":"payments-api""#))
    }

    @Test func brokenRuleFileIsExitTwoNamingFileLineAndReason() throws {
        let dir = try TemporaryDirectory()
        try dir.write("bad.yaml", "rules:\n  - id: x.bad\n    intent: status\n    patterns: ['status (?<app>[a-z]+']\n")
        let r = try run(["parse", "--json", "--rules", dir.path, "status"])
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.contains("bad.yaml:4:"))
        #expect(r.stderr.contains("bad regex: missing closing parenthesis"))
    }

    @Test func brokenConfigurationIsExitTwoNamingTheKey() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("c.yaml", "environments:\n  - name: dev\ndefaults:\n  app: nope\n")
        let r = try run(["parse", "--config", path, "status"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("c.yaml:4:"))
        #expect(r.stderr.contains("defaults.app: unknown app 'nope'"))
    }

    @Test func configFromTheEnvironmentVariable() throws {
        let r = try run(["parse", "status"], env: ["CHATOPS_CONFIG": "/nonexistent.yaml"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("/nonexistent.yaml: no configuration file here"))
    }

    @Test func missingTextIsAUsageError() throws {
        let r = try run(["parse"])
        #expect(r.status != 0)
        #expect(r.stderr.contains("give the text to parse"))
    }

    @Test func rulesTestPassesOnTheShippedRulesAndFailsOnABadExample() throws {
        let shipped = try run(["rules", "test"])
        #expect(shipped.status == 0, "\(shipped.stdout)")
        let dir = try TemporaryDirectory()
        try dir.write("r.yaml", """
            rules:
              - id: status.x
                intent: status
                patterns: ['status (?<env>[a-z]+)']
                examples:
                  - {text: status prod, slots: {app: iris-classifier, env: staging}}
                counterexamples: [status prod]
            """)
        let r = try run(["rules", "test", "--rules", dir.path])
        #expect(r.status == 1)
        #expect(r.stdout.contains("FAIL"))
        #expect(r.stdout.contains(#"example "status prod" gave status {"app":"iris-classifier","env":"prod"}"#))
        #expect(r.stdout.contains(#"counterexample "status prod" matched"#))
    }

    @Test func rulesLintReportsOverlappingIntents() throws {
        let dir = try TemporaryDirectory()
        try dir.write("r.yaml", """
            rules:
              - {id: a.restart, intent: restart, patterns: ['kick (?<app>[a-z-]+)'], examples: [{text: kick iris, slots: {app: iris-classifier}}]}
              - {id: b.status, intent: status, patterns: ['kick (?<app>[a-z-]+)']}
            """)
        let r = try run(["rules", "lint", "--strict", "--rules", dir.path])
        #expect(r.status == 1)
        #expect(r.stdout.contains(#"overlap: "kick iris" matches a.restart (restart) and b.status (status)"#))
        #expect(try run(["rules", "lint", "--strict"]).status == 0)
    }

    @Test func configCheckShowsOriginsButNeverSecrets() throws {
        let r = try run(["config", "check"], env: ["CHATOPS_SLACK_BOT_TOKEN": "xoxb-very-secret", "CHATOPS_LISTEN": "127.0.0.1:9999"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("configuration OK"))
        #expect(r.stdout.contains("platforms.slack.bot_token [CHATOPS_SLACK_BOT_TOKEN]: set (env CHATOPS_SLACK_BOT_TOKEN)"))
        #expect(r.stdout.contains("server.listen [CHATOPS_LISTEN]: 127.0.0.1:9999 (env CHATOPS_LISTEN)"))
        #expect(!r.stdout.contains("xoxb-very-secret"))
    }
}
