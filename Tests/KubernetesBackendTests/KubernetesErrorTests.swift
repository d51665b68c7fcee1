import ChatOpsCore
import ChatOpsTestSupport
import Execution
import Foundation
import KubernetesBackend
import PlatformHTTP
import Testing

@Suite("Kubernetes error answers become failures that say what failed and what to do")
struct KubernetesErrorTests {
    static let forbidden = #"deployments.apps "iris-classifier" is forbidden: User "system:serviceaccount:chatops:chatops" cannot "#
        + #"patch resource "deployments/scale" in API group "apps" in the namespace "ml-staging""#
    static let patchScale = "Kubernetes answered %d to patch deployments/scale iris-classifier in ml-staging: "

    func scale(_ fake: FakePlatformAPI, timeout: Duration = .seconds(15)) async -> ExecutionResult {
        let context = KubeHarness.context(fake, timeout: timeout)
        return await KubernetesScaleExecutor(context: context).execute(KubeHarness.input(.scale, ["replicas": .integer(3)]), progress: NoProgress())
    }

    func logs(_ fake: FakePlatformAPI, timeout: Duration = .seconds(15), readAttempts: Int = 3) async -> ExecutionResult {
        let context = KubeHarness.context(fake, timeout: timeout, readAttempts: readAttempts)
        return await KubernetesLogsExecutor(context: context).execute(KubeHarness.input(.logs), progress: NoProgress())
    }

    @Test("a refused patch names the object, the reason and the fix", arguments: [
        (401, KubeFixtures.status(401, "Unauthorized", "Unauthorized"),
         "the token is invalid or expired (CHATOPS_KUBE_TOKEN, the kubeconfig user, or the service-account token) — Unauthorized"),
        (403, KubeFixtures.status(403, "Forbidden", forbidden),
         #"the service account lacks `patch` on `deployments/scale` in namespace ml-staging; add to its Role there the rule "#
            + #"{apiGroups: ["apps"], resources: ["deployments/scale"], verbs: ["patch"]} — \#(forbidden)"#),
        (404, KubeFixtures.status(404, "NotFound", #"deployments.apps "iris-classifier" not found"#),
         "there is no such deployment iris-classifier in namespace ml-staging (check apps[].environments.ENV.deployment and namespace "
            + #"in the configuration) — deployments.apps "iris-classifier" not found"#),
        (409, KubeFixtures.status(409, "Conflict", #"Operation cannot be fulfilled on deployments.apps "iris-classifier": the object has been modified"#),
         "conflict: the object changed at the same time; nothing was applied, try again — Operation cannot be fulfilled"),
        (422, KubeFixtures.status(422, "Invalid", #"Scale.autoscaling "iris-classifier" is invalid: spec.replicas: Invalid value: 3"#),
         "the change is invalid for this object — Scale.autoscaling"),
        (500, KubeFixtures.status(500, "InternalError", "Internal error occurred: etcdserver: request timed out"),
         "the API server failed; try again shortly — Internal error occurred: etcdserver: request timed out"),
    ])
    func patchErrors(code: Int, body: String, expected: String) async throws {
        let fake = try await FakePlatformAPI.start { request in
            request.method == "PATCH" ? .json(body, status: code) : .json(KubeFixtures.scale(1))
        }
        defer { Task { await fake.stop() } }
        let result = await scale(fake)
        #expect(!result.isSuccess)
        #expect(result.text.hasPrefix(String(format: Self.patchScale, code) + expected))
        #expect(!result.text.contains("kube-token"))
        #expect(fake.requests.map(\.method) == ["GET", "PATCH"], "a patch is sent once")
    }

    @Test("429 is waited out as Retry-After says (the call was not processed), then fails clearly")
    func rateLimited() async throws {
        let fake = try await FakePlatformAPI.start { request in
            request.method == "PATCH"
                ? .json(KubeFixtures.status(429, "TooManyRequests", "Too many requests, please try again later."), status: 429,
                        headers: ["Retry-After": "1"])
                : .json(KubeFixtures.scale(1))
        }
        defer { Task { await fake.stop() } }
        let result = await scale(fake)
        #expect(!result.isSuccess)
        #expect(result.text == "Kubernetes is rate limiting the bot (429) to patch deployments/scale iris-classifier in ml-staging (retry after 1s): "
                + "nothing more was sent; try again in a minute")
        #expect(fake.requests.filter { $0.method == "PATCH" }.count == 4)
    }

    @Test("a malformed answer is a failure naming the call")
    func malformed() async throws {
        let fake = try await FakePlatformAPI.start { _ in .json("{not json") }
        defer { Task { await fake.stop() } }
        let result = await logs(fake)
        #expect(!result.isSuccess)
        #expect(result.text == "Kubernetes' answer to list pods in ml-staging could not be read: PodList expected, got {not json")
    }

    @Test("a read that gets no answer in time is retried, then fails naming the call; a patch is not retried")
    func timeouts() async throws {
        let fake = try await FakePlatformAPI.start { request in
            if request.method == "GET", request.path.hasSuffix("/scale") { return .json(KubeFixtures.scale(1)) }
            try? await Task.sleep(for: .seconds(5))
            return .json(KubeFixtures.podList([]))
        }
        defer { Task { await fake.stop() } }
        let read = await logs(fake, timeout: .seconds(1), readAttempts: 2)
        #expect(!read.isSuccess)
        #expect(read.text.hasPrefix("Kubernetes did not answer to list pods in ml-staging: "))
        #expect(fake.requests.filter { $0.path.hasSuffix("/pods") }.count == 2)
        let patch = await scale(fake, timeout: .seconds(1))
        #expect(!patch.isSuccess)
        #expect(patch.text.hasPrefix("Kubernetes did not answer to patch deployments/scale iris-classifier in ml-staging: "))
        #expect(fake.requests.filter { $0.method == "PATCH" }.count == 1)
    }

    @Test("read errors: 401, 403 with the Role rule, a gateway error after three tries", arguments: [
        (401, "the token is invalid or expired", 1),
        (403, #"the service account lacks `list` on `pods` in namespace ml-staging; add to its Role there the rule {apiGroups: [""], resources: ["pods"], verbs: ["list"]}"#, 1),
        (503, "the API server failed; try again shortly", 3),
    ])
    func readErrors(code: Int, expected: String, calls: Int) async throws {
        let fake = try await FakePlatformAPI.start { _ in .json(KubeFixtures.status(code, "Failure", "refused"), status: code) }
        defer { Task { await fake.stop() } }
        let result = await logs(fake)
        #expect(!result.isSuccess)
        #expect(result.text.hasPrefix("Kubernetes answered \(code) to list pods in ml-staging: \(expected)"))
        #expect(fake.requests.count == calls)
    }

    @Test("no server at all is a failure naming the call")
    func unreachable() async throws {
        // Port 9 (discard): nothing listens there. A stopped fake's port could be taken by another test's server.
        let client = KubernetesClient(baseURL: "http://127.0.0.1:9", token: .fixed("kube-token"),
                                      client: PlatformAPIClient(service: "Kubernetes", http: TestHTTP.pool.standard, timeout: .seconds(1),
                                                                sleep: { _ in }), readAttempts: 1)
        let result = await KubernetesLogsExecutor(context: KubeHarness.context(client)).execute(KubeHarness.input(.logs), progress: NoProgress())
        #expect(!result.isSuccess)
        #expect(result.text.hasPrefix("Kubernetes did not answer to list pods in ml-staging: Kubernetes could not be reached at /api/v1/namespaces/ml-staging/pods"))
    }
}
