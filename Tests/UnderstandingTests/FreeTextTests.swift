import ChatOpsCore
import Testing
import Understanding

/// Finding 14: courtesy and urgency words are stripped from the end of a command, but never cut
/// out of a free-text slot (a deny reason, a freeze reason).
@Suite("Free text keeps its last words")
struct FreeTextTests {
    let classifier = ShippedSetup.classifier

    @Test(arguments: [
        ("deny 2 not now", "not now"),
        ("deny 2 not now please", "not now"),
        ("deny 2 not right now, thanks", "not right now"),
        ("deny 42 because untested", "untested"),
    ])
    func aDenyReasonIsKeptWhole(text: String, reason: String) throws {
        let command = try #require(classifier.classify(text, context: .init(channel: nil, isAddressedByPlatform: true)).command)
        #expect(command.intent == .deny)
        #expect(command.slots["reason"] == .string(reason))
    }

    @Test func commandsWithoutFreeTextStillLoseTheirCourtesy() throws {
        let command = try #require(classifier.classify("restart iris in staging now please",
                                                       context: .init(channel: nil, isAddressedByPlatform: true)).command)
        #expect(command.intent == .restart)
        #expect(command.slots == ["app": .string("iris-classifier"), "env": .string("staging")])
    }
}
