/// One call, as RBAC sees it: a verb on a resource in a namespace (and the object, when named).
/// Errors use it to say which object failed and which Role rule is missing.
public struct KubeAction: Sendable, Hashable, CustomStringConvertible {
    public let verb: String
    /// `pods`, `pods/log`, `events`, `deployments`, `deployments/scale`.
    public let resource: String
    public let namespace: String
    public let name: String?

    public init(_ verb: String, _ resource: String, namespace: String, name: String? = nil) {
        self.verb = verb
        self.resource = resource
        self.namespace = namespace
        self.name = name
    }

    /// `patch deployments/scale iris-classifier in ml-staging`.
    public var description: String {
        "\(verb) \(resource)" + (name.map { " \($0)" } ?? "") + " in \(namespace)"
    }

    /// The API group the Role rule must name: core (`""`) or `apps`.
    var apiGroup: String { resource.hasPrefix("deployments") ? "apps" : "" }

    /// The Role rule that grants this call.
    var roleRule: String {
        #"{apiGroups: ["\#(apiGroup)"], resources: ["\#(resource)"], verbs: ["\#(verb)"]}"#
    }

    /// What kind of object a 404 is about: `deployment`, `pod`.
    var objectKind: String {
        let plural = resource.split(separator: "/").first.map(String.init) ?? resource
        return plural.hasSuffix("s") ? String(plural.dropLast()) : plural
    }
}
