import ChatOpsCore
import ChatOpsTestSupport
import Execution
import Foundation
import KubernetesBackend
import Testing

@Suite("Kubernetes scale and restart against a fake API server")
struct KubernetesScaleRestartTests {
    /// What kubectl sent (Fixtures/kubectl-*.request.json).
    static func captured(_ name: String) throws -> (body: String, contentType: String) {
        let capture = KubeFixtures.object(name)
        let headers = try #require(capture["headers"] as? [String: String])
        return (try #require(capture["body"] as? String), try #require(headers["Content-Type"]))
    }

    @Test("scale reads the scale subresource, then merge-patches it exactly as kubectl scale does")
    func scale() async throws {
        let fake = try await FakePlatformAPI.start { request in .json(KubeFixtures.scale(request.method == "PATCH" ? 3 : 1)) }
        defer { Task { await fake.stop() } }
        let input = KubeHarness.input(.scale, ["replicas": .integer(3)])
        let result = await KubernetesScaleExecutor(context: KubeHarness.context(fake)).execute(input, progress: NoProgress())
        #expect(result.isSuccess)
        #expect(result.text == "Scaled iris-classifier in staging (ml-staging/iris-classifier): 1 → 3 replicas.")
        let (get, patch) = (fake.requests[0], fake.requests[1])
        #expect(fake.requests.count == 2)
        #expect(get.method == "GET" && patch.method == "PATCH")
        #expect(get.path == "/apis/apps/v1/namespaces/ml-staging/deployments/iris-classifier/scale")
        #expect(patch.path == get.path)
        let kubectl = try Self.captured("kubectl-scale.request.json")
        #expect(patch.bodyText == kubectl.body)
        #expect(patch.header("Content-Type") == kubectl.contentType)
        #expect(fake.requests.allSatisfy { $0.header("Authorization") == "Bearer kube-token" })
    }

    @Test("scaling to the count it already has changes nothing")
    func alreadyScaled() async throws {
        let fake = try await FakePlatformAPI.start { _ in .json(KubeFixtures.scale(3)) }
        defer { Task { await fake.stop() } }
        let input = KubeHarness.input(.scale, ["replicas": .integer(3)])
        let result = await KubernetesScaleExecutor(context: KubeHarness.context(fake)).execute(input, progress: NoProgress())
        #expect(result.text == "iris-classifier in staging (ml-staging/iris-classifier) already has 3 replicas; nothing was changed.")
        #expect(fake.requests.map(\.method) == ["GET"])
    }

    @Test("a replica count outside 0…50 is refused before any call", arguments: [51, -1])
    func outOfRange(replicas: Int) async throws {
        let fake = try await FakePlatformAPI.start { _ in .json(KubeFixtures.scale(1)) }
        defer { Task { await fake.stop() } }
        let input = KubeHarness.input(.scale, ["replicas": .integer(replicas)])
        let result = await KubernetesScaleExecutor(context: KubeHarness.context(fake)).execute(input, progress: NoProgress())
        #expect(!result.isSuccess)
        #expect(result.text == "\(replicas) replicas is out of range: scale iris-classifier to between 0 and 50 replicas.")
        #expect(fake.requests.isEmpty)
    }

    @Test("restart patches the pod template's restartedAt annotation exactly as kubectl rollout restart does")
    func restart() async throws {
        let fake = try await FakePlatformAPI.start { _ in .json(#"{"kind":"Deployment","apiVersion":"apps/v1","metadata":{"name":"iris-classifier"}}"#) }
        defer { Task { await fake.stop() } }
        let result = await KubernetesRestartExecutor(context: KubeHarness.context(fake)).execute(KubeHarness.input(.restart), progress: NoProgress())
        #expect(result.isSuccess)
        #expect(result.text.hasPrefix("Restarting iris-classifier in staging (ml-staging/iris-classifier) (restartedAt 2026-11-21T19:10:55Z): "
                                      + "new pods roll out before the old ones stop"))
        let patch = try #require(fake.requests.first)
        #expect(fake.requests.count == 1)
        #expect(patch.method == "PATCH")
        #expect(patch.path == "/apis/apps/v1/namespaces/ml-staging/deployments/iris-classifier")
        #expect(patch.query == "fieldManager=chatops")
        let kubectl = try Self.captured("kubectl-rollout-restart.request.json")
        #expect(patch.bodyText == kubectl.body)
        #expect(patch.header("Content-Type") == kubectl.contentType)
        #expect(patch.header("Authorization") == "Bearer kube-token")
    }

    @Test("without an environment, a mutation is refused with the environments the app runs in", arguments: [Intent.scale, .restart])
    func environmentIsNeverGuessed(intent: Intent) async throws {
        let fake = try await FakePlatformAPI.start { _ in .json(KubeFixtures.scale(1)) }
        defer { Task { await fake.stop() } }
        let context = KubeHarness.context(fake)
        let input = KubeHarness.input(intent, env: nil, ["replicas": .integer(2)])
        let executor: any Executor = intent == .scale ? KubernetesScaleExecutor(context: context) : KubernetesRestartExecutor(context: context)
        let result = await executor.execute(input, progress: NoProgress())
        #expect(!result.isSuccess)
        #expect(result.text == "Say which environment for \(intent.rawValue) of iris-classifier: it runs in dev, staging, prod.")
        #expect(fake.requests.isEmpty)
    }
}
