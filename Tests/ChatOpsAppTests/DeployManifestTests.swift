import ChatOpsApp
import ChatOpsConfig
import ChatOpsMetrics
import ChatOpsTestSupport
import Foundation
import RequestStore
import Testing
import YAMLSupport

/// The `deploy/` folder read as `kubectl kustomize` reads it (CI renders it too where kubectl is
/// on the path): the objects it makes, the namespaces they land in, least-privilege RBAC in every
/// namespace the catalog names, secrets referenced and never held, and the Argo CD and Prometheus
/// files that go with them.
@Suite("The deploy/ manifests")
struct DeployManifestTests {
    static let base = "deploy/kubernetes"
    static let overlay = "deploy/kubernetes/overlays/small"
    /// Applied on the edge cluster: the bot's account there and the Roles of edge's namespaces.
    static let edge = "deploy/kubernetes/edge"
    /// What the Kubernetes executors call (KubernetesClient's actions), as (API group, resource, verb).
    static let executorCalls: Set<Grant> = [
        Grant("", "pods", "list"), Grant("", "pods/log", "get"), Grant("", "events", "list"),
        Grant("apps", "deployments", "patch"), Grant("apps", "deployments/scale", "get"), Grant("apps", "deployments/scale", "patch"),
    ]
    /// The most a Role may grant: the calls, and `get` for reading what they act on.
    static let allowed = executorCalls.union([Grant("", "pods", "get"), Grant("apps", "deployments", "get")])

    @Test(arguments: [Self.base, Self.overlay])
    func theBotsObjectsAreAllThereInItsNamespace(folder: String) throws {
        let tree = try Kustomized.read(folder)
        let kinds = Set(tree.objects.map(\.kind))
        for kind in ["Deployment", "Service", "ServiceAccount", "PersistentVolumeClaim", "Role", "RoleBinding"] {
            #expect(kinds.contains(kind), "no \(kind) in \(folder)")
        }
        #expect(Set(tree.configMaps.map(\.name)) == ["chatops-config", "chatops-env"])
        for object in tree.objects where !["Role", "RoleBinding"].contains(object.kind) {
            #expect(object.namespace == "chatops", "\(object) must land in namespace chatops")
        }
        #expect(tree.configMaps.allSatisfy { $0.namespace == "chatops" })
        #expect(!kinds.contains("ClusterRole") && !kinds.contains("ClusterRoleBinding"), "nothing cluster-wide")
    }

    @Test func theDeploymentIsOneReplicaWithProbesLimitsAndARestrictedSecurityContext() throws {
        let tree = try Kustomized.read(Self.base)
        let deployment = try tree.one("Deployment")
        #expect(deployment["spec", "replicas"]?.text == "1", "SQLite has one writer")
        #expect(deployment["spec", "strategy", "type"]?.text == "Recreate", "two pods must never hold the store at once")
        let pod = try #require(deployment["spec", "template", "spec"])
        let container = try #require(pod["containers"]?.items.first { $0["name"]?.text == "chatops" })
        let port = try #require(container["ports"]?.items.first)
        #expect(port["containerPort"]?.text == "8080")
        for (probe, path) in [("livenessProbe", "/healthz"), ("readinessProbe", "/readyz")] {
            #expect(container[probe, "httpGet", "path"]?.text == path, "\(probe)")
            let probePort = container[probe, "httpGet", "port"]?.text
            #expect(probePort == "8080" || probePort == port["name"]?.text, "\(probe) must ask port 8080")
        }
        for part in ["requests", "limits"] {
            for resource in ["cpu", "memory"] {
                #expect(container["resources", part, resource]?.text?.isEmpty == false, "resources.\(part).\(resource)")
            }
        }
        // Set on the container, or inherited from the pod where Kubernetes allows it.
        func security(_ path: String...) -> String? {
            container.value(at: ["securityContext"] + path)?.text ?? pod.value(at: ["securityContext"] + path)?.text
        }
        #expect(security("runAsNonRoot") == "true")
        #expect(security("runAsUser") == "10001")
        #expect(security("seccompProfile", "type") == "RuntimeDefault")
        #expect(container["securityContext", "readOnlyRootFilesystem"]?.text == "true")
        #expect(container["securityContext", "allowPrivilegeEscalation"]?.text == "false")
        #expect(container["securityContext", "capabilities", "drop"]?.items.compactMap(\.text) == ["ALL"])
        // The in-cluster Kubernetes backend needs the service account's token.
        #expect(pod["automountServiceAccountToken"]?.text == "true")
        #expect(tree.objects.contains { $0.kind == "ServiceAccount" && $0.name == pod["serviceAccountName"]?.text })

        let service = try tree.one("Service")
        #expect(service["spec", "type"]?.text ?? "ClusterIP" == "ClusterIP")
        let servicePort = try #require(service["spec", "ports"]?.items.first)
        #expect(servicePort["port"]?.text == "8080")
        #expect([port["name"]?.text, "8080"].contains(servicePort["targetPort"]?.text))
        let podLabels = deployment["spec", "template", "metadata", "labels"]?.map
        for (key, value) in try #require(service["spec", "selector"]?.map).entries {
            #expect(podLabels?[key]?.text == value.text, "the Service selects the bot's pod by \(key)")
        }

