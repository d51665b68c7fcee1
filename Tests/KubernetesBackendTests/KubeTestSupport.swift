import ChatOpsApp
import ChatOpsConfig
import ChatOpsCore
import ChatOpsTestSupport
import Execution
import Foundation
import KubernetesBackend
import PlatformHTTP

struct NoProgress: ProgressReporter {
    func report(_ text: String) async {}
}

/// The captured payloads in `Fixtures/` (see /work/shared/fixtures/README.md), and API answers
/// built from them the way the API server wraps them.
enum KubeFixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func text(_ name: String) -> String {
        try! String(contentsOf: directory.appendingPathComponent(name), encoding: .utf8)
    }

    static func object(_ name: String) -> [String: Any] {
        try! JSONSerialization.jsonObject(with: Data(text(name).utf8)) as! [String: Any]
    }

    static var crashLoopPod: [String: Any] { object("pod.crashloopbackoff.argocd-gitops-engine-testdata.json") }
    static var pendingPod: [String: Any] { object("pod.pending.kspan.json") }

    /// The crash-looping pod, renamed, whose container's last state is the captured OOMKilled one.
    static var oomKilledPod: [String: Any] {
        var pod = crashLoopPod
        var metadata = pod["metadata"] as! [String: Any]
        metadata["name"] = "iris-classifier-oom"
        pod["metadata"] = metadata
        var status = pod["status"] as! [String: Any]
        var container = (status["containerStatuses"] as! [[String: Any]])[0]
        container["lastState"] = object("containerStatus.lastState.oomkilled.k8s-docs.json")["lastState"]
        status["containerStatuses"] = [container]
        pod["status"] = status
        return pod
    }

    /// `{"kind":"PodList","apiVersion":"v1","items":[...]}` as `GET …/pods` answers.
    static func podList(_ pods: [[String: Any]]) -> String {
        let list: [String: Any] = ["kind": "PodList", "apiVersion": "v1", "metadata": ["resourceVersion": "649460"], "items": pods]
        return String(decoding: try! JSONSerialization.data(withJSONObject: list), as: UTF8.self)
    }

    static let eventList = text("event-list.kspan-items.json")
    static let emptyEventList = #"{"kind":"EventList","apiVersion":"v1","metadata":{"resourceVersion":"649460"},"items":[]}"#

    /// An autoscaling/v1 Scale as `GET|PATCH …/deployments/{name}/scale` answers (`spec.replicas` omitted at 0).
    static func scale(_ replicas: Int) -> String {
        let spec = replicas == 0 ? "{}" : #"{"replicas":\#(replicas)}"#
        return #"{"kind":"Scale","apiVersion":"autoscaling/v1","metadata":{"name":"iris-classifier","namespace":"ml-staging"},"#
            + #""spec":\#(spec),"status":{"replicas":\#(replicas),"selector":"app=iris-classifier"}}"#
    }

    /// A `Status` error body as the API server sends it.
    static func status(_ code: Int, _ reason: String, _ message: String) -> String {
        let encoded = String(decoding: try! JSONSerialization.data(withJSONObject: [message]), as: UTF8.self).dropFirst().dropLast()
        return #"{"kind":"Status","apiVersion":"v1","metadata":{},"status":"Failure","message":\#(encoded),"reason":"\#(reason)","code":\#(code)}"#
    }
}

/// The example configuration's catalog and allow-list, a client on a fake API server, and commands.
enum KubeHarness {
    static let configuration = try! ConfigurationLoader(environment: [:], settings: ChatOpsModules.standard.settings).load(path: RepositoryPaths.exampleConfig)
    /// 2026-11-21T19:10:55Z, the moment of the captured `kubectl rollout restart`.
    static let now = Date(timeIntervalSince1970: 1_795_288_255)

    static func client(_ fake: FakePlatformAPI, token: BearerToken = .fixed("kube-token"), timeout: Duration = .seconds(15),
                       readAttempts: Int = 3) -> KubernetesClient {
        KubernetesClient(baseURL: fake.baseURL, token: token,
                         client: PlatformAPIClient(service: "Kubernetes", http: TestHTTP.pool.standard, timeout: timeout, sleep: { _ in }), readAttempts: readAttempts)
    }

    static func context(_ client: KubernetesClient, catalog: Catalog = configuration.catalog,
                        namespaces: NamespaceAllowList? = nil) -> KubernetesContext {
        KubernetesContext(client: client, catalog: catalog,
                          namespaces: namespaces ?? NamespaceAllowList(settings: configuration.settings, catalog: catalog), now: { now })
    }

    static func context(_ fake: FakePlatformAPI, timeout: Duration = .seconds(15), readAttempts: Int = 3) -> KubernetesContext {
        context(client(fake, timeout: timeout, readAttempts: readAttempts))
    }

    static func input(_ intent: Intent, app: String = "iris-classifier", env: String? = "staging",
                      _ extra: [String: SlotValue] = [:]) -> ExecutionInput {
        var slots = extra.merging(["app": .string(app)]) { a, _ in a }
        if let env { slots["env"] = .string(env) }
        return ExecutionInput(requestID: 1, command: ParsedCommand(intent: intent, slots: slots, source: .rule, ruleID: nil),
                              requester: "alice", channel: nil, isDryRun: false)
    }
}
