import Foundation

/// Running in a pod: the API server from `KUBERNETES_SERVICE_HOST`/`_PORT`, the service account's
/// token and CA from its mounted secret. The folder is injectable so tests can use a temp dir.
public struct InClusterConfig: Sendable {
    public static let serviceAccountDirectory = "/var/run/secrets/kubernetes.io/serviceaccount"

    let environment: [String: String]
    let directory: String

    public init(environment: [String: String], directory: String = InClusterConfig.serviceAccountDirectory) {
        self.environment = environment
        self.directory = directory
    }

    /// Whether the process runs in a pod (the kubelet sets the service variables in every container).
    public var isInCluster: Bool { environment["KUBERNETES_SERVICE_HOST"]?.isEmpty == false }

    public func connection() throws(KubernetesSetupError) -> KubernetesConnection {
        guard let host = environment["KUBERNETES_SERVICE_HOST"], !host.isEmpty else {
            throw KubernetesSetupError("not running in a pod (KUBERNETES_SERVICE_HOST is unset)")
        }
        let port = environment["KUBERNETES_SERVICE_PORT"].flatMap { $0.isEmpty ? nil : $0 } ?? "443"
        let server = "https://" + (host.contains(":") ? "[\(host)]" : host) + ":" + port
        let token = BearerToken.file((directory as NSString).appendingPathComponent("token"))
        do { _ = try token.current() } catch {
            throw KubernetesSetupError("running in a pod but \(error): mount a service-account token (automountServiceAccountToken: true)")
        }
        let caPath = (directory as NSString).appendingPathComponent("ca.crt")
        guard let ca = FileManager.default.contents(atPath: caPath) else {
            throw KubernetesSetupError("running in a pod but the cluster CA \(caPath) cannot be read")
        }
        return KubernetesConnection(server: server, token: token, tls: KubeTLS(certificateAuthorityPEM: Array(ca)),
                                    source: "the in-cluster service account (\(directory))")
    }
}