        let claim = try tree.one("PersistentVolumeClaim")
        #expect(claim["spec", "resources", "requests", "storage"]?.text == "1Gi")
        #expect(claim["spec", "accessModes"]?.items.compactMap(\.text) == ["ReadWriteOnce"])
        let mounts = try #require(container["volumeMounts"]?.items)
        let volumes = try #require(pod["volumes"]?.items)
        func volume(mountedAt path: String) -> YAMLValue? {
            let name = mounts.first { $0["mountPath"]?.text == path }?["name"]?.text
            return volumes.first { $0["name"]?.text == name }
        }
        #expect(volume(mountedAt: "/var/lib/chatops")?["persistentVolumeClaim", "claimName"]?.text == claim.name)
        #expect(volume(mountedAt: "/tmp")?["emptyDir"] != nil, "/tmp is an emptyDir: the root filesystem is read-only")
    }

    @Test(arguments: [Self.base, Self.overlay, Self.edge])
    func everyRoleGrantsWhatTheExecutorsCallAndNothingMore(folder: String) throws {
        let tree = try Kustomized.read(folder)
        let roles = tree.objects.filter { $0.kind == "Role" }
        #expect(!roles.isEmpty)
        for role in roles {
            var granted: Set<Grant> = []
            for rule in try #require(role["rules"]?.items) {
                #expect(rule["nonResourceURLs"] == nil && rule["resourceNames"] == nil, "\(role)")
                let groups = rule["apiGroups"]?.items.compactMap(\.text) ?? []
                let resources = rule["resources"]?.items.compactMap(\.text) ?? []
                let verbs = rule["verbs"]?.items.compactMap(\.text) ?? []
                #expect(!(groups + resources + verbs).contains { $0.contains("*") }, "no wildcards in \(role)")
                for group in groups { for resource in resources { for verb in verbs { granted.insert(Grant(group, resource, verb)) } } }
            }
            #expect(granted.subtracting(Self.allowed).isEmpty, "\(role) grants more than the executors use: \(granted.subtracting(Self.allowed))")
            #expect(Self.executorCalls.subtracting(granted).isEmpty, "\(role) lacks \(Self.executorCalls.subtracting(granted))")
        }
        let account = try tree.one("ServiceAccount")
        for binding in tree.objects.filter({ $0.kind == "RoleBinding" }) {
            #expect(binding["roleRef", "kind"]?.text == "Role")
            #expect(roles.contains { $0.name == binding["roleRef", "name"]?.text && $0.namespace == binding.namespace },
                    "\(binding) binds a Role of its own namespace")
            let subjects = binding["subjects"]?.items ?? []
            #expect(subjects.count == 1)
            #expect(subjects.first?["kind"]?.text == "ServiceAccount")
            #expect(subjects.first?["name"]?.text == account.name && subjects.first?["namespace"]?.text == account.namespace,
                    "\(binding) binds the bot's service account")
        }
    }

    @Test(arguments: [Self.base, Self.overlay])
    func everyNamespaceTheCatalogNamesHasARoleAndABinding(folder: String) throws {
        let tree = try Kustomized.read(folder)
        let loader = ConfigurationLoader(environment: [:], settings: ChatOpsModules.standard.settings)
        let example = try Self.namespaces(of: loader.load(path: RepositoryPaths.exampleConfig), onCluster: "cloud")
        let deployed = try Self.namespaces(of: loader.load(path: try tree.configFile().path), onCluster: "cloud")
        #expect(example.count >= 2)
        let roles = Set(tree.objects.filter { $0.kind == "Role" }.compactMap(\.namespace))
        let bindings = Set(tree.objects.filter { $0.kind == "RoleBinding" }.compactMap(\.namespace))
        #expect(example.isSubset(of: roles), "no Role in \(example.subtracting(roles))")
        #expect(example.isSubset(of: bindings), "no RoleBinding in \(example.subtracting(bindings))")
        // Least privilege: the Roles are exactly where the deployed catalog runs apps.
        #expect(roles == deployed && bindings == deployed)
    }

    @Test("the edge kustomization: the bot's account and token Secret (no value) in chatops, a Role and binding in exactly edge's namespaces")
    func theEdgeClusterGetsItsOwnAccountAndRoles() throws {
        let tree = try Kustomized.read(Self.edge)
        let loader = ConfigurationLoader(environment: [:], settings: ChatOpsModules.standard.settings)
        let deployed = try Self.namespaces(of: loader.load(path: Self.path("deploy/kubernetes/bot/chatops.yaml").path), onCluster: "edge")
        let example = try Self.namespaces(of: loader.load(path: RepositoryPaths.exampleConfig), onCluster: "edge")
        #expect(!deployed.isEmpty && example.isSubset(of: deployed))
        #expect(Set(tree.objects.filter { $0.kind == "Role" }.compactMap(\.namespace)) == deployed)
        #expect(Set(tree.objects.filter { $0.kind == "RoleBinding" }.compactMap(\.namespace)) == deployed)
        let account = try tree.one("ServiceAccount")
        #expect(account.namespace == "chatops")
        let token = try tree.one("Secret")
        #expect(token["type"]?.text == "kubernetes.io/service-account-token" && token["data"] == nil && token["stringData"] == nil)
        #expect(token["metadata", "annotations", "kubernetes.io/service-account.name"]?.text == account.name)
        #expect(!tree.objects.contains { ["ClusterRole", "ClusterRoleBinding", "Deployment"].contains($0.kind) })
        #expect(try Self.namespaces(of: loader.load(path: Self.path("deploy/kubernetes/bot/chatops.yaml").path), onCluster: "cloud")
            .isDisjoint(with: deployed), "no namespace on both clusters")
    }

    @Test(arguments: [Self.base, Self.overlay])
    func noSecretHoldsAValueAndEverySecretReferenceIsASettingTheBotReads(folder: String) throws {
        let tree = try Kustomized.read(folder)
        let settings = try DocumentedSettings.load()
        // The token variables the deployed configuration names for its clusters are read too.
        let loader = ConfigurationLoader(environment: [:], settings: ChatOpsModules.standard.settings)
        let clusterTokens: Set<String> = Set(try loader.load(path: try tree.configFile().path).catalog.clusters.compactMap { cluster in
            if case .apiServer(_, .environment(let variable), _) = cluster.access { return variable }
            return nil
        })
        #expect(clusterTokens == ["CHATOPS_KUBE_EDGE_TOKEN"])
        #expect(tree.secretGenerators == 0, "secrets are created by hand (docs/deploy-kubernetes.md), never generated from Git")
        for secret in tree.objects where secret.kind == "Secret" {
            #expect(secret["data"] == nil && secret["stringData"] == nil, "\(secret) holds values")
        }
        let container = try #require(try tree.one("Deployment")["spec", "template", "spec", "containers"]?.items.first)
        let references = (container["env"]?.items ?? []).filter { $0["valueFrom", "secretKeyRef"] != nil }
        #expect(references.count >= 8)
        for variable in container["env"]?.items ?? [] {
            let name = try #require(variable["name"]?.text)
            #expect(settings.variables.contains(name) || clusterTokens.contains(name), "\(name) is not a setting in docs/configuration.md")
            if let reference = variable["valueFrom", "secretKeyRef"] {
                #expect(reference["name"]?.text == "chatops" && reference["key"]?.text == name, "\(name) comes from secret chatops, key \(name)")
                #expect(reference["optional"]?.text == "true", "a missing \(name) leaves its module off, not the pod down")
            } else {
                #expect(!settings.secrets.contains(name), "\(name) is a secret: reference it, never give its value")
            }
        }
        let environment = try #require(tree.configMaps.first { $0.name == "chatops-env" })
        #expect(container["envFrom"]?.items.contains { $0["configMapRef", "name"]?.text == environment.name } == true)
        for name in environment.literals.keys {
            #expect(settings.variables.contains(name) || name == "CHATOPS_CONFIG", "\(name) is not a setting the bot reads")
            #expect(!settings.secrets.contains(name), "\(name) is a secret: it belongs in the Secret, not a ConfigMap")
        }
    }

    /// The paths the Deployment, the ConfigMaps and the image give must meet: the config file where
    /// CHATOPS_CONFIG says, the store on the volume, the rules and prompts where the image copies them.
    @Test func theConfigurationInTheConfigMapLoadsWithTheImagesPaths() async throws {
        let tree = try Kustomized.read(Self.base)
        let environment = try #require(tree.configMaps.first { $0.name == "chatops-env" }).literals
        let pod = try #require(try tree.one("Deployment")["spec", "template", "spec"])
        let mounts = pod["containers"]?.items.first?["volumeMounts"]?.items ?? []
        let configVolume = try #require(pod["volumes"]?.items.first { $0["configMap", "name"]?.text == "chatops-config" })
        let configMount = try #require(mounts.first { $0["name"]?.text == configVolume["name"]?.text }?["mountPath"]?.text)
        #expect(environment["CHATOPS_CONFIG"] == "\(configMount)/\(try tree.configFile().lastPathComponent)")
        let dataMount = mounts.first { $0["name"]?.text == "data" }?["mountPath"]?.text
        #expect(environment["CHATOPS_STORE"].map { ($0 as NSString).deletingLastPathComponent } == dataMount)
        #expect(environment["CHATOPS_LISTEN"] == "0.0.0.0:8080")

        let image = try Dockerfile.load()
        #expect(image.user == "10001:10001" || image.user == "10001", "the Deployment runs as 10001")
        #expect(image.exposed == ["8080"])
        #expect(image.environment["CHATOPS_LISTEN"] == "0.0.0.0:8080")
        #expect(image.environment["CHATOPS_STORE"] == environment["CHATOPS_STORE"])
        #expect(image.copied["prompts"] == environment["CHATOPS_PROMPTS"])

        // With the ConfigMap's variables, the bot accepts the file (catalog, policy, settings).
        var variables = environment
        variables.removeValue(forKey: "CHATOPS_PROMPTS")
        let app = try await ChatOpsApp.load(AppOptions(configPath: try tree.configFile().path, rulesPath: RepositoryPaths.rules,
                                                       promptsPath: RepositoryPaths.prompts, store: try SQLiteApprovalStore.inMemory(),
                                                       environment: variables))
        await app.shutdown()
        #expect(app.configuration.rulesPath == image.copied["rules"])
        #expect(app.configuration.storePath == environment["CHATOPS_STORE"])
    }

    @Test func theSmallOverlayLowersRequestsAndUsesLocalPath() throws {
        let base = try Kustomized.read(Self.base)
        let small = try Kustomized.read(Self.overlay)
        #expect(Set(small.objects.map(\.id)) == Set(base.objects.map(\.id)), "the overlay deploys everything the base does")
        let kustomization = try #require(try YAMLValue.load(path: Self.path(Self.overlay, "kustomization.yaml").path).map)
        let patches = try #require(kustomization["patches"]?.items)
        var patched: [String: YAMLValue] = [:]
        for patch in patches {
            let kind = try #require(patch["target", "kind"]?.text), name = patch["target", "name"]?.text
            #expect(base.objects.contains { $0.kind == kind && $0.name == name }, "the patch targets \(kind) \(name ?? "?") of the base")
            let file = try YAMLValue.load(path: Self.path(Self.overlay, try #require(patch["path"]?.text)).path)
            #expect(file["kind"]?.text == kind && file["metadata", "name"]?.text == name)
            patched[kind] = file
        }
        let resources = try #require(patched["Deployment"]?["spec", "template", "spec", "containers"]?.items.first?["resources"])
        for part in ["requests", "limits"] {
            for resource in ["cpu", "memory"] { #expect(resources[part, resource]?.text?.isEmpty == false) }
        }
        #expect(resources["requests", "cpu"]?.text != base.deploymentResources?["requests", "cpu"]?.text, "smaller requests")
        #expect(patched["PersistentVolumeClaim"]?["spec", "storageClassName"]?.text == "local-path")
    }

    @Test func theArgoCDApplicationDeploysTheOverlayFromGit() throws {
        let application = try YAMLValue.load(path: Self.path("deploy/argocd/application.yaml").path)
        #expect(application["apiVersion"]?.text == "argoproj.io/v1alpha1" && application["kind"]?.text == "Application")
        let path = try #require(application["spec", "source", "path"]?.text)
        #expect(path == Self.overlay)
        #expect(FileManager.default.fileExists(atPath: Self.path(path, "kustomization.yaml").path), "\(path) is not a kustomization")
        #expect(application["spec", "source", "repoURL"]?.text?.hasPrefix("https://") == true)
        #expect(application["spec", "destination", "namespace"]?.text == "chatops")
        #expect(application["spec", "syncPolicy", "automated", "prune"]?.text == "true")
        #expect(application["spec", "syncPolicy", "automated", "selfHeal"]?.text == "true")
        #expect(application["spec", "syncPolicy", "syncOptions"]?.items.compactMap(\.text).contains("CreateNamespace=true") == true)
    }

    @Test func theRunbooksSevenAlertsGoToTheBot() throws {
        // Each alert, a metric its expression must read, its threshold and how long it must hold.
        let runbook: [String: (metric: String, threshold: String, duration: String?)] = [
            "ModelPodNotRunning": ("kube_pod_status_phase", "== 1", "2m"),
            "ModelPodFrequentRestarts": ("kube_pod_container_status_restarts_total", "[15m])) > 3", nil),
            "ModelPodOOMKilled": ("kube_pod_container_status_last_terminated_reason", "reason=\"OOMKilled\"", nil),
            "ModelHighCPUUsage": ("container_cpu_usage_seconds_total", "> 0.8", "5m"),
            "ModelHighMemoryUsage": ("container_memory_working_set_bytes", "> 0.9", "5m"),
            "ModelInferenceLatencyHigh": ("histogram_quantile(0.99", "> 0.5", "5m"),
            "ModelAccuracyDrift": ("model_accuracy_drift_ratio", "> 0.05", nil),
        ]
        let file = try YAMLValue.load(path: Self.path("deploy/prometheus/model-alerts.yaml").path)
        let rules = (file["groups"]?.items ?? []).flatMap { $0["rules"]?.items ?? [] }
        #expect(Set(rules.compactMap { $0["alert"]?.text }) == Set(runbook.keys) && rules.count == runbook.count)
        for rule in rules {
            let name = rule["alert"]?.text ?? "?"
            let expected = try #require(runbook[name])
            let expression = rule["expr"]?.text ?? ""
            #expect(expression.contains(expected.metric) && expression.contains(expected.threshold), "\(name): \(expression)")
            if let duration = expected.duration { #expect(rule["for"]?.text == duration, "\(name) must hold \(duration)") }
            #expect(["critical", "warning"].contains(rule["labels", "severity"]?.text ?? ""), "\(name) needs a severity")
            for annotation in ["summary", "description", "runbook_url", "dashboard_url"] {
                #expect(rule["annotations", annotation]?.text?.isEmpty == false, "\(name) needs \(annotation)")
            }
            #expect(rule["annotations", "runbook_url"]?.text?.hasPrefix("https://") == true)
        }

        let alertmanager = try YAMLValue.load(path: Self.path("deploy/prometheus/alertmanager-route.yaml").path)
        let receivers = alertmanager["receivers"]?.items ?? []
        let route = try #require(alertmanager["route", "routes"]?.items.first { route in
            let receiver = receivers.first { $0["name"]?.text == route["receiver"]?.text }
            return receiver?["webhook_configs"]?.items.first?["url"]?.text?.hasSuffix("/alertmanager") == true
        }, "a route to a webhook at the bot's /alertmanager")
        for name in runbook.keys {
            #expect(route["matchers"]?.items.compactMap(\.text).allSatisfy { AlertMatcher($0)?.matches(alertname: name) == true } == true,
                    "the bot's route must take \(name)")
        }
        let webhook = try #require(receivers.first { $0["name"]?.text == route["receiver"]?.text }?["webhook_configs"]?.items.first)
        #expect(webhook["send_resolved"]?.text == "true")
        #expect(webhook["max_alerts"]?.text == "0")
        #expect(webhook["http_config", "authorization", "credentials_file"]?.text?.hasPrefix("/") == true)
    }

    static func path(_ parts: String...) -> URL {
        parts.reduce(RepositoryPaths.root) { $0.appendingPathComponent($1) }
    }

    static func namespaces(of configuration: ChatOpsConfiguration) -> Set<String> {
        Set(configuration.catalog.apps.flatMap { $0.environments.values.compactMap(\.namespace) })
    }

    /// The namespaces the catalog places on `cluster` (all of them when it defines no clusters).
    static func namespaces(of configuration: ChatOpsConfiguration, onCluster cluster: String) -> Set<String> {
        let catalog = configuration.catalog
        return Set(catalog.apps.flatMap { app in
            app.environments.compactMap { env, placement in
                guard catalog.clusters.isEmpty || catalog.cluster(of: app, in: env)?.name == cluster else { return nil }
                return placement.namespace
            }
        })
    }

    /// The names of the bot's series an expression uses (`chatops_…`, histogram suffixes removed).
    static func botSeries(in expression: String) -> Set<String> {
        Set(expression.matches(of: /chatops_[a-z_]+/).map { match in
            var name = String(match.output)
            for suffix in ["_bucket", "_count", "_sum"] where name.hasSuffix(suffix) && !BotMetrics.series.contains(name) {
                name = String(name.dropLast(suffix.count))
            }
            return name
        })
    }

    @Test("the bot's alert rules and dashboard use only series the bot exports, with a severity, a summary and a description")
    func botAlertsAndDashboard() throws {
        let file = try YAMLValue.load(path: Self.path("deploy/prometheus/chatops-alerts.yaml").path)
        let rules = (file["groups"]?.items ?? []).flatMap { $0["rules"]?.items ?? [] }
        #expect(rules.count >= 5)
        var used = Set<String>()
        for rule in rules {
            let name = rule["alert"]?.text ?? "?"
            let expression = rule["expr"]?.text ?? ""
            used.formUnion(Self.botSeries(in: expression))
            #expect(Self.botSeries(in: expression).isSubset(of: BotMetrics.series), "\(name): \(expression)")
            #expect(["critical", "warning", "info"].contains(rule["labels", "severity"]?.text ?? ""), "\(name) needs a severity")
            for annotation in ["summary", "description"] {
                #expect(rule["annotations", annotation]?.text?.isEmpty == false, "\(name) needs \(annotation)")
            }
        }
        #expect(rules.contains { $0["alert"]?.text == "ChatOpsDown" && ($0["expr"]?.text ?? "").contains("up{") })
        let data = try Data(contentsOf: Self.path("deploy/grafana/chatops-dashboard.json"))
        let dashboard = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let panels = try #require(dashboard["panels"] as? [[String: Any]])
        let expressions = panels.flatMap { ($0["targets"] as? [[String: Any]] ?? []).compactMap { $0["expr"] as? String } }
        let shown = expressions.reduce(into: Set<String>()) { $0.formUnion(Self.botSeries(in: $1)) }
        #expect(shown.isSubset(of: BotMetrics.series), "\(shown.subtracting(BotMetrics.series))")
        #expect(shown == Set(BotMetrics.series), "every series has a panel: missing \(Set(BotMetrics.series).subtracting(shown))")
    }
}

