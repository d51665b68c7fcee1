import Testing
@testable import Understanding

@Suite("Message screening")
struct MessageScreenTests {
    let screen = MessageScreen(botNames: ["chatops"], botMentionIDs: ["U0BOT"])

    func body(_ text: String) -> String? {
        if case .success(let s) = screen.screen(text) { return s.body }
        return nil
    }

    @Test(arguments: [
        ("deploy v2.3 to staging", "deploy v2.3 to staging"),
        ("@chatops deploy v2.3 to staging", "deploy v2.3 to staging"),
        ("@ChatOps: deploy v2.3 to staging", "deploy v2.3 to staging"),
        ("chatops: deploy v2.3 to staging", "deploy v2.3 to staging"),
        ("chatops, deploy v2.3 to staging", "deploy v2.3 to staging"),
        ("/deploy iris v2.3 staging", "deploy iris v2.3 staging"),
        ("/chatops deploy iris v2.3 staging", "deploy iris v2.3 staging"),
        ("!deploy iris v2.3 staging", "deploy iris v2.3 staging"),
        ("<@U0BOT> deploy v2.3 to staging", "deploy v2.3 to staging"),
        ("<@U0BOT|chatops> status", "status"),
        ("hey chatops, status of iris", "status of iris"),
        ("  DEPLOY   v2.3\tto  staging  ", "DEPLOY v2.3 to staging"),
        ("deploy\u{00A0}v2.3 to staging", "deploy v2.3 to staging"),
        ("please deploy v2.3 to staging", "deploy v2.3 to staging"),
        ("deploy v2.3 to staging please!", "deploy v2.3 to staging"),
        ("deploy v2.3 to staging, thanks", "deploy v2.3 to staging"),
        ("how is iris doing?", "how is iris doing"),
        ("can you restart iris in staging?", "restart iris in staging"),
        ("could you please restart iris", "restart iris"),
        ("what\u{2019}s wrong with iris", "what's wrong with iris"),
        ("restart iris in prod right now", "restart iris in prod"),
    ])
    func reducesToTheCommand(input: String, expected: String) {
        #expect(body(input) == expected)
    }

    @Test func addressingIsRecorded() throws {
        guard case .success(let plain) = screen.screen("restart iris"),
              case .success(let mentioned) = screen.screen("@chatops restart iris"),
              case .success(let slash) = screen.screen("/restart iris"),
              case .success(let platform) = screen.screen("restart iris", addressedByPlatform: true),
              case .success(let question) = screen.screen("can you restart iris?") else {
            Issue.record("screen refused a plain command")
            return
        }
        #expect(!plain.isAddressed && mentioned.isAddressed && slash.isAddressed && platform.isAddressed)
        #expect(question.isPoliteQuestion && !plain.isPoliteQuestion)
    }

    @Test(arguments: [
        ("```deploy v2.3 to prod```", ScreenRejection.code),
        ("`deploy v2.3 to prod`", .code),
        ("run `deploy v2.3 to prod` later", .code),
        ("> deploy v2.3 to prod", .quoted),
        ("&gt; deploy v2.3 to prod", .quoted),
        ("> deploy v2.3 to prod\ndeploy v2.4 to prod", .quoted),
        ("deploy v2.3 to staging\nrestart iris in prod", .severalLines),
        ("dep\u{200B}loy v2.3 to prod", .invisibleCharacter(0x200B)),
        ("deploy v2.3 to prod\u{202E}", .invisibleCharacter(0x202E)),
        ("\u{FEFF}deploy v2.3 to prod", .invisibleCharacter(0xFEFF)),
        ("deploy v2.3 to prod\u{0007}", .controlCharacter(0x07)),
        ("deploy v2.3 to pro\u{212A}", .lookalikeCharacter(0x212A)),
        ("re\u{017F}tart iris", .lookalikeCharacter(0x017F)),
        ("deploy v2.3 to pr\u{043E}d", .mixedScriptWord("pr\u{043E}d")),
        ("@bob deploy v2.3 to prod", .addressedToSomeoneElse("@bob")),
        ("<@U0BOB> deploy v2.3 to prod", .addressedToSomeoneElse("<@U0BOB>")),
        ("   ", .empty),
    ])
    func refuses(input: String, rejection: ScreenRejection) {
        guard case .failure(let actual) = screen.screen(input) else {
            Issue.record("screen let \"\(input)\" through")
            return
        }
        #expect(actual == rejection)
    }

    @Test func tooLongIsRefusedWithTheLimit() {
        guard case .failure(let r) = screen.screen("status " + String(repeating: "x", count: 600)) else {
            Issue.record("long text let through")
            return
        }
        #expect(r == .tooLong(bytes: 607, limit: 500))
        #expect(r.description.contains("at most 500"))
    }
}
