import ChatOpsCore
import RuleEngine
import Testing
import Understanding

/// Point 4 of the foundation issue: the bot must not act on ordinary chat.
@Suite("Safety of understanding (shipped rules)")
struct SafetyTests {
    let classifier = ShippedSetup.classifier

    static let chatter = [
        // questions and discussion about a command
        "should we deploy v2.3 to prod?", "I deployed v2.3 yesterday", "did anyone restart iris?",
        "who approved 42?", "can we roll back prod?", "why did you deploy v2.3 to prod", "don't deploy v2.3 to prod",
        "do not restart iris in prod", "we should scale iris to 3 in staging", "I think we need to rollback iris in prod",
        "deploying v2.3 to staging now", "deployed v2.3 to staging", "has someone synced iris staging?",
        "let's deploy v2.3 to prod", "maybe restart iris in staging?", "never deploy on fridays",
        // conditional or scheduled
        "if staging is green, deploy v2.3 to prod", "deploy v2.3 to prod tomorrow at 9", "deploy v2.3 to prod after lunch",
        "restart iris in prod at 5pm", "deploy v2.3 to prod once tests pass", "deploy v2.3 to prod in 10 minutes",
        "scale iris to 3 in staging tonight", "when ci is green deploy v2.3 to prod", "rollback iris in prod if errors spike",
        // more than one command, or shell metacharacters
        "deploy v2.3 to staging and restart iris", "deploy v2.3 to staging; rm -rf /", "deploy v2.3 to staging && restart iris",
        "deploy v2.3$(reboot) to prod", "scale iris to 3;reboot", "restart iris | sh", "deploy v2.3 to prod`whoami`",
        "restart iris; restart payments", "deploy v2.3 to staging, then prod",
        // approvals only with a request number, and only as a command
        "lgtm", "+1", "approve", "LGTM!", "lgtm, ship it", "approved", "deny", "ship it", "roll out the red carpet",
        // freeze needs an environment
        "freeze", "unfreeze",
        // unknown environments or apps
        "deploy v2.3 to narnia", "restart frobnicator in prod", "scale iris to 3 in qa",
        // quoted, code, several lines
        "> deploy v2.3 to prod", "`deploy v2.3 to prod`", "```\ndeploy v2.3 to prod\n```",
        "deploy v2.3 to staging\nrestart iris in prod",
        // look-alike or invisible Unicode
        "deploy v2.3 to pr\u{043E}d", "deploy v2.3 to prod\u{200B}", "r\u{0435}start iris in prod", "deploy v\u{FF12}.3 to prod",
        "deploy v2.3 to st\u{0430}ging", "rollback iris in pro\u{212A}",
        // addressed to someone else
        "@bob deploy v2.3 to prod", "<@U0BOB> restart iris in prod",
        // ordinary chat
        "who's on call this weekend for the payments team?", "sync up tomorrow?", "let's sync", "status update?",
        "lunch?", "thanks!", "good morning", "is it just me or is slack slow", "the deploy went fine",
    ]

    @Test(arguments: chatter)
    func chatterIsNeverACommand(text: String) {
        let result = classifier.classify(text)
        #expect(result.command == nil, "\"\(text)\" was understood as \(result.command.map { "\($0.intent) \($0.slots)" } ?? "")")
    }

    @Test func unknownEnvironmentReplyNamesTheKnownOnes() throws {
        let reason = try #require(classifier.classify("deploy v2.3 to narnia").reason)
        #expect(reason.contains("unknown environment 'narnia'"))
        #expect(reason.contains("dev, staging, prod"))
    }

    @Test func unknownAppReplyNamesTheKnownOnes() throws {
        let reason = try #require(classifier.classify("restart frobnicator in prod").reason)
        #expect(reason.contains("unknown app 'frobnicator'"))
        #expect(reason.contains("iris-classifier, payments-api"))
    }

