import Foundation
import YAMLSupport

/// A kubeconfig (`KUBECONFIG`): clusters, users and contexts by name, and the current context.
/// Several files (`a:b`) merge as kubectl merges them: the first file to name an entry wins.
struct Kubeconfig {
    /// A `cluster:` or `user:` entry, with the directory its relative paths are relative to.
    struct Entry {
        let fields: YAMLMapping
        let directory: String
    }

    struct Context {
        let cluster: String
        let user: String
    }

    var clusters: [String: Entry] = [:]
    var users: [String: Entry] = [:]
    var contexts: [String: Context] = [:]
    var currentContext: String?
    var files: [String] = []

    /// Reads each file of a `KUBECONFIG` value (separated by `:`); a file that cannot be read is an error.
    static func load(_ variable: String) throws(KubernetesSetupError) -> Kubeconfig {
        var config = Kubeconfig()
        for path in variable.split(separator: ":").map(String.init) where !path.isEmpty {
            do { try config.merge(YAMLValue.load(path: path), path: path) } catch {
                throw KubernetesSetupError("the kubeconfig \(error)")
            }
        }
        guard !config.files.isEmpty else { throw KubernetesSetupError("KUBECONFIG names no file") }
        return config
    }

    mutating func merge(_ document: YAMLValue, path: String) throws(YAMLError) {
        files.append(path)
        let directory = (path as NSString).deletingLastPathComponent
        let root = try document.mapping()
        if currentContext == nil, let current = try root["current-context"]?.string(), !current.isEmpty { currentContext = current }
        for (name, value) in try Self.named(root["clusters"], key: "cluster") where clusters[name] == nil {
            clusters[name] = Entry(fields: try value.mapping(), directory: directory)
        }
        for (name, value) in try Self.named(root["users"], key: "user") where users[name] == nil {
            users[name] = Entry(fields: try value.mapping(), directory: directory)
        }
        for (name, value) in try Self.named(root["contexts"], key: "context") where contexts[name] == nil {
            let context = try value.mapping()
            contexts[name] = Context(cluster: try context.required("cluster").string(), user: try context.required("user").string())
        }
    }

    /// `[{name: N, KEY: {...}}]` as (N, the value under KEY), in file order.
    static func named(_ list: YAMLValue?, key: String) throws(YAMLError) -> [(String, YAMLValue)] {
        var out: [(String, YAMLValue)] = []
        for item in try list?.list() ?? [] {
            let entry = try item.mapping()
            out.append((try entry.required("name").string(), try entry.required(key)))
        }
        return out
    }
}
