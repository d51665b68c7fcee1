import ChatOpsConfig
import ChatOpsCore
import ChatOpsTestSupport
import Execution
import Foundation
import KubernetesBackend
import ReplyModel
import Testing

@Suite("Kubernetes diagnose against a fake API server")
struct KubernetesDiagnoseTests {
    /// The captured events are about deployment `hello-world` in `default`: an app that lives there.
    static let catalog = Catalog(environments: KubeHarness.configuration.catalog.environments, apps: [
        AppConfig(name: "hello-world", environments: ["staging": AppEnvironment(namespace: "default", deployment: "hello-world",
                                                                                 labels: ["name": "hello-world"])]),
    ])

    /// Pods as given; events filtered by `fieldSelector=involvedObject.name=…` as the API server filters them.
    static func apiServer(pods: [[String: Any]], events: String = KubeFixtures.eventList) async throws -> FakePlatformAPI {
        try await FakePlatformAPI.start(responder(pods: pods, events: events))
    }

    static func responder(pods: [[String: Any]], events: String = KubeFixtures.eventList) -> FakePlatformAPI.Respond {
        let list = KubeFixtures.podList(pods)
        let all = try! JSONSerialization.jsonObject(with: Data(events.utf8)) as! [String: Any]
        let byObject = Dictionary(grouping: all["items"] as! [[String: Any]]) {
            ($0["involvedObject"] as? [String: Any])?["name"] as? String ?? ""
        }.mapValues { items in
            let body: [String: Any] = ["kind": "EventList", "apiVersion": "v1", "metadata": [:], "items": items]
            return String(decoding: try! JSONSerialization.data(withJSONObject: body), as: UTF8.self)
        }
        return { request in
            if request.path.hasSuffix("/pods") { return .json(list) }
            let name = request.query.removingPercentEncoding?.replacingOccurrences(of: "fieldSelector=involvedObject.name=", with: "")
            return .json(byObject[name ?? ""] ?? KubeFixtures.emptyEventList)
        }
    }

    func executor(_ fake: FakePlatformAPI) -> KubernetesDiagnoseExecutor {
        KubernetesDiagnoseExecutor(context: KubeHarness.context(KubeHarness.client(fake), catalog: Self.catalog,
                                                                namespaces: NamespaceAllowList(["default"], source: "test")))
    }

