import ChatOpsConfig
import Foundation

/// Finds how to reach Kubernetes, in this order: an API URL with a token (and CA file); a
/// kubeconfig; the in-cluster service account. Nil when none of them is there.
public struct KubernetesSetup: Sendable {
    let settings: Settings
    let inCluster: InClusterConfig

    public init(settings: Settings, environment: [String: String],
                serviceAccountDirectory: String = InClusterConfig.serviceAccountDirectory) {
        self.settings = settings
        inCluster = InClusterConfig(environment: environment, directory: serviceAccountDirectory)
    }

    /// The first way present; its problem (no token, an unreadable file) is an error, not "not configured".
    public func connection() throws(KubernetesSetupError) -> KubernetesConnection? {
        if let url = settings.value(.kubeAPIURL), !url.isEmpty {
            guard let token = settings.secret(.kubeToken)?.value, !token.isEmpty else {
                throw KubernetesSetupError("\(Self.name(.kubeAPIURL)) is set but there is no token: set \(Self.name(.kubeToken)) "
                                           + "(or \(SettingKey.kubeToken.variable)_FILE) to a service-account token")
            }
            var tls = KubeTLS()
            if let path = settings.value(.kubeCAFile), !path.isEmpty {
                guard let ca = FileManager.default.contents(atPath: path) else {
                    throw KubernetesSetupError("cannot read the cluster CA file \(path) (\(Self.name(.kubeCAFile)))")
                }
                tls.certificateAuthorityPEM = Array(ca)
            }
            return KubernetesConnection(server: url, token: .fixed(token), tls: tls, source: SettingKey.kubeAPIURL.variable)
        }
        if let kubeconfig = settings.value(.kubeconfig), !kubeconfig.isEmpty {
            return try Kubeconfig.load(kubeconfig).connection(context: settings.value(.kubeContext).flatMap { $0.isEmpty ? nil : $0 })
        }
        return inCluster.isInCluster ? try inCluster.connection() : nil
    }

    /// `CHATOPS_KUBE_TOKEN (backends.kubernetes.token)`.
    static func name(_ key: SettingKey) -> String { "\(key.variable) (\(key.path))" }
}
