/// Where the API server is and how to talk to it: the outcome of reading the configuration,
/// a kubeconfig, or the pod's service account.
public struct KubernetesConnection: Sendable, Hashable {
    /// `https://10.96.0.1:443`, without a trailing slash.
    public let server: String
    public let token: BearerToken
    public let tls: KubeTLS
    /// Where it came from, for messages (`KUBECONFIG /home/me/.kube/config, context kind-dev`).
    public let source: String

    public init(server: String, token: BearerToken, tls: KubeTLS = KubeTLS(), source: String) {
        self.server = server
        self.token = token
        self.tls = tls
        self.source = source
    }
}

/// The TLS side: the cluster CA to trust instead of the system's, a client certificate, or
/// (only when the kubeconfig says so) no verification at all. PEM bytes, never printed.
public struct KubeTLS: Sendable, Hashable, CustomStringConvertible, CustomDebugStringConvertible {
    public var certificateAuthorityPEM: [UInt8]?
    public var clientCertificatePEM: [UInt8]?
    public var clientKeyPEM: [UInt8]?
    public var insecureSkipVerify: Bool

    public init(certificateAuthorityPEM: [UInt8]? = nil, clientCertificatePEM: [UInt8]? = nil, clientKeyPEM: [UInt8]? = nil,
                insecureSkipVerify: Bool = false) {
        self.certificateAuthorityPEM = certificateAuthorityPEM
        self.clientCertificatePEM = clientCertificatePEM
        self.clientKeyPEM = clientKeyPEM
        self.insecureSkipVerify = insecureSkipVerify
    }

    /// Nothing beyond what the shared HTTP client does (system trust roots, no client certificate).
    public var isDefault: Bool { self == KubeTLS() }

    /// `cluster CA, client certificate`: what is set, not the key.
    public var description: String {
        let parts = [certificateAuthorityPEM.map { _ in "cluster CA" }, clientCertificatePEM.map { _ in "client certificate" },
                     insecureSkipVerify ? "no verification" : nil].compactMap { $0 }
        return parts.isEmpty ? "system trust roots" : parts.joined(separator: ", ")
    }

    public var debugDescription: String { description }
}

/// Why Kubernetes cannot be used as configured: the executors answer with this instead of acting.
public struct KubernetesSetupError: Error, Sendable, Hashable, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
