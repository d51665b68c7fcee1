import ChatOpsCore
import Testing
import Understanding

/// What people carry over from their tools and habits: branch-deploy's `.` prefix, courtesy at the
/// end ("when you get a chance", 🙏, `:rocket:`), and app names written as words.
@Suite("forms carried over from other tools")
struct CarriedOverFormsTests {
    let classifier = ShippedSetup.classifier

    func understood(_ text: String, addressed: Bool = false) -> ParsedCommand? {
        classifier.classify(text, context: .init(channel: nil, isAddressedByPlatform: addressed)).command
    }

    @Test("trailing courtesy and emoji change nothing", arguments: [
        ("restart iris in staging when you get a chance", Intent.restart),
        ("restart iris in staging if you can", .restart),
        ("status of iris in prod 🙏", .status),
        ("status of iris in prod 👍🏽", .status),
        ("restart iris in staging :rocket:", .restart),
        ("sync iris staging :+1::skin-tone-3:", .sync),
        ("logs for iris in prod real quick", .logs),
    ])
    func courtesy(text: String, intent: Intent) throws {
        let command = try #require(understood(text), "\(text)")
        #expect(command.intent == intent)
        #expect(command.slots["app"] == .string("iris-classifier"))
    }

    @Test("an emoji that may change the meaning is not dropped", arguments: [
        "restart iris in prod 🤔", "deploy v2.3 to prod :thinking_face:", "restart iris in prod 😂",
    ])
    func doubtfulEmoji(text: String) {
        #expect(understood(text) == nil, "\(text)")
    }

    @Test("a leading dot addresses the bot, as `/` and `!` do")
    func dotPrefix() throws {
        let screened = try #require(try? ShippedSetup.classifier.screen.screen(".deploy v2.3 to staging").get())
        #expect(screened.isAddressed)
        #expect(screened.body == "deploy v2.3 to staging")
        #expect(understood(".unlock production")?.intent == .unfreeze)
        for text in ["... deploy v2.3 to staging", ". deploy later"] {
            let screened = try ShippedSetup.classifier.screen.screen(text).get()
            #expect(!screened.isAddressed, "\(text)")
        }
    }

    @Test("a CLI line changes something only when addressed to the bot: in a channel it is someone showing what they ran")
    func cliLinesNeedAddressing() throws {
        for text in ["kubectl rollout restart deployment/iris-classifier -n ml-staging", "argocd app sync iris-classifier-staging",
                     "gh workflow run train.yml"] {
            let refused = classifier.classify(text, context: .init(channel: nil, isAddressedByPlatform: false))
            #expect(refused.command == nil, "\(text)")
            #expect(understood(text, addressed: true)?.intent.isMutating == true, "\(text)")
            #expect(understood("@chatops " + text)?.intent.isMutating == true, "\(text)")
        }
        let kubectl = classifier.classify("kubectl scale deployment iris-classifier --replicas=5 -n ml-prod", context: .init())
        #expect(kubectl.reason == "a kubectl command line is run only when addressed to the bot (@chatops kubectl …, or a slash command)")
        #expect(understood("kubectl logs deploy/iris-classifier --tail=100 -n ml-prod")?.intent == .logs, "reads need no addressing")
    }

    @Test("an app written as words is the catalog's name; other words are not")
    func appAsWords() throws {
        let normalizer = classifier.normalizer
        let iris = try normalizer.normalize(["app": "iris classifier", "env": "prod"], intent: .status, channel: nil).get()
        #expect(iris["app"] == .string("iris-classifier"))
        let payments = try normalizer.normalize(["app": "payments api"], intent: .status, channel: nil).get()
        #expect(payments["app"] == .string("payments-api"))
        for bad in ["iris  classifier x y", "iris;classifier", "iris\tclassifier", "the iris classifier model please"] {
            #expect((try? normalizer.normalize(["app": bad], intent: .status, channel: nil).get()) == nil, "\(bad)")
        }
    }
}
