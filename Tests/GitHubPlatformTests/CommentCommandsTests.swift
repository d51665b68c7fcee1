import ChatOpsCore
@testable import GitHubPlatform
import Testing

@Suite("Finding commands in a GitHub comment")
struct CommentCommandsTests {
    let finder = CommentCommands(prefix: "@chatops")

    @Test("a slash line or an @chatops line is a command; the marker goes", arguments: [
        ("/deploy iris-classifier v2.3 to prod", ["deploy iris-classifier v2.3 to prod"]),
        ("/approve 42", ["approve 42"]),
        ("@chatops status of iris in staging", ["status of iris in staging"]),
        ("@ChatOps: approve 7", ["approve 7"]),
        ("Looks good to me.\n\n/approve 42\nthanks", ["approve 42"]),
        ("  /approve 42  ", ["approve 42"]),
    ])
    func commands(body: String, expected: [String]) {
        #expect(finder.commands(in: body) == expected)
    }

    @Test("prose, paths, comments, quotes and code are not commands", arguments: [
        "I think we should deploy v2.3 to prod",
        "// TODO approve later",
        "/tmp/iris is full",
        "/ approve 42",
        "> /approve 42",
        "```\n/deploy iris v2.3 to prod\n```",
        "@chatopsbot approve 42",
        "@chatops",
        "/déployer iris",
    ])
    func notCommands(body: String) {
        #expect(finder.commands(in: body).isEmpty)
    }

    @Test("another bot's slash command is not ours; a known verb is, in any case; @chatops always is", arguments: [
        ("/lgtm", []),
        ("/hold", []),
        ("/assign @octocat", []),
        ("/retest\n/ok-to-test", []),
        ("/LGTM 42", []),
        ("/Deploy iris v2.3 to dev", ["Deploy iris v2.3 to dev"]),
        ("/ship iris v2.3 to dev", ["ship iris v2.3 to dev"]),
        ("/unfreeze prod", ["unfreeze prod"]),
        ("@chatops lgtm 42", ["lgtm 42"]),
    ])
    func onlyOurVerbs(body: String, expected: [String]) {
        #expect(finder.commands(in: body) == expected)
    }

    @Test("every intent's name is a verb a slash line may start with")
    func intentsAreVerbs() {
        for intent in Intent.allCases {
            #expect(finder.commands(in: "/\(intent.rawValue) x") == ["\(intent.rawValue) x"])
        }
    }

    @Test("at most five commands are read from one comment")
    func capped() {
        let body = (1...9).map { "/approve \($0)" }.joined(separator: "\n")
        #expect(finder.commands(in: body) == (1...5).map { "approve \($0)" })
    }
}
