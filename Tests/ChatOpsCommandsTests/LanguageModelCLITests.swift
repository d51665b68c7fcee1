import ChatOpsTestSupport
import Foundation
import Testing

/// `chatops parse --addressed` and `chatops eval` with the model (a fake answering as Gemini's
/// `generateContent` does) and without it.
@Suite("the CLI with a language model: parse --addressed and eval", .serialized)
struct LanguageModelCLITests {
    static func gemini(_ answer: String) -> String {
        let envelope: [String: Any] = ["candidates": [["content": ["parts": [["text": answer]], "role": "model"], "finishReason": "STOP"]],
                                       "modelVersion": "gemini-2.5-flash-lite"]
        return String(decoding: try! JSONSerialization.data(withJSONObject: envelope), as: UTF8.self)
    }

    static let deployAnswer = #"{"intent":"deploy","slots":{"app":"iris","version":"v2.5","env":"stage"},"confidence":0.88,"paraphrase":"deploy"}"#

    @Test("--addressed asks the model when no rule matches and shows source llm with its confidence; rules alone otherwise")
    func parseAddressed() async throws {
        let fake = try await FakePlatformAPI.start { _ in .json(Self.gemini(Self.deployAnswer)) }
        defer { Task { await fake.stop() } }
        let cli = try FreshStoreCLI()
        let env = ["CHATOPS_GEMINI_API_KEY": "AIzaSyTEST", "CHATOPS_GEMINI_API_URL": fake.baseURL]
        let text = "can we get v2.5 of iris onto staging"
        let asked = try await cli.runBesideFakes(["parse", "--addressed", "--json", text], env: env)
        #expect(asked.status == 0, "\(asked.stderr)")
        #expect(asked.stdout == #"{"intent":"deploy","slots":{"app":"iris-classifier","env":"staging","version":"v2.5"},"source":"llm","confidence":0.88}"# + "\n")
        let plain = try await cli.runBesideFakes(["parse", "--json", text], env: env)
        #expect(plain.stdout == #"{"intent":null,"slots":{},"source":"none"}"# + "\n", "not addressed: rules alone")
        let noLLM = try await cli.runBesideFakes(["parse", "--addressed", "--no-llm", "--json", text], env: env)
        #expect(noLLM.stdout == #"{"intent":null,"slots":{},"source":"none"}"# + "\n")
        let ruled = try await cli.runBesideFakes(["parse", "--addressed", "--json", "deploy v2.3 to staging"], env: env)
        #expect(ruled.stdout.contains(#""source":"rule""#))
        #expect(fake.requests.count == 1, "only the one addressed text no rule matched reached the model")
    }

    @Test("eval scores the shipped labelled set with the rules alone: every non-command refused, no false action")
    func evalRulesAlone() throws {
        let cli = try FreshStoreCLI()
        let result = try cli.run(["eval", "--no-llm", "Tests/UnderstandingTests/Fixtures/labelled.jsonl"])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("understanding: rules alone"))
        #expect(result.stdout.contains("false actions: 0"))
        let rejection = try #require(result.stdout.firstMatch(of: /not a command: (\d+), rejected (\d+)/))
        #expect(rejection.1 == rejection.2)
    }

    @Test("eval with the model shows what it was asked and answered for each miss, and fails on a false action")
    func evalWithModel() async throws {
        let fake = try await FakePlatformAPI.start { _ in .json(Self.gemini(Self.deployAnswer)) }
        defer { Task { await fake.stop() } }
        let cli = try FreshStoreCLI()
        let file = try cli.directory.write("set.jsonl", """
            {"text":"can we get v2.5 of iris onto staging","intent":"deploy","slots":{"version":"v2.5","env":"staging"}}
            {"text":"honestly staging has been a mess since v2.5 of iris went out","intent":null}
            """)
        let result = try await cli.runBesideFakes(["eval", file], env: ["CHATOPS_GEMINI_API_KEY": "AIzaSyTEST",
                                                                        "CHATOPS_GEMINI_API_URL": fake.baseURL])
        #expect(result.status == 1, "the chatter line became a deploy: a false action")
        #expect(result.stdout.contains("understanding: rules then the language model"))
        #expect(result.stdout.contains("false actions: 1"))
        #expect(result.stdout.contains("understood by the model: 2 of 2"))
        #expect(result.stdout.contains("line 2 (not a command): honestly staging has been a mess since v2.5 of iris went out"))
        #expect(result.stdout.contains(#"asked: Message: """honestly staging has been a mess since v2.5 of iris went out""""#),
                "\(result.stdout)")
        #expect(result.stdout.contains("answered (gemini-2.5-flash-lite, intent@2): intent=deploy"))
    }

    @Test("a bad labelled line names the file and line")
    func badLine() throws {
        let cli = try FreshStoreCLI()
        let file = try cli.directory.write("bad.jsonl", #"{"text":"deploy v2.3 to prod","intent":"ship"}"# + "\n")
        let result = try cli.run(["eval", "--no-llm", file])
        #expect(result.status == 2)
        #expect(result.stderr.contains("\(file):1: \"ship\" is not an intent of the catalog"))
    }
}

/// A broken prompt stops every command that builds the bot, naming the file and the line.
@Suite("a broken prompt stops start-up")
struct BrokenPromptCLITests {
    @Test("chatops say with a prompt whose section is never closed exits 2 with the file and line, and acts on nothing")
    func brokenPrompt() throws {
        let cli = try FreshStoreCLI()
        let prompts = try TemporaryDirectory()
        for name in ["incident-rca", "drift", "pipeline-triage"] {
            let shipped = try String(contentsOf: RepositoryPaths.root.appendingPathComponent("prompts/\(name).mustache"), encoding: .utf8)
            try prompts.write("\(name).mustache", shipped)
        }
        let broken = try prompts.write("intent.mustache", "{{! prompt: intent, version: 2 }}\n{{! system }}\nrules\n{{#intents}}\n- {{name}}\n{{! user }}\n{{text}}\n")
        let result = try cli.run(["say", "--as", "alice", "--store", cli.store, "--prompts", prompts.path, "status of iris in prod"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("prompt error: \(broken):5: a section is never closed"), "\(result.stderr)")
        #expect(result.stdout.isEmpty)
    }
}

/// `chatops feedback`: the votes per prompt version, from the store.
@Suite("chatops feedback")
struct FeedbackCLITests {
    @Test("votes typed through chatops say are counted per prompt version")
    func table() throws {
        let cli = try FreshStoreCLI()
        for (user, vote) in [("alice", "helpful drift@1"), ("bob", "unhelpful drift@1"), ("carol", "helpful drift@1"),
                             ("alice", "helpful incident-rca@2")] {
            let said = try cli.run(["say", "--as", user, "--store", cli.store, vote])
            #expect(said.stdout.hasPrefix("Thanks, \(user): recorded"), "\(said.stdout)\(said.stderr)")
        }
        let result = try cli.run(["feedback", "--store", cli.store])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout == """
            prompt          answers  helpful  not helpful  helpful share
            drift@1         0        2        1            67%
            incident-rca@2  0        1        0            100%

            """)
    }
}
