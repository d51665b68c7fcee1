import ChatOpsTestSupport
import Foundation
import Hummingbird
import HummingbirdTLS
import KubernetesBackend
import Logging
import NIOCore
import NIOSSL
import ServiceLifecycle
import Testing

/// A Hummingbird HTTPS server on 127.0.0.1 that wants a client certificate signed by the test CA,
/// as an API server configured for client-certificate auth does.
final class TLSAPIServer: Sendable {
    let port: Int
    private let group: ServiceGroup
    private let task: Task<Void, any Error>

    init(pki: TestPKI, answer: String) async throws {
        var tls = TLSConfiguration.makeServerConfiguration(
            certificateChain: try NIOSSLCertificate.fromPEMFile(pki.path("server.crt")).map { .certificate($0) },
            privateKey: .privateKey(try NIOSSLPrivateKey(file: pki.path("server.key"), format: .pem)))
        tls.trustRoots = .certificates(try NIOSSLCertificate.fromPEMFile(pki.path("ca.crt")))
        tls.certificateVerification = .noHostnameVerification
        let responder = CallbackResponder<BasicRequestContext> { _, _ in
            Response(status: .ok, headers: [.contentType: "application/json"], body: .init(byteBuffer: ByteBuffer(string: answer)))
        }
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        var logger = Logger(label: "tls-api-server")
        logger.logLevel = .critical
        let app = Application(responder: responder, server: try .tls(.http1(), tlsConfiguration: tls),
                              configuration: .init(address: .hostname("127.0.0.1", port: 0)),
                              onServerRunning: { continuation.yield($0.localAddress?.port ?? 0) }, logger: logger)
        group = ServiceGroup(configuration: .init(services: [app], logger: logger))
        let group = group
        task = Task { try await group.run() }
        var iterator = ports.makeAsyncIterator()
        port = await iterator.next() ?? 0
    }

    func stop() async {
        await group.triggerGracefulShutdown()
        _ = try? await task.value
    }
}

@Suite("TLS to the API server: the cluster CA and a client certificate", .enabled(if: TestPKI.openssl != nil, "needs openssl"))
struct KubernetesTLSTests {
    @Test("trusts the server through the configured CA and presents the client certificate; without the CA it refuses")
    func customCA() async throws {
        let pki = try TestPKI()
        let server = try await TLSAPIServer(pki: pki, answer: KubeFixtures.podList([KubeFixtures.crashLoopPod]))
        defer { Task { await server.stop() } }
        let url = "https://127.0.0.1:\(server.port)"
        let trusted = KubeTLS(certificateAuthorityPEM: try pki.pem("ca.crt"), clientCertificatePEM: try pki.pem("client.crt"),
                              clientKeyPEM: try pki.pem("client.key"))
        let client = try KubernetesClient.make(KubernetesConnection(server: url, token: .none, tls: trusted, source: "test"), http: TestHTTP.pool)
        let pods = try await client.pods(namespace: "ml-staging", selector: "app=iris-classifier")
        #expect(pods.map(\.metadata.name) == ["my-pod"])

        let systemRoots = try KubernetesClient.make(KubernetesConnection(server: url, token: .none, source: "test"), http: TestHTTP.pool, timeout: .seconds(3),
                                                      readAttempts: 1)
        let untrusted = await #expect(throws: KubernetesError.self) {
            _ = try await systemRoots.pods(namespace: "ml-staging", selector: "app=iris-classifier")
        }
        let refusal = try #require(untrusted.map { "\($0)" })
        #expect(refusal.hasPrefix("Kubernetes did not answer to list pods in ml-staging: "))
        #expect(refusal.hasSuffix("the API server's certificate is not signed by a CA the bot trusts: set CHATOPS_KUBE_CA_FILE "
                                  + "(or certificate-authority in the kubeconfig) to the cluster's CA"))

        var noClientCertificate = trusted
        noClientCertificate.clientCertificatePEM = nil
        noClientCertificate.clientKeyPEM = nil
        let anonymous = try KubernetesClient.make(KubernetesConnection(server: url, token: .none, tls: noClientCertificate, source: "test"), http: TestHTTP.pool,
                                                  timeout: .seconds(3), readAttempts: 1)
        let anonymousRefusal = await #expect(throws: KubernetesError.self) {
            _ = try await anonymous.pods(namespace: "ml-staging", selector: "app=iris-classifier")
        }
        #expect(anonymousRefusal.map { "\($0)".hasSuffix("the API server wants a client certificate: set client-certificate and "
                                                          + "client-key in the kubeconfig, or use a token") } == true)
    }

    @Test("a CA that is not PEM is a setup error, not a crash")
    func badCA() {
        let tls = KubeTLS(certificateAuthorityPEM: Array("not a certificate".utf8))
        #expect(throws: KubernetesSetupError("the cluster CA is not a PEM certificate")) {
            _ = try KubernetesClient.make(KubernetesConnection(server: "https://k8s:6443", token: .none, tls: tls, source: "test"), http: TestHTTP.pool)
        }
    }
}