/// One RBAC permission: a verb on a resource of an API group ("" is the core group).
struct Grant: Hashable, CustomStringConvertible {
    let group: String, resource: String, verb: String
    init(_ group: String, _ resource: String, _ verb: String) { (self.group, self.resource, self.verb) = (group, resource, verb) }
    var description: String { "\(verb) \(group.isEmpty ? "" : group + "/")\(resource)" }
}

/// An object from a manifest file, in the namespace kustomize gives it.
struct KubeObject: CustomStringConvertible {
    let kind: String, name: String
    var namespace: String?
    let body: YAMLValue

    subscript(path: String...) -> YAMLValue? { body.value(at: path) }
    var id: String { "\(kind)/\(namespace ?? "-")/\(name)" }
    var description: String { "\(kind) \(name) in \(namespace ?? "no namespace") (\(body.file))" }
}

/// A folder as `kubectl kustomize` follows it: the files and folders it lists, the ConfigMaps it
/// generates, and its `namespace:`, which replaces the namespace of everything below it.
struct Kustomized {
    struct ConfigMap { let name: String; var namespace: String?; let files: [URL]; let literals: [String: String] }
    static let clusterScoped: Set<String> = ["Namespace", "ClusterRole", "ClusterRoleBinding", "PersistentVolume", "StorageClass"]

