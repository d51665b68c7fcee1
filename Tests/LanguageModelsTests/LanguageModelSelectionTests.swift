import ChatOpsApp
import ChatOpsConfig
import ChatOpsTestSupport
import Execution
import Foundation
import LanguageModels
import Testing

@Suite("Choosing the model: CHATOPS_LLM_PROVIDER among the registered providers, and what config check says")
struct LanguageModelSelectionTests {
    static let exampleText = try! String(contentsOfFile: RepositoryPaths.exampleConfig, encoding: .utf8)

    /// The example configuration with `yaml` appended, loaded with every registered setting and the LLM ones.
    func context(_ environment: [String: String], yaml: String = "") throws -> ModuleContext {
        let keys = ChatOpsModules.standard.settings.keys + LanguageModelSelection.settings(for: LanguageModelSelection.standard)
        let configuration = try ConfigurationLoader(environment: environment, settings: SettingsCatalog(keys))
            .parse(text: Self.exampleText + yaml, file: "chatops.yaml")
        return ModuleContext(configuration: configuration, environment: environment, http: TestHTTP.pool, logger: CapturedLog().logger)
    }

    func choose(_ environment: [String: String], yaml: String = "") throws -> LanguageModelSelection.Choice {
        try LanguageModelSelection.choose(modules: LanguageModelSelection.standard, in: try context(environment, yaml: yaml))
    }

