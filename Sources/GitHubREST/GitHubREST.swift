import PlatformHTTP

/// What every call to GitHub's REST API shares: comments, GitOps and Actions alike.
public enum GitHubREST {
    /// The pinned API version (`X-GitHub-Api-Version`).
    public static let apiVersion = "2022-11-28"

    /// api.github.com; GitHub Enterprise Server is `https://HOST/api/v3` (`platforms.github.api_url`).
    public static let defaultAPIURL = "https://api.github.com"

    /// The token and the media type and version GitHub documents for its REST API.
    public static func headers(bearer token: String) -> [(String, String)] {
        [("Authorization", "Bearer \(token)"), ("Accept", "application/vnd.github+json"), ("X-GitHub-Api-Version", apiVersion)]
    }

    /// GitHub's statuses as every use words them. A use adds which token a 401 means; a call adds
    /// the permission a 403 lacks and what a 404 could not find (`GitHubClient.Call`).
    public static let wording = HTTPErrorWording(service: "GitHub", hints: [
        401: "the token is missing, invalid or expired",
        403: "the token lacks the permission for this call",
        404: "not found, or the token cannot see it",
        409: "GitHub reported a conflict",
        410: "it is gone",
        422: "GitHub could not process the request",
        429: "wait a few minutes and ask again",
    ], unreachable: "check CHATOPS_GITHUB_API_URL and the network", message: HTTPErrorWording.field("message"))

    /// A 403 that is GitHub's rate limit (`x-ratelimit-remaining: 0`, or the secondary limit's
    /// message) says so instead of blaming the token's permissions.
    public static let rateLimitUsedUp = "the API rate limit for this token is used up; wait until it resets (x-ratelimit-reset) and ask again"
}
