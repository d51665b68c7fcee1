import AsyncHTTPClient
import NIOSSL
import PlatformHTTP
import Foundation

/// The HTTP client for a cluster's TLS settings, from the process's pool: one per distinct TLS
/// configuration (AsyncHTTPClient binds TLS to the client), kept and shut down by the pool.
enum KubeHTTPClients {
    static func client(for tls: KubeTLS, in pool: HTTPClientPool) throws(KubernetesSetupError) -> HTTPClient {
        if tls.isDefault { return pool.standard }
        let configuration = try tlsConfiguration(tls)
        return pool.client(key(tls)) { HTTPClient.Configuration(tlsConfiguration: configuration) }
    }

    /// Distinct for distinct TLS material; the material itself never leaves memory.
    static func key(_ tls: KubeTLS) -> String {
        let parts = [tls.certificateAuthorityPEM, tls.clientCertificatePEM, tls.clientKeyPEM]
            .map { $0.map { Data($0).base64EncodedString() } ?? "-" }
        return "kubernetes-tls:" + parts.joined(separator: ":") + (tls.insecureSkipVerify ? ":insecure" : "")
    }

    static func tlsConfiguration(_ tls: KubeTLS) throws(KubernetesSetupError) -> TLSConfiguration {
        var configuration = TLSConfiguration.makeClientConfiguration()
        if let ca = tls.certificateAuthorityPEM {
            let roots = try certificates(ca, what: "the cluster CA")
            configuration.trustRoots = .certificates(roots)
        }
        if let certificate = tls.clientCertificatePEM, let key = tls.clientKeyPEM {
            configuration.certificateChain = try certificates(certificate, what: "the client certificate").map { .certificate($0) }
            do { configuration.privateKey = .privateKey(try NIOSSLPrivateKey(bytes: key, format: .pem)) } catch {
                throw KubernetesSetupError("the client key is not a PEM private key (\(error))")
            }
        }
        if tls.insecureSkipVerify { configuration.certificateVerification = .none }
        return configuration
    }

    static func certificates(_ pem: [UInt8], what: String) throws(KubernetesSetupError) -> [NIOSSLCertificate] {
        let certificates = try? NIOSSLCertificate.fromPEMBytes(pem)
        guard let certificates, !certificates.isEmpty else { throw KubernetesSetupError("\(what) is not a PEM certificate") }
        return certificates
    }
}

extension KubernetesClient {
    /// The client for a connection: its TLS settings in the HTTP client, its token on every call.
    public static func make(_ connection: KubernetesConnection, http pool: HTTPClientPool, timeout: Duration = .seconds(15),
                            readAttempts: Int = 3) throws(KubernetesSetupError) -> KubernetesClient {
        let http = try KubeHTTPClients.client(for: connection.tls, in: pool)
        return KubernetesClient(baseURL: connection.server, token: connection.token,
                                client: PlatformAPIClient(service: "Kubernetes", http: http, timeout: timeout), readAttempts: readAttempts)
    }
}