    @Test("pods with their state, then the deployment's and the pods' events; crash loops and OOM kills are failures")
    func crashLoopAndOOMKill() async throws {
        let fake = try await Self.apiServer(pods: [KubeFixtures.crashLoopPod, KubeFixtures.oomKilledPod, KubeFixtures.pendingPod])
        defer { Task { await fake.stop() } }
        let input = KubeHarness.input(.diagnose, app: "hello-world", ["symptom": .string("slow")])
        let result = await executor(fake).execute(input, progress: NoProgress())
        #expect(result.isSuccess)
        #expect(result.reply.severity == .failure)
        let back = "Back-off 40s restarting failed container=main pod=my-pod_argocd(63674389-f613-11e8-a057-fe5f49266390)"
        #expect(result.reply.blocks.prefix(2) == [
            .text("hello-world in staging (default/hello-world): 3 pods, 0 ready — you said: slow"),
            .text("""
                • my-pod/main is in CrashLoopBackOff: \(back)
                • iris-classifier-oom/main is in CrashLoopBackOff: \(back)
                • iris-classifier-oom/main was OOMKilled (exit 137): it needs more memory than its limit
                • my-pod/main restarted 3 times, last exit: Error (code 1)
                • my-pod runs but only 0/1 containers are ready
                • iris-classifier-oom runs but only 0/1 containers are ready
                • hello-world-6b9d85fbd6-klpv2 is Pending: not scheduled or its containers are not created yet
                """),
        ])
        #expect(result.reply.blocks[2] == .table(headers: ["Pod", "Status", "Restarts", "Last termination", "Waiting", "Age"], rows: [
            ["my-pod", "Running 0/1", "3", "Error", "CrashLoopBackOff", "2911d"],
            ["iris-classifier-oom", "Running 0/1", "3", "OOMKilled", "CrashLoopBackOff", "2911d"],
            ["hello-world-6b9d85fbd6-klpv2", "Pending 0/1", "0", "-", "-", "2185d"],
        ]))
        guard case .table(_, let events) = result.reply.blocks[3] else { Issue.record("no events table"); return }
        #expect(events.map { Array($0.prefix(3)) } == [
            ["Normal", "ScalingReplicaSet", "Deployment/hello-world"], ["Normal", "Pulled", "Pod/hello-world-6b9d85fbd6-klpv2"],
            ["Normal", "Created", "Pod/hello-world-6b9d85fbd6-klpv2"], ["Normal", "Started", "Pod/hello-world-6b9d85fbd6-klpv2"],
            ["Normal", "ScalingReplicaSet", "Deployment/hello-world"], ["Normal", "Scheduled", "Pod/hello-world-6b9d85fbd6-klpv2"],
        ])
        #expect(events.first?[3] == "Scaled down replica set hello-world-7ff854f459 to 0")
        #expect(fake.requests.map(\.query) == [
            "labelSelector=name%3Dhello-world", "fieldSelector=involvedObject.name%3Dhello-world",
            "fieldSelector=involvedObject.name%3Dmy-pod", "fieldSelector=involvedObject.name%3Diris-classifier-oom",
            "fieldSelector=involvedObject.name%3Dhello-world-6b9d85fbd6-klpv2",
        ])
        #expect(fake.requests.dropFirst().allSatisfy { $0.path == "/api/v1/namespaces/default/events" && $0.method == "GET" })
        #expect(fake.requests.allSatisfy { $0.header("Authorization") == "Bearer kube-token" })
    }

    @Test("the collected facts are a public value for what reasons about them next")
    func factsAreExposed() async throws {
        let fake = try await Self.apiServer(pods: [KubeFixtures.oomKilledPod])
        defer { Task { await fake.stop() } }
        let diagnosis = try await executor(fake).diagnose(KubeHarness.input(.diagnose, app: "hello-world")).get()
        #expect(diagnosis.namespace == "default" && diagnosis.deployment == "hello-world" && diagnosis.selector == "name=hello-world")
        let container = try #require(diagnosis.pods.first?.containers.first)
        #expect(container.lastTerminationReason == "OOMKilled")
        #expect(container.lastExitCode == 137)
        #expect(container.waitingReason == "CrashLoopBackOff")
        #expect(diagnosis.severity == .failure)
        #expect(diagnosis.events.map(\.message) == ["Scaled down replica set hello-world-7ff854f459 to 0",
                                                     "Scaled up replica set hello-world-6b9d85fbd6 to 1"])
    }

    @Test("a pending pod and a Warning event are a warning; the event is a finding")
    func pendingIsAWarning() async throws {
        let warning = """
            {"kind":"EventList","apiVersion":"v1","metadata":{},"items":[{"apiVersion":"v1","kind":"Event","count":4,
            "involvedObject":{"apiVersion":"v1","kind":"Pod","name":"hello-world-6b9d85fbd6-klpv2","namespace":"default"},
            "reason":"FailedScheduling","message":"0/1 nodes are available: 1 Insufficient memory.","type":"Warning",
            "lastTimestamp":"2020-11-27T12:05:05Z","metadata":{"name":"hello-world-6b9d85fbd6-klpv2.1","namespace":"default"}}]}
            """
        let fake = try await Self.apiServer(pods: [KubeFixtures.pendingPod], events: warning)
        defer { Task { await fake.stop() } }
        let result = await executor(fake).execute(KubeHarness.input(.diagnose, app: "hello-world"), progress: NoProgress())
        #expect(result.reply.severity == .warning)
        #expect(result.reply.blocks[1] == .text("""
            • hello-world-6b9d85fbd6-klpv2 is Pending: not scheduled or its containers are not created yet
            • Pod/hello-world-6b9d85fbd6-klpv2: FailedScheduling — 0/1 nodes are available: 1 Insufficient memory. (×4)
            """))
    }
}
