import GitHubREST
import ArgoCDBackend
import SlackPlatform
import ChatOpsApp
import ChatOpsConfig
import ChatOpsTestSupport
import Testing
import YAMLSupport

@Suite("Configuration errors name the file, line and key")
struct ConfigurationErrorTests {
    let minimal = """
        environments:
          - name: dev
          - name: prod
            aliases: [production]
        apps:
          - name: iris-classifier
            aliases: [iris]
        """

    func error(_ text: String, env: [String: String] = [:]) -> YAMLError? {
        do {
            _ = try ConfigurationLoader(environment: env, settings: ChatOpsModules.standard.settings).parse(text: text, file: "c.yaml")
            return nil
        } catch { return error }
    }

    @Test func misspelledTopLevelKeySuggestsTheRightOne() throws {
        let e = try #require(error(minimal + "\nenviroments: []\n"))
        #expect(e.description.contains("c.yaml:8:"))
        #expect(e.message.contains("unknown key 'enviroments' (did you mean 'environments'?)"))
    }

    @Test func missingEnvironmentsSaysWhatIsNeeded() throws {
        let e = try #require(error("apps: []\n"))
        #expect(e.message.contains("missing required key 'environments'"))
    }

    @Test func duplicateAliasNamesBothEnvironments() throws {
        let e = try #require(error("environments:\n  - name: staging\n    aliases: [stage]\n  - name: prod\n    aliases: [stage]\n"))
        #expect(e.line == 4)
        #expect(e.message.contains("'stage' is already used by environment 'staging'"))
    }

    @Test func badEnvironmentNameIsRefused() throws {
        let e = try #require(error("environments:\n  - name: Prod!\n"))
        #expect(e.message.contains("environment name 'Prod!' must be lower-case letters"))
    }

    @Test func appPlacedInAnUnknownEnvironmentListsTheKnownOnes() throws {
        let e = try #require(error(minimal + "\n    environments:\n      qa: {namespace: ml-qa}\n"))
        #expect(e.keyPath == "apps[0].environments.qa")
        #expect(e.message.contains("unknown environment 'qa'; use one of: dev, prod"))
    }

    @Test func appNamedLikeAnEnvironmentIsAmbiguous() throws {
        let e = try #require(error(minimal + "\n  - name: payments\n    aliases: [production]\n"))
        #expect(e.message.contains("'production' is also an environment name"))
    }

    @Test func invalidNamespaceIsRefused() throws {
        let e = try #require(error(minimal + "\n    environments:\n      prod: {namespace: ML_Prod}\n"))
        #expect(e.keyPath == "apps[0].environments.prod.namespace")
    }

    @Test func defaultAppMustBeInTheCatalogAndAliasesResolve() throws {
        let e = try #require(error(minimal + "\ndefaults:\n  app: irsi\n"))
        #expect(e.keyPath == "defaults.app")
        #expect(e.message.contains("unknown app 'irsi'; known apps: iris-classifier"))
        let ok = try ConfigurationLoader(environment: [:], settings: ChatOpsModules.standard.settings).parse(text: minimal + "\ndefaults:\n  app: iris\n  channels:\n    C42: {env: production}\n")
        #expect(ok.defaults.app == "iris-classifier")
        #expect(ok.defaults.env(forChannel: "C42") == "prod")
    }

    @Test func unknownSettingIsRefusedWithTheKnownOnes() throws {
        let e = try #require(error(minimal + "\nplatforms:\n  slack:\n    bot_tokn: x\n"))
        #expect(e.keyPath == "platforms.slack.bot_tokn")
        #expect(e.message.contains("platforms.slack.bot_token"))
    }

    @Test func environmentValueErrorsNameTheVariable() throws {
        let e = try #require(error(minimal, env: ["CHATOPS_LISTEN": "localhost"]))
        #expect(e.description.contains("CHATOPS_LISTEN"))
        #expect(e.message.contains("not host:port"))
        let url = try #require(error(minimal, env: ["CHATOPS_ARGOCD_URL": "argocd.local"]))
        #expect(url.description.contains("CHATOPS_ARGOCD_URL"))
    }

    @Test func wrongValueTypesAreNamed() throws {
        let e = try #require(error("environments:\n  - name: dev\n    protected: maybe\n"))
        #expect(e.message.contains("expected true or false, found 'maybe'"))
    }

    @Test func missingFileSaysHowToPointAtOne() throws {
        #expect {
            _ = try ConfigurationLoader(environment: [:], settings: ChatOpsModules.standard.settings).load(path: "/nope/chatops.yaml")
        } throws: { error in
            "\(error)".contains("/nope/chatops.yaml: no configuration file here; pass --config PATH or set CHATOPS_CONFIG")
        }
    }

    @Test func chatopsConfigVariablePicksTheFile() {
        let loader = ConfigurationLoader(environment: ["CHATOPS_CONFIG": "/etc/chatops.yaml"], settings: ChatOpsModules.standard.settings)
        #expect(loader.resolvePath(nil) == "/etc/chatops.yaml")
        #expect(loader.resolvePath("x.yaml") == "x.yaml")
        #expect(ConfigurationLoader(environment: [:], settings: ChatOpsModules.standard.settings).resolvePath(nil) == "deploy/chatops.example.yaml")
    }
}
