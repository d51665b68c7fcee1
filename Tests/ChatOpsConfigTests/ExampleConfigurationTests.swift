import GitHubREST
import ArgoCDBackend
import SlackPlatform
import ChatOpsApp
import ChatOpsConfig
import ChatOpsTestSupport
import Testing

@Suite("The shipped example configuration")
struct ExampleConfigurationTests {
    let config: ChatOpsConfiguration

    init() throws {
        config = try ConfigurationLoader(environment: [:], settings: ChatOpsModules.standard.settings).load(path: RepositoryPaths.exampleConfig)
    }

    @Test func environmentsInPromotionOrderWithAliases() {
        #expect(config.catalog.environmentNames == ["dev", "staging", "prod"])
        #expect(config.catalog.environment(named: "Production")?.name == "prod")
        #expect(config.catalog.environment(named: "stage")?.name == "staging")
        #expect(config.catalog.environment(named: "qa") == nil)
        #expect(config.catalog.environment(before: "prod")?.name == "staging")
        #expect(config.catalog.environment(before: "dev") == nil)
        #expect(config.catalog.environment(named: "prod")?.isProtected == true)
        #expect(config.catalog.environment(named: "dev")?.isProtected == false)
    }

    @Test func appCatalogWithAliasesModelAndPerEnvironmentPlacement() throws {
        let iris = try #require(config.catalog.app(named: "IRIS"))
        #expect(iris.name == "iris-classifier")
        #expect(iris.model?.features == ["sepal_length", "sepal_width", "petal_length", "petal_width"])
        #expect(iris.model?.classes == ["setosa", "versicolor", "virginica"])
        #expect(iris.model?.mlflowExperiment == "iris-classification")
        #expect(iris.environments["prod"]?.namespace == "ml-prod")
        #expect(iris.environments["staging"]?.argocdApp == "iris-classifier-staging")
        #expect(iris.environments["prod"]?.labels == ["app": "iris-classifier"])
        #expect(config.catalog.app(named: "payments")?.name == "payments-api")
        #expect(config.catalog.model(named: "payments") == nil)
        #expect(config.catalog.model(named: "iris")?.name == "iris-classifier")
    }

    @Test func defaultsAndBuiltInSettings() {
        #expect(config.defaults.app == "iris-classifier")
        #expect(config.defaults.app(forChannel: "C123") == "iris-classifier")
        #expect(config.botNames == ["chatops"])
        #expect(config.rulesPath == "rules")
        #expect(config.storePath == "chatops.db")
        #expect(config.settings.value(.listen) == "127.0.0.1:8080")
        #expect(config.settings.value(.slackAPIURL) == "https://slack.com/api")
        #expect(config.settings.secret(.slackBotToken) == nil)
        #expect(!config.isDryRun)
    }
}