    /// Defence in depth: even a rule loose enough to accept trailing words cannot turn a
    /// conditional or scheduled text into a mutation.
    @Test(arguments: ["restart iris tomorrow at 9", "restart iris at 5pm", "restart iris if it is slow",
                      "restart iris in 10 minutes", "restart iris after the standup", "restart iris on friday"])
    func looseRuleStillRefusesScheduledMutations(text: String) throws {
        let loose = Rule(id: "restart.loose", intent: .restart,
                         patterns: [try CompiledPattern("restart (?<app>[a-z]+)(?: [a-z0-9: ]+)?")],
                         location: RuleLocation(file: "inline", line: 1))
        let classifier = RuleClassifier(rules: RuleSet(rules: [loose]), configuration: ShippedSetup.configuration)
        #expect(classifier.classify("restart iris gently").command?.intent == .restart)
        let result = classifier.classify(text)
        #expect(result.command == nil)
        #expect(result.reason == "conditional or scheduled commands are not run: send the command when it should happen")
    }

    @Test func aDenyReasonMayMentionTimeWithoutBeingScheduled() throws {
        let deny = Rule(id: "deny.loose", intent: .deny,
                        patterns: [try CompiledPattern("deny (?<request>\\d+) because (?<reason>[a-z' ]+)")],
                        location: RuleLocation(file: "inline", line: 1))
        let classifier = RuleClassifier(rules: RuleSet(rules: [deny]), configuration: ShippedSetup.configuration)
        let command = try #require(classifier.classify("deny 9 because it's friday").command)
        #expect(command.slots["reason"] == .string("it's friday"))
    }

    @Test func politeQuestionToNobodyIsNotAMutation() {
        #expect(classifier.classify("can you restart iris in staging?").command == nil)
        #expect(classifier.classify("@chatops can you restart iris in staging?").command?.intent == .restart)
        #expect(classifier.classify("can you restart iris in staging?", context: .init(isAddressedByPlatform: true)).command?.intent == .restart)
    }

    @Test func aMutationEndingInAQuestionMarkNeedsAddressing() {
        #expect(classifier.classify("deploy v2.4 to prod?").command == nil)
        #expect(classifier.classify("rollback prod?").command == nil)
        #expect(classifier.classify("@chatops deploy v2.4 to prod?").command?.intent == .deploy)
        #expect(classifier.classify("/deploy iris v2.4 prod?").command?.intent == .deploy)
        #expect(classifier.classify("how is iris doing?").command?.intent == .status)
    }

    @Test func readOnlyPoliteQuestionsAreFine() {
        #expect(classifier.classify("can you show iris logs in prod?").command?.intent == .logs)
    }

    /// Chatter from the benchmark corpus (`Fixtures/chatter.txt`: its generator's near misses, every
    /// line that opens with a mutating verb, and a plain sample), none of which its ground truth
    /// calls a command. None may become a mutating intent here, except the corpus's polite near
    /// misses, which are real commands in this bot's grammar (it accepts "please" and "now").
    @Test func corpusChatterGivesNoMutation() throws {
        let corpus = try ChatterCorpus.load()
        let politeNearMisses: Set<String> = ["deploy v1.2 to prod please", "restart payments-api in prod now"]
        let matcher = classifier.rules.makeMatcher()
        var mutations: [String] = []
        for text in corpus {
            guard let command = classifier.classify(text, context: .init(), matcher: matcher).command,
                  command.intent.isMutating, !politeNearMisses.contains(text.lowercased()) else { continue }
            mutations.append("\(text) → \(command.intent.rawValue) \(command.slots)")
        }
        #expect(corpus.count == 3_707)
        #expect(politeNearMisses.isSubset(of: corpus.map { $0.lowercased() }), "the file lost the lines the exception is for")
        #expect(mutations.isEmpty, "\(mutations.count) chatter lines became mutations, e.g. \(mutations.prefix(5))")
    }
}