    @Test("unset: no model without a Gemini key, and the hint names the key; with one, Gemini, guarded, the key never printed")
    func defaultChoice() throws {
        let none = try choose([:])
        #expect(none.model == nil)
        guard case .disabled(let hint) = none.report else { Issue.record("no provider must be off: \(none.report)"); return }
        #expect(hint.contains("CHATOPS_GEMINI_API_KEY"))

        let key = "AIzaSyDfakeKEY0123456789abcdefghijklmno"
        let gemini = try choose(["CHATOPS_GEMINI_API_KEY": key])
        let model = try #require(gemini.model)
        #expect(model.description == "gemini-2.5-flash-lite (Gemini API)")
        #expect(model.model is GeminiModel)
        #expect(gemini.report == .enabled(by: "llm.gemini.api_key (env CHATOPS_GEMINI_API_KEY): gemini-2.5-flash-lite (Gemini API), "
                                          + "at most 15 calls a minute and 1500 a day"))
        #expect(!"\(gemini.report.description) \(model.description)".contains(key))
    }

    @Test("explicit none is off even with a key; an unknown name is an error listing the names")
    func explicitNames() throws {
        let none = try choose(["CHATOPS_LLM_PROVIDER": "none", "CHATOPS_GEMINI_API_KEY": "k"])
        #expect(none.model == nil)
        #expect(none.report == .disabled(hint: "CHATOPS_LLM_PROVIDER=none: rules alone"))
        #expect(throws: LanguageModelSetupError("CHATOPS_LLM_PROVIDER (llm.provider) is 'claude', which is not a provider here; "
                                                + "use one of: gemini, openai, none")) {
            try choose(["CHATOPS_LLM_PROVIDER": "claude"])
        }
    }

    @Test("an explicit provider that is not set up is misconfigured, naming what to set")
    func explicitButUnset() throws {
        let openAI = try choose(["CHATOPS_LLM_PROVIDER": "openai"])
        #expect(openAI.model == nil)
        guard case .misconfigured(let problem) = openAI.report else { Issue.record("\(openAI.report)"); return }
        #expect(problem.contains("CHATOPS_OPENAI_API_URL"))
        let noModel = try choose(["CHATOPS_LLM_PROVIDER": "openai", "CHATOPS_OPENAI_API_URL": "http://127.0.0.1:8013/v1"])
        guard case .misconfigured(let missing) = noModel.report else { Issue.record("\(noModel.report)"); return }
        #expect(missing.contains("CHATOPS_OPENAI_MODEL"))
        let gemini = try choose(["CHATOPS_LLM_PROVIDER": "gemini"])
        guard case .misconfigured(let noKey) = gemini.report else { Issue.record("\(gemini.report)"); return }
        #expect(noKey.contains("CHATOPS_GEMINI_API_KEY"))
    }

    @Test("an OpenAI-compatible server set up but not chosen is named, not used")
    func setUpButNotChosen() throws {
        let choice = try choose(["CHATOPS_OPENAI_API_URL": "http://127.0.0.1:8013/v1", "CHATOPS_OPENAI_MODEL": "local"])
        #expect(choice.model == nil)
        #expect(choice.report == .disabled(hint: "OpenAI-compatible server is set up; set CHATOPS_LLM_PROVIDER=openai to use it"))
        let chosen = try choose(["CHATOPS_LLM_PROVIDER": "openai", "CHATOPS_OPENAI_API_URL": "http://127.0.0.1:8013/v1/",
                                 "CHATOPS_OPENAI_MODEL": "local"])
        #expect(chosen.model?.description == "local (OpenAI-compatible, http://127.0.0.1:8013/v1)")
    }

    @Test("Vertex AI: a project needs its access token; with a token file it is on, described with project and location")
    func vertex() throws {
        let half = try choose(["CHATOPS_GEMINI_VERTEX_PROJECT": "acme-ml"])
        guard case .misconfigured(let problem) = half.report else { Issue.record("\(half.report)"); return }
        #expect(problem.contains("CHATOPS_GEMINI_ACCESS_TOKEN"))

        let dir = try TemporaryDirectory()
        let file = try dir.write("token", "ya29.token")
        let choice = try choose(["CHATOPS_GEMINI_VERTEX_PROJECT": "acme-ml", "CHATOPS_GEMINI_ACCESS_TOKEN_FILE": file])
        #expect(choice.model?.description == "gemini-2.5-flash-lite (Vertex AI, project acme-ml, us-central1)")
        #expect(choice.report.description.hasPrefix("enabled by llm.gemini.vertex_project (env CHATOPS_GEMINI_VERTEX_PROJECT), Vertex AI"))
    }

    @Test("the llm section of the file is read: keys, limits, the timeout")
    func fileSettings() throws {
        let yaml = "\nllm:\n  provider: gemini\n  requests_per_minute: 4\n  requests_per_day: 100\n  max_prompt_chars: 5000\n"
            + "  gemini:\n    api_key: AIzaFromTheFile\n    model: gemini-2.5-flash\n"
        let choice = try choose([:], yaml: yaml)
        let model = try #require(choice.model)
        #expect(model.description == "gemini-2.5-flash (Gemini API)")
        #expect(model.limits.requestsPerMinute == 4)
        #expect(model.limits.requestsPerDay == 100)
        #expect(model.limits.maxPromptCharacters == 5000)
        #expect(choice.report.description.contains("at most 4 calls a minute and 100 a day"))
        #expect(throws: (any Error).self) { try choose([:], yaml: "\nllm:\n  gemini:\n    apikey: x\n") }
    }

    @Test("the chosen model answers through the guard: pointed at a fake by the API URL setting, secrets redacted")
    func endToEnd() async throws {
        // A generous timeout: with the whole suite running on two cores the fake has taken over 5 s.
        let fake = try await FakeGemini.answering()
        defer { Task { await fake.stop() } }
        let choice = try choose(["CHATOPS_GEMINI_API_KEY": "AIzaSyDfakeKEY0123456789abcdefghijklmno",
                                 "CHATOPS_GEMINI_API_URL": fake.baseURL + "/v1beta", "CHATOPS_LLM_TIMEOUT": "60s"])
        let model = try #require(choice.model)
        let reply = try await model.complete(IntentQuestion.request("deploy with token xoxb-2048123456-4096123456789-AbCdEfGhIjKl"))
        #expect(reply.json?["intent"]?.string == "status")
        let sent = try #require(fake.requests.first)
        #expect(sent.path == "/v1beta/models/gemini-2.5-flash-lite:generateContent")
        #expect(!sent.bodyText.contains("xoxb-"))
        #expect(sent.bodyText.contains("[REDACTED:slack-token]"))
    }
}