    var objects: [KubeObject] = []
    var configMaps: [ConfigMap] = []
    var secretGenerators = 0

    static func read(_ folder: String) throws -> Kustomized { try read(RepositoryPaths.root.appendingPathComponent(folder)) }

    static func read(_ folder: URL) throws -> Kustomized {
        let kustomization = try YAMLValue.load(path: folder.appendingPathComponent("kustomization.yaml").path)
        var tree = Kustomized()
        for entry in kustomization["resources"]?.items.compactMap(\.text) ?? [] {
            let url = folder.appendingPathComponent(entry).standardizedFileURL
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder) else { throw YAMLError.missing(url, in: folder) }
            if isFolder.boolValue {
                let sub = try read(url)
                tree.objects += sub.objects
                tree.configMaps += sub.configMaps
                tree.secretGenerators += sub.secretGenerators
            } else {
                tree.objects += try documents(url).compactMap { document in
                    guard let kind = document["kind"]?.text, let name = document["metadata", "name"]?.text else { return nil }
                    return KubeObject(kind: kind, name: name, namespace: document["metadata", "namespace"]?.text, body: document)
                }
            }
        }
        for generator in kustomization["configMapGenerator"]?.items ?? [] {
            let literals = (generator["literals"]?.items.compactMap(\.text) ?? []).map { $0.split(separator: "=", maxSplits: 1).map(String.init) }
            tree.configMaps.append(ConfigMap(name: generator["name"]?.text ?? "?", namespace: nil,
                                             files: generator["files"]?.items.compactMap(\.text).map { folder.appendingPathComponent($0) } ?? [],
                                             literals: Dictionary(literals.map { ($0[0], $0.count > 1 ? $0[1] : "") }) { _, last in last }))
        }
        tree.secretGenerators += kustomization["secretGenerator"]?.items.count ?? 0
        if let namespace = kustomization["namespace"]?.text {
            for index in tree.objects.indices where !clusterScoped.contains(tree.objects[index].kind) { tree.objects[index].namespace = namespace }
            for index in tree.configMaps.indices { tree.configMaps[index].namespace = namespace }
        }
        return tree
    }

    /// The YAML documents of a file (separated by `---` lines).
    static func documents(_ url: URL) throws -> [YAMLValue] {
        let text = try String(contentsOf: url, encoding: .utf8)
        var documents: [[Substring]] = [[]]
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line.trimmingCharacters(in: .whitespaces) == "---" { documents.append([]) } else { documents[documents.count - 1].append(line) }
        }
        return try documents.map { try YAMLValue.parse($0.joined(separator: "\n"), file: url.path) }
    }

    func one(_ kind: String) throws -> KubeObject {
        let found = objects.filter { $0.kind == kind }
        guard found.count == 1 else { throw YAMLError.count(found.count, of: kind) }
        return found[0]
    }

    /// The bot's configuration file, as the `chatops-config` ConfigMap carries it.
    func configFile() throws -> URL {
        guard let file = configMaps.first(where: { $0.name == "chatops-config" })?.files.first else { throw YAMLError.count(0, of: "chatops-config") }
        return file
    }

    var deploymentResources: YAMLValue? {
        objects.first { $0.kind == "Deployment" }?["spec", "template", "spec", "containers"]?.items.first?["resources"]
    }
}

