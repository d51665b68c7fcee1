/// What every call to GitHub's REST API sends: comments, GitOps and Actions alike.
public enum GitHubREST {
    /// The pinned API version (`X-GitHub-Api-Version`).
    public static let apiVersion = "2022-11-28"

    /// The token and the media type and version GitHub documents for its REST API.
    public static func headers(bearer token: String) -> [(String, String)] {
        [("Authorization", "Bearer \(token)"), ("Accept", "application/vnd.github+json"), ("X-GitHub-Api-Version", apiVersion)]
    }
}
