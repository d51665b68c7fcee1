import ChatOpsApp
import ChatOpsConfig
import ChatOpsCore
import ChatOpsTestSupport
import Foundation
import RuleEngine
import Testing
import Understanding

/// `kubectl … -n NAMESPACE`: the shipped rules capture the namespace, and the configuration — not
/// the rules — says which environment it is, so another team's namespaces work unchanged.
@Suite("kubectl namespaces become environments through the configuration")
struct NamespaceLocatorTests {
    /// The example configuration's apps moved to another team's namespaces.
    static let classifier: RuleClassifier = {
        let example = try! String(contentsOf: URL(fileURLWithPath: RepositoryPaths.exampleConfig), encoding: .utf8)
        var text = example
        for env in ["dev", "staging", "prod"] {
            text = text.replacingOccurrences(of: "namespace: ml-\(env)", with: "namespace: vision-\(env)-eu")
                .replacingOccurrences(of: "namespace: payments-\(env)", with: "namespace: pay-\(env)")
        }
        let folder = try! TemporaryDirectory()
        let path = try! folder.write("chatops.yaml", text)
        let configuration = try! ConfigurationLoader(environment: [:], settings: ChatOpsModules.standard.settings).load(path: path)
        return RuleClassifier(rules: try! RuleFileLoader().load(directory: RepositoryPaths.rules), configuration: configuration)
    }()

    func classify(_ text: String) -> UnderstandingResult {
        Self.classifier.classify(text, context: .init(channel: nil, isAddressedByPlatform: true))
    }

    @Test("the configuration's own namespaces give the environment", arguments: [
        ("kubectl get deploy iris-classifier -n vision-prod-eu", "iris-classifier", "prod"),
        ("kubectl -n pay-staging rollout restart deploy/payments-api", "payments-api", "staging"),
        ("kubectl rollout undo deployment/iris -n vision-dev-eu", "iris-classifier", "dev"),
        ("kubectl scale deploy payments-api --replicas=2 --namespace=pay-prod", "payments-api", "prod"),
    ])
    func placed(text: String, app: String, env: String) throws {
        let command = try #require(classify(text).command, "\(text): \(String(describing: classify(text).reason))")
        #expect(command.slots["app"] == .string(app))
        #expect(command.slots["env"] == .string(env))
        #expect(command.slots["namespace"] == nil, "a namespace is never a slot")
    }

    @Test("the example's namespaces mean nothing to this configuration: the environment is asked for")
    func otherConfigurationsNamespaces() throws {
        let status = try #require(classify("kubectl get deploy iris-classifier -n ml-prod").command)
        #expect(status.slots["env"] == nil)
        #expect(classify("kubectl rollout undo deployment/iris -n ml-prod").reason
                == "'rollback' needs an environment (env): namespace ml-prod is not one the configuration runs iris-classifier in "
                + "(vision-dev-eu (dev), vision-staging-eu (staging), vision-prod-eu (prod))")
    }

    @Test("another app's namespace is refused, saying whose it is")
    func anotherAppsNamespace() {
        #expect(classify("kubectl rollout restart deploy/iris-classifier -n pay-prod").reason
                == "namespace pay-prod holds payments-api, not iris-classifier; iris-classifier runs in "
                + "vision-dev-eu (dev), vision-staging-eu (staging), vision-prod-eu (prod)")
    }

    @Test("a namespace that contradicts the environment also said is refused")
    func contradiction() {
        #expect(ShippedSetup.classifier.normalizer.normalize(["app": "iris", "namespace": "ml-prod", "env": "staging"], intent: .status,
                                                             channel: nil)
                == .failure(SlotProblem(slot: "env", message: "namespace ml-prod is iris-classifier's prod, not staging")))
    }
}