/// The settings table of docs/configuration.md: every variable the bot reads, and which are secrets.
struct DocumentedSettings {
    let variables: Set<String>
    let secrets: Set<String>

    static func load() throws -> DocumentedSettings {
        let doc = try String(contentsOf: RepositoryPaths.root.appendingPathComponent("docs/configuration.md"), encoding: .utf8)
        let begin = try #require(doc.range(of: "<!-- settings:begin -->"))
        let end = try #require(doc.range(of: "<!-- settings:end -->"))
        var variables: Set<String> = [], secrets: Set<String> = []
        for row in doc[begin.upperBound..<end.lowerBound].split(separator: "\n") {
            let columns = row.split(separator: "|", omittingEmptySubsequences: false)
            guard columns.count > 3, let name = columns[2].split(separator: "`").dropFirst().first, name.uppercased() == name else { continue }
            variables.insert(String(name))
            if columns[2].contains("(secret") { secrets.insert(String(name)) }
        }
        #expect(variables.count > 40 && secrets.contains("CHATOPS_SLACK_BOT_TOKEN"), "the settings table could not be read")
        return DocumentedSettings(variables: variables, secrets: secrets)
    }
}

/// The instructions of deploy/Dockerfile's last stage that the manifests depend on.
struct Dockerfile {
    var user: String?
    var exposed: [String] = []
    var environment: [String: String] = [:]
    /// Source in the build context → absolute path in the image (`COPY rules ./rules`).
    var copied: [String: String] = [:]

