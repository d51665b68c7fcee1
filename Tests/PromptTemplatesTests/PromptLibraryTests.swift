import ChatOpsTestSupport
import Foundation
import PromptTemplates
import Testing

@Suite("the prompts in prompts/: loaded, versioned, checked at start")
struct PromptLibraryTests {
    @Test("the four shipped prompts load, each with a version, and render their values as plain text")
    func shippedPromptsLoad() throws {
        let library = try PromptLibrary.load(directory: RepositoryPaths.prompts, required: StandardPrompts.all)
        #expect(library.all.map(\.name) == ["drift", "incident-rca", "intent", "pipeline-triage"])
        let intent = try #require(library["intent"])
        #expect(intent.versionTag.wholeMatch(of: /intent@[0-9]+/) != nil)
        let values: [String: Any] = [
            "text": "ship <iris> & \"v2.3\" to stage pls",
            "intents": [["name": "deploy", "mutating": true, "slots": "app?, version, env", "summary": "deploy a version"],
                        ["name": "status", "mutating": false, "slots": "app?, env?", "summary": "how an app is doing"]],
            "environments": "dev, staging, prod",
            "apps": [["name": "iris-classifier", "aliases": "iris"]],
        ]
        let rendered = intent.render(values)
        #expect(rendered.user == #"Message: """ship <iris> & "v2.3" to stage pls""""#, "no HTML escaping")
        #expect(rendered.system.contains("- deploy*: app?, version, env — deploy a version"))
        #expect(rendered.system.contains("- status: app?, env? — how an app is doing"))
        #expect(rendered.system.contains("- iris-classifier: iris"))
        #expect(!rendered.system.contains("\n\n\n"), "blank runs folded")
    }

    @Test("the triage prompt takes the role of its failure type, and only that one")
    func triageRole() throws {
        let library = try PromptLibrary.load(directory: RepositoryPaths.prompts, required: StandardPrompts.all)
        let triage = try #require(library["pipeline-triage"])
        let secrets = triage.render(["secrets": true, "failureType": "secrets", "evidence": "gitleaks: 1 leak"]).system
        #expect(secrets.contains("secret-scanning finding"))
        #expect(!secrets.contains("failing tests") && !secrets.contains("container image"))
        let general = triage.render(["general": true]).system
        #expect(general.hasPrefix("You are a senior CI/CD engineer"))
    }

    @Test("a broken prompt stops loading with the file and the line", arguments: [
        ("{{! prompt: intent, version: 1 }}\n{{! system }}\nrules\n{{#intents}}\n- {{name}}\n{{! user }}\nMessage: {{text}}\n",
         5, "a section is never closed"),
        ("{{! prompt: intent, version: 1 }}\n{{! system }}\nrules\n{{! user }}\nMessage: {{txet}}\n",
         5, "`txet` is not something the intent prompt is given"),
        ("{{! prompt: intent }}\n{{! system }}\nrules\n{{! user }}\n{{text}}\n", 1, "the first line must be"),
        ("{{! prompt: drift, version: 1 }}\n{{! system }}\nrules\n{{! user }}\n{{text}}\n", 1, "but this file is the intent prompt"),
        ("{{! prompt: intent, version: 1 }}\nrules\n{{! user }}\n{{text}}\n", nil, "no `{{! system }}` line"),
        ("{{! prompt: intent, version: 1 }}\n{{! system }}\nrules\n{{#intents}}x{{/apps}}\n{{! user }}\n{{text}}\n",
         4, "closed with another name"),
    ] as [(String, Int?, String)])
    func brokenPrompt(text: String, line: Int?, problem: String) throws {
        let folder = try TemporaryDirectory()
        let file = try folder.write("intent.mustache", text)
        do {
            _ = try PromptLibrary.load(directory: folder.path, required: [StandardPrompts.intent])
            Issue.record("a broken prompt was accepted")
        } catch {
            #expect(error.file == file)
            #expect(error.line == line, "\(error)")
            #expect(error.problem.contains(problem), "\(error)")
            #expect(error.description.hasPrefix(file + (line.map { ":\($0)" } ?? "") + ": "))
        }
    }

    @Test("a missing prompt names itself and the folder")
    func missingPrompt() throws {
        let folder = try TemporaryDirectory()
        do {
            _ = try PromptLibrary.load(directory: folder.path, required: StandardPrompts.all)
            Issue.record("loaded from an empty folder")
        } catch {
            #expect(error.problem.contains("the drift prompt is missing") || error.problem.contains("prompt is missing"))
            #expect(error.problem.contains(folder.path))
        }
    }
}
