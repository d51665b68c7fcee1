import AsyncHTTPClient
import NIOSSL
import PlatformHTTP
import Synchronization

/// One `HTTPClient` per TLS configuration, kept for the life of the process: AsyncHTTPClient
/// insists a client is shut down before it is released, and a long-lived one keeps its connections.
enum KubeHTTPClients {
    private static let clients = Mutex<[KubeTLS: HTTPClient]>([:])

    static func client(for tls: KubeTLS) throws(KubernetesSetupError) -> HTTPClient {
        if tls.isDefault { return .shared }
        let configuration = try tlsConfiguration(tls)
        return clients.withLock { clients in
            if let client = clients[tls] { return client }
            let client = HTTPClient(eventLoopGroup: HTTPClient.defaultEventLoopGroup,
                                    configuration: HTTPClient.Configuration(tlsConfiguration: configuration))
            clients[tls] = client
            return client
        }
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
    public static func make(_ connection: KubernetesConnection, timeout: Duration = .seconds(15),
                            readAttempts: Int = 3) throws(KubernetesSetupError) -> KubernetesClient {
        let http = try KubeHTTPClients.client(for: connection.tls)
        return KubernetesClient(baseURL: connection.server, token: connection.token,
                                client: PlatformAPIClient(service: "Kubernetes", http: http, timeout: timeout), readAttempts: readAttempts)
    }
}