    static func load() throws -> Dockerfile {
        let text = try String(contentsOf: RepositoryPaths.root.appendingPathComponent("deploy/Dockerfile"), encoding: .utf8)
        var image = Dockerfile(), workdir = "/"
        for instruction in text.replacingOccurrences(of: "\\\n", with: " ").split(separator: "\n") {
            let words = instruction.split(separator: " ").map(String.init)
            switch words.first {
            case "FROM": image = Dockerfile(); workdir = "/"
            case "WORKDIR": workdir = words[1]
            case "USER": image.user = words[1]
            case "EXPOSE": image.exposed += words.dropFirst()
            case "ENV":
                for pair in words.dropFirst() where pair.contains("=") {
                    let parts = pair.split(separator: "=", maxSplits: 1).map(String.init)
                    image.environment[parts[0]] = parts[1]
                }
            case "COPY" where words.count == 3:
                let target = words[2].hasPrefix("./") ? String(words[2].dropFirst(2)) : words[2]
                image.copied[words[1]] = target.hasPrefix("/") ? target : (workdir as NSString).appendingPathComponent(target)
            default: break
            }
        }
        return image
    }
}

/// An Alertmanager matcher on the alert name (`alertname =~ "Model.+"`), anchored as Alertmanager anchors it.
struct AlertMatcher {
    let pattern: String
    let isRegex: Bool

