import GitHubREST

/// What a GitOps call was doing, for error messages: `write apps/iris/kustomization.yaml in acme/gitops`.
public struct GitHubCall: Sendable, CustomStringConvertible {
    public let action: String
    public let repository: String
    /// The token permission this call needs (fine-grained PAT / App), named when GitHub says 403.
    public let permission: String

    public var description: String { "\(action) in \(repository)" }

    /// The call for the GitHub client: its words, its repository's token, and what a 403 and a
    /// 404 mean here (the permission it needs, the repository it could not find).
    var call: GitHubClient.Call {
        GitHubClient.Call("to \(self)", repository: repository, hints: [
            403: "the token lacks \(permission) on \(repository)",
            404: "\(repository) or the file or branch does not exist, or the token cannot see it (check the app's gitops settings)",
        ])
    }
}
