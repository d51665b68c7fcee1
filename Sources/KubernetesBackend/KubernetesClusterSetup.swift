import ChatOpsConfig
import Foundation

/// How to reach each cluster of `backends.kubernetes.clusters`: the backend's own connection, a
/// kubeconfig context, or an API URL with a token from a file or a variable. A cluster whose
/// credentials are not there is "not configured", never a failure to start.
struct KubernetesClusterSetup: Sendable {
    let backend: KubernetesSetup
    let settings: Settings
    let environment: [String: String]

    /// What the backend's own connection needs when nothing is set.
    static let backendHint = "set \(SettingKey.kubeAPIURL.path) and its token, or \(SettingKey.kubeconfig.variable), "
        + "or run in a pod with a service account"

    func connection(_ cluster: ClusterConfig) -> Result<KubernetesConnection, ClusterUnavailable> {
        do {
            switch cluster.access {
            case .backend:
                guard let connection = try backend.connection() else { return .failure(.notConfigured(hint: Self.backendHint)) }
                return .success(connection)
            case .kubeconfigContext(let context):
                guard let kubeconfig = settings.value(.kubeconfig), !kubeconfig.isEmpty else {
                    return .failure(.notConfigured(hint: "set \(SettingKey.kubeconfig.variable) (\(SettingKey.kubeconfig.path)) "
                                                   + "to a kubeconfig with the context \(context)"))
                }
                return .success(try Kubeconfig.load(kubeconfig).connection(context: context))
            case .apiServer(let url, let token, let caFile):
                return try apiServer(cluster.name, url: url, token: token, caFile: caFile)
            }
        } catch {
            return .failure(.unusable(error))
        }
    }

    func apiServer(_ name: String, url: String, token: ClusterToken, caFile: String?) throws(KubernetesSetupError)
        -> Result<KubernetesConnection, ClusterUnavailable> {
        let bearer: BearerToken
        switch token {
        case .environment(let variable):
            guard let value = environment[variable]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else {
                return .failure(.notConfigured(hint: "set \(variable) to the cluster's service-account token"))
            }
            bearer = .fixed(value)
        case .file(let path):
            bearer = .file(path)
            do { _ = try bearer.current() } catch { throw KubernetesSetupError("\(error) (token_file of cluster \(name))") }
        }
        var tls = KubeTLS()
        if let caFile {
            guard let ca = FileManager.default.contents(atPath: caFile) else {
                throw KubernetesSetupError("cannot read the cluster CA file \(caFile) (ca_file of cluster \(name))")
            }
            tls.certificateAuthorityPEM = Array(ca)
        }
        return .success(KubernetesConnection(server: url, token: bearer, tls: tls, source: "\(url) with the \(token)"))
    }
}