    init?(_ text: String) {
        let parts = text.components(separatedBy: "=~").count == 2 ? text.components(separatedBy: "=~") : text.components(separatedBy: "=")
        guard parts.count == 2, parts[0].trimmingCharacters(in: .whitespaces) == "alertname" else { return nil }
        pattern = parts[1].trimmingCharacters(in: .whitespaces).trimmingCharacters(in: CharacterSet(charactersIn: "\""))
        isRegex = text.contains("=~")
    }

    func matches(alertname: String) -> Bool {
        isRegex ? alertname.range(of: "^(?:\(pattern))$", options: .regularExpression) != nil : alertname == pattern
    }
}

extension YAMLValue {
    func value(at path: [String]) -> YAMLValue? {
        path.reduce(Optional(self)) { value, key in value?.map?[key] }
    }

    subscript(path: String...) -> YAMLValue? { value(at: path) }
    var text: String? { try? string() }
    var items: [YAMLValue] { (try? list()) ?? [] }
    var map: YAMLMapping? { try? mapping() }
}

extension YAMLError {
    static func missing(_ url: URL, in folder: URL) -> YAMLError {
        YAMLError(file: folder.appendingPathComponent("kustomization.yaml").path, line: nil, column: nil, keyPath: "resources",
                  message: "\(url.path) does not exist")
    }

    static func count(_ count: Int, of kind: String) -> YAMLError {
        YAMLError(file: "deploy/kubernetes", line: nil, column: nil, keyPath: "", message: "expected one \(kind), found \(count)")
    }
}
