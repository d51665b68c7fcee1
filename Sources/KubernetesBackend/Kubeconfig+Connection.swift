import Foundation
import YAMLSupport

extension Kubeconfig {
    /// The connection of `requested` (CHATOPS_KUBE_CONTEXT), else of the current context: the
    /// cluster's server and CA, the user's token or client certificate.
    func connection(context requested: String?) throws(KubernetesSetupError) -> KubernetesConnection {
        let where_ = "the kubeconfig " + files.joined(separator: ":")
        let known = contexts.keys.sorted().joined(separator: ", ")
        guard let name = requested ?? currentContext else {
            throw KubernetesSetupError("\(where_) has no current-context; set CHATOPS_KUBE_CONTEXT (backends.kubernetes.context) to one of: \(known)")
        }
        guard let context = contexts[name] else {
            throw KubernetesSetupError("\(where_) has no context '\(name)' (its contexts: \(known.isEmpty ? "none" : known))")
        }
        guard let cluster = clusters[context.cluster] else {
            throw KubernetesSetupError("\(where_): context '\(name)' names cluster '\(context.cluster)', which it does not define")
        }
        guard let user = users[context.user] else {
            throw KubernetesSetupError("\(where_): context '\(name)' names user '\(context.user)', which it does not define")
        }
        guard let server = try text(cluster, "server"), !server.isEmpty else {
            throw KubernetesSetupError("\(where_): cluster '\(context.cluster)' has no server")
        }
        var tls = KubeTLS(certificateAuthorityPEM: try bytes(cluster, data: "certificate-authority-data", file: "certificate-authority"))
        do { tls.insecureSkipVerify = try cluster.fields["insecure-skip-tls-verify"]?.bool() ?? false } catch {
            throw KubernetesSetupError("the kubeconfig \(error)")
        }
        tls.clientCertificatePEM = try bytes(user, data: "client-certificate-data", file: "client-certificate")
        tls.clientKeyPEM = try bytes(user, data: "client-key-data", file: "client-key")
        let token = try bearerToken(user)
        if (tls.clientCertificatePEM == nil) != (tls.clientKeyPEM == nil) {
            throw KubernetesSetupError("\(where_): user '\(context.user)' has a client certificate or key without the other")
        }
        if token == .none, tls.clientCertificatePEM == nil {
            let plugin = user.fields["exec"] != nil || user.fields["auth-provider"] != nil
            throw KubernetesSetupError("\(where_): user '\(context.user)' has no token, tokenFile or client certificate"
                                       + (plugin ? " (credential plugins — exec, auth-provider — are not run by chatops; give it a service-account token)" : ""))
        }
        return KubernetesConnection(server: server, token: token, tls: tls, source: "KUBECONFIG \(files.joined(separator: ":")), context \(name)")
    }

    func bearerToken(_ user: Entry) throws(KubernetesSetupError) -> BearerToken {
        if let token = try text(user, "token"), !token.isEmpty { return .fixed(token) }
        guard let file = try text(user, "tokenFile") else { return .none }
        let token = BearerToken.file(Self.resolve(file, in: user.directory))
        do { _ = try token.current() } catch { throw KubernetesSetupError("\(error)") }
        return token
    }

    /// `KEY-data` (base64) or the file `KEY` names (relative to the kubeconfig's folder).
    func bytes(_ entry: Entry, data dataKey: String, file fileKey: String) throws(KubernetesSetupError) -> [UInt8]? {
        if let encoded = try text(entry, dataKey) {
            guard let data = Data(base64Encoded: encoded, options: .ignoreUnknownCharacters) else {
                throw KubernetesSetupError("the kubeconfig's \(entry.fields[dataKey]?.keyPath ?? dataKey) is not valid base64")
            }
            return Array(data)
        }
        guard let file = try text(entry, fileKey) else { return nil }
        let path = Self.resolve(file, in: entry.directory)
        guard let data = FileManager.default.contents(atPath: path) else {
            throw KubernetesSetupError("cannot read \(path), the \(fileKey) the kubeconfig names")
        }
        return Array(data)
    }

    func text(_ entry: Entry, _ key: String) throws(KubernetesSetupError) -> String? {
        do { return try entry.fields[key]?.string() } catch { throw KubernetesSetupError("the kubeconfig \(error)") }
    }

    static func resolve(_ path: String, in directory: String) -> String {
        path.hasPrefix("/") || directory.isEmpty ? path : (directory as NSString).appendingPathComponent(path)
    }
}
