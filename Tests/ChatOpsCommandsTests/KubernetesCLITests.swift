import ChatOpsTestSupport
import Foundation
import Testing

@Suite("chatops say against a configured Kubernetes API server", .serialized)
struct KubernetesCLITests {
    @Test("logs for iris in staging prints the pod's log tails read from the (fake) API server")
    func logsFromKubernetes() async throws {
        let pod = try String(contentsOf: RepositoryPaths.root.appendingPathComponent(
            "Tests/KubernetesBackendTests/Fixtures/pod.crashloopbackoff.argocd-gitops-engine-testdata.json"), encoding: .utf8)
        let list = #"{"kind":"PodList","apiVersion":"v1","metadata":{},"items":["# + pod + "]}"
        let api = try await FakePlatformAPI.start { request in
            if request.path.hasSuffix("/pods") { return .json(list) }
            let log = request.query.contains("previous=true") ? "OOM: model too large\n" : "serving on :8080\n"
            return FakeResponse(headers: ["Content-Type": "text/plain"], body: Array(log.utf8))
        }
        defer { Task { await api.stop() } }
        let cli = try FreshStoreCLI()
        let env = ["CHATOPS_KUBE_API_URL": api.baseURL, "CHATOPS_KUBE_TOKEN": "kube-token"]
        let result = try await cli.runBesideFakes(["say", "--as", "alice", "--store", cli.store, "logs for iris in staging"], env: env)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("""
            Last 100 log lines of iris-classifier in staging (ml-staging/iris-classifier), 1 pod:
            pod my-pod · container main — restarted 3 times, now CrashLoopBackOff:
            serving on :8080
            previous container (exited: Error, code 1):
            OOM: model too large
            """), "\(result.stdout)")
        #expect(!result.stdout.contains("kube-token"))
        #expect(api.requests.map(\.path) == ["/api/v1/namespaces/ml-staging/pods", "/api/v1/namespaces/ml-staging/pods/my-pod/log",
                                             "/api/v1/namespaces/ml-staging/pods/my-pod/log"])
        #expect(api.requests.allSatisfy { $0.header("Authorization") == "Bearer kube-token" })
    }
}
