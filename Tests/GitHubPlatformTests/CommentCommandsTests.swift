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

    @Test("at most five commands are read from one comment")
    func capped() {
        let body = (1...9).map { "/approve \($0)" }.joined(separator: "\n")
        #expect(finder.commands(in: body) == (1...5).map { "approve \($0)" })
    }
}
