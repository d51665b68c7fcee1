import ChatOpsConfig
import ChatOpsCore
import Testing
import Understanding

@Suite("Slot normalisation and validation")
struct SlotNormalizerTests {
    let normalizer = SlotNormalizer(
        catalog: ShippedSetup.configuration.catalog,
        defaults: Defaults(app: "iris-classifier", channels: ["C-PAY": ChannelDefaults(app: "payments-api")]))

    func slots(_ raw: [String: String], _ intent: Intent, channel: String? = nil) -> [String: SlotValue]? {
        try? normalizer.normalize(raw, intent: intent, channel: channel).get()
    }

    func problem(_ raw: [String: String], _ intent: Intent) -> String? {
        if case .failure(let p) = normalizer.normalize(raw, intent: intent, channel: nil) { return p.message }
        return nil
    }

    @Test func aliasesBecomeCanonicalNames() {
        #expect(slots(["app": "IRIS", "env": "Production", "version": "v2.3"], .deploy)
                == ["app": .string("iris-classifier"), "env": .string("prod"), "version": .string("v2.3")])
        #expect(slots(["env": "stage"], .status)?["env"] == .string("staging"))
        #expect(slots(["model": "iris"], .drift) == ["model": .string("iris-classifier")])
    }

    @Test func defaultsFillAppAndModelGlobalAndPerChannel() {
        #expect(slots(["env": "prod"], .restart)?["app"] == .string("iris-classifier"))
        #expect(slots(["env": "prod"], .restart, channel: "C-PAY")?["app"] == .string("payments-api"))
        #expect(slots([:], .retrain)?["model"] == .string("iris-classifier"))
        // A channel whose default app serves no model leaves `model` unset rather than invent one.
        #expect(slots([:], .retrain, channel: "C-PAY")?["model"] == nil)
        #expect(slots([:], .incidents) == [:])
    }

    @Test func integersDropALeadingHashAndStayInBounds() {
        #expect(slots(["request": "#42"], .approve) == ["request": .integer(42)])
        #expect(problem(["replicas": "500"], .scale)?.contains("between 0 and 100") == true)
        #expect(problem(["request": "4x"], .approve)?.contains("not a whole number") == true)
        #expect(problem(["request": "\u{0664}\u{0662}"], .approve) != nil)  // Arabic-Indic digits
    }

    @Test func versionsAreStrict() {
        for good in ["v2.3", "2.3.1", "V1", "v1.4.0-rc.1", "1.2.3+build.5"] {
            #expect(slots(["version": good, "env": "dev"], .deploy)?["version"] == .string(good), "\(good)")
        }
        for bad in ["v2.3;reboot", "v2..3", "latest", "v\u{FF12}.3", "v2.3$(x)", "1.2.3.4.5"] {
            #expect(problem(["version": bad, "env": "dev"], .deploy)?.contains("is not a version") == true, "\(bad)")
        }
    }

    @Test func featuresAreNumbersInTheModelsCount() {
        #expect(slots(["features": "5.1, 3.5, 1.4, 0.2"], .predict)?["features"] == .numbers([5.1, 3.5, 1.4, 0.2]))
        #expect(slots(["features": "[5.1 3.5 1.4 0.2]"], .predict)?["features"] == .numbers([5.1, 3.5, 1.4, 0.2]))
        #expect(problem(["features": "5.1 3.5"], .predict)?.contains("takes 4 features") == true)
        #expect(problem(["features": "5.1 x 1 2"], .predict)?.contains("not a list of numbers") == true)
    }

    @Test func runIDsComeFromNumbersOrRunURLs() {
        #expect(slots(["run": "9120034"], .triage) == ["run": .string("9120034")])
        #expect(slots(["run": "https://github.com/acme/ml/actions/runs/9120034/job/1"], .triage) == ["run": .string("9120034")])
        #expect(problem(["run": "abc"], .triage) != nil)
    }

    @Test func freeTextRefusesShellMetacharacters() {
        #expect(slots(["request": "4", "reason": "tests are red (see #12)"], .deny)?["reason"] == .string("tests are red (see #12)"))
        for bad in ["x; rm -rf /", "a && b", "$(reboot)", "a | sh", "<script>"] {
            #expect(problem(["request": "4", "reason": bad], .deny) != nil, "\(bad)")
        }
    }

    @Test func keywordsUseTheirClosedLists() {
        #expect(slots(["state": "active"], .incidents) == ["state": .string("open")])
        #expect(slots(["topic": "Deployments"], .help) == ["topic": .string("deploy")])
        #expect(problem(["state": "sideways"], .incidents)?.contains("open, acknowledged, resolved, all") == true)
    }

    @Test func missingRequiredSlotIsNamed() {
        #expect(problem(["env": "prod"], .deploy)?.contains("needs a version") == true)
    }

    @Test func unknownNamesListWhatIsKnown() {
        #expect(problem(["env": "qa"], .status) == "unknown environment 'qa'; known environments: dev, staging, prod")
        #expect(problem(["app": "frob"], .status) == "unknown app 'frob'; known apps: iris-classifier, payments-api")
        #expect(problem(["model": "payments"], .drift) == "unknown model 'payments'; known models: iris-classifier")
    }
}
