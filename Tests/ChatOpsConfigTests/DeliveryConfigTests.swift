import GitHubREST
import ArgoCDBackend
import SlackPlatform
import ChatOpsApp
import ChatOpsConfig
import ChatOpsTestSupport
import Testing
import YAMLSupport

@Suite("GitOps, pipeline and backend settings")
struct DeliveryConfigTests {
    func load(_ app: String, backends: String = "", env: [String: String] = [:]) throws -> ChatOpsConfiguration {
        let text = """
            environments:
              - name: staging
              - name: prod
            apps:
            \(app)
            \(backends)
            """
        return try ConfigurationLoader(environment: env, settings: ChatOpsModules.standard.settings).parse(text: text, file: "c.yaml")
    }

    func error(_ app: String, backends: String = "", env: [String: String] = [:]) -> YAMLError? {
        do { _ = try load(app, backends: backends, env: env); return nil } catch { return error as? YAMLError }
    }

    @Test func exampleShipsKustomizeTargetsPullRequestProdAndThePipeline() throws {
        let config = try ConfigurationLoader(environment: [:], settings: ChatOpsModules.standard.settings).load(path: RepositoryPaths.exampleConfig)
        let iris = try #require(config.catalog.app(named: "iris"))
        let prod = try #require(iris.environments["prod"]?.gitops)
        #expect(prod.repository == "acme/ml-platform-gitops")
        #expect(prod.format == .kustomize(image: "ghcr.io/acme/iris-classifier"))
        #expect(prod.pullRequest)
        #expect(iris.environments["staging"]?.gitops?.pullRequest == false)
        #expect(iris.environments["prod"]?.rollback == .gitops)
        #expect(iris.pipeline?.trainingWorkflow == "train.yml")
        #expect(iris.pipeline?.inputs["model"] == "iris-classifier")
        let payments = try #require(config.catalog.app(named: "payments"))
        #expect(payments.environments["prod"]?.gitops?.format == .values(path: ["image", "tag"]))
        #expect(config.settings.duration(.argocdWaitTimeout) == .seconds(300))
        #expect(config.settings.list(.kubeNamespaces).contains("ml-prod"))
    }

    @Test func gitopsNeedsExactlyOneTagLocation() throws {
        let neither = try #require(error("""
              - name: iris
                environments:
                  prod:
                    gitops: {repo: acme/gitops, path: prod/kustomization.yaml}
            """))
        #expect(neither.message.contains("say where the tag is: image"))
        let both = try #require(error("""
              - name: iris
                environments:
                  prod:
                    gitops: {repo: acme/gitops, path: p.yaml, image: x, values_path: image.tag}
            """))
        #expect(both.message.contains("not both"))
    }

    @Test func badRepositoryPathAndRollbackModeAreNamed() throws {
        let repo = try #require(error("""
              - name: iris
                environments:
                  prod:
                    gitops: {repo: gitops, path: p.yaml, image: x}
            """))
        #expect(repo.message.contains("repo 'gitops' must be owner/name"))
        let path = try #require(error("""
              - name: iris
                environments:
                  prod:
                    gitops: {repo: a/b, path: ../secrets.yaml, image: x}
            """))
        #expect(path.message.contains("must be a file inside the repository"))
        let mode = try #require(error("""
              - name: iris
                environments:
                  prod:
                    rollback: helm
            """))
        #expect(mode.message.contains("rollback 'helm' is not one of: gitops, argocd"))
        let key = try #require(error("""
              - name: iris
                pipeline: {repo: a/b, training_workflw: train.yml}
            """))
        #expect(key.message.contains("did you mean 'training_workflow'?"))
    }

    @Test func backendSettingsAreValidatedAndTheEnvironmentWins() throws {
        let app = "  - name: iris"
        let timeout = try #require(error(app, backends: "backends:\n  argocd:\n    wait_timeout: soon\n"))
        #expect(timeout.message.contains("'soon' is not a duration"))
        let namespace = try #require(error(app, env: ["CHATOPS_KUBE_NAMESPACES": "ml-prod,Bad_NS"]))
        #expect(namespace.message.contains("backends.kubernetes.namespaces: 'Bad_NS' is not a valid Kubernetes name"))
        let config = try load(app, backends: "backends:\n  kubernetes:\n    namespaces: [a, b]\n",
                              env: ["CHATOPS_ARGOCD_WAIT_TIMEOUT": "90s"])
        #expect(config.settings.list(.kubeNamespaces) == ["a", "b"])
        #expect(config.settings.duration(.argocdWaitTimeout) == .seconds(90))
    }
}
