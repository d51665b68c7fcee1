import ChatOpsConfig
import ChatOpsTestSupport
import Foundation
import KubernetesBackend
import Testing

@Suite("Reaching Kubernetes: API URL and token, kubeconfig, in-cluster service account")
struct KubeconfigTests {
    static let caPEM = "-----BEGIN CERTIFICATE-----\nMIIBcluster\n-----END CERTIFICATE-----\n"
    static let certPEM = "-----BEGIN CERTIFICATE-----\nMIIBclient\n-----END CERTIFICATE-----\n"
    static let keyPEM = "-----BEGIN EC PRIVATE KEY-----\nMHcCAQEE\n-----END EC PRIVATE KEY-----\n"
    static func b64(_ text: String) -> String { Data(text.utf8).base64EncodedString() }

    /// Two clusters, two users (token; client certificate), two contexts, `kind-dev` current.
    static let kubeconfig = """
        apiVersion: v1
        kind: Config
        current-context: kind-dev
        clusters:
        - name: dev
          cluster:
            server: https://127.0.0.1:6443
            certificate-authority-data: \(b64(caPEM))
        - name: prod
          cluster:
            server: https://prod.example:6443
            insecure-skip-tls-verify: true
        users:
        - name: bot
          user:
            token: dev-token
        - name: admin
          user:
            client-certificate-data: \(b64(certPEM))
            client-key-data: \(b64(keyPEM))
        contexts:
        - name: kind-dev
          context: {cluster: dev, user: bot}
        - name: prod-admin
          context: {cluster: prod, user: admin, namespace: ml-prod}
        """

    func connection(_ values: [String: String], secrets: [String: String] = [:], environment: [String: String] = [:],
                    directory: String = "/nonexistent") throws -> KubernetesConnection? {
        let settings = Settings(values: values, secrets: secrets.mapValues { Secret($0, origin: "test") })
        return try KubernetesSetup(settings: settings, environment: environment, serviceAccountDirectory: directory).connection()
    }

    func problem(_ values: [String: String], secrets: [String: String] = [:]) -> String {
        do { _ = try connection(values, secrets: secrets); return "no error" } catch { return "\(error)" }
    }

    @Test("the current context: server, token, CA from certificate-authority-data")
    func currentContext() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("config", Self.kubeconfig)
        let found = try #require(try connection([SettingKey.kubeconfig.path: path]))
        #expect(found.server == "https://127.0.0.1:6443")
        #expect(found.token == .fixed("dev-token"))
        #expect(found.tls == KubeTLS(certificateAuthorityPEM: Array(Self.caPEM.utf8)))
        #expect(found.source == "KUBECONFIG \(path), context kind-dev")
    }

    @Test("CHATOPS_KUBE_CONTEXT picks another context: client certificate and key data, insecure-skip-tls-verify")
    func chosenContext() throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("config", Self.kubeconfig)
        let found = try #require(try connection([SettingKey.kubeconfig.path: path, SettingKey.kubeContext.path: "prod-admin"]))
        #expect(found.server == "https://prod.example:6443")
        #expect(found.token == .none)
        #expect(found.tls == KubeTLS(clientCertificatePEM: Array(Self.certPEM.utf8), clientKeyPEM: Array(Self.keyPEM.utf8),
                                     insecureSkipVerify: true))
    }

    @Test("files and tokenFile are relative to the kubeconfig; a second KUBECONFIG file adds what the first lacks")
    func filesAndMerging() throws {
        let dir = try TemporaryDirectory()
        try dir.write("pki/ca.crt", Self.caPEM)
        try dir.write("token", "file-token\n")
        let first = try dir.write("a.yaml", """
            current-context: local
            clusters: [{name: local, cluster: {server: "https://k8s:6443", certificate-authority: pki/ca.crt}}]
            contexts: [{name: local, context: {cluster: local, user: sa}}]
            """)
        let second = try dir.write("b.yaml", "users: [{name: sa, user: {tokenFile: token}}]\n")
        let found = try #require(try connection([SettingKey.kubeconfig.path: "\(first):\(second)"]))
        #expect(found.tls.certificateAuthorityPEM == Array(Self.caPEM.utf8))
        #expect(found.token == .file(dir.url.appendingPathComponent("token").path))
    }

    @Test("kubeconfig problems are said precisely", arguments: [
        ("context: nope", "has no context 'nope' (its contexts: kind-dev, prod-admin, x, y, z)"),
        ("context: x", "context 'x' names cluster 'gone', which it does not define"),
        ("user", "context 'y' names user 'nobody', which it does not define"),
        ("exec", "user 'eks' has no token, tokenFile or client certificate (credential plugins — exec, auth-provider — are not run by chatops"),
    ])
    func kubeconfigProblems(case name: String, expected: String) throws {
        let dir = try TemporaryDirectory()
        let path = try dir.write("config", (Self.kubeconfig + """

            - name: x
              context: {cluster: gone, user: bot}
            - name: y
              context: {cluster: dev, user: nobody}
            - name: z
              context: {cluster: dev, user: eks}
            """).replacingOccurrences(of: "users:\n", with: "users:\n- name: eks\n  user:\n    exec: {command: aws}\n"))
        let context = ["context: nope": "nope", "context: x": "x", "user": "y", "exec": "z"][name]!
        let text = problem([SettingKey.kubeconfig.path: path, SettingKey.kubeContext.path: context])
        #expect(text.contains(expected), "\(text)")
        #expect(text.hasPrefix("the kubeconfig \(path)"))
    }
}
