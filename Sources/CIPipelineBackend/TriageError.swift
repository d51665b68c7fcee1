import PlatformHTTP

/// Why a triage found nothing to show.
public enum TriageError: Error, Sendable, Hashable, CustomStringConvertible {
    case api(BackendHTTPError)
    /// The id from chat is not a run id (digits).
    case invalidRunID(String)
    /// No configured repository has the run (or the token cannot see it).
    case runNotFound(String, [GitHubRepository])
    /// No configured repository has a failed run.
    case noFailedRun([GitHubRepository])

    public var description: String {
        switch self {
        case .api(let error):
            return "\(error)"
        case .invalidRunID(let id):
            return "'\(id)' is not a run id: give the number from the run's URL (…/actions/runs/NUMBER)"
        case .runNotFound(let id, let repositories):
            return "Run \(id) is in none of the configured pipeline repositories (\(Self.list(repositories))), "
                + "or the token cannot see it; check the run's URL and apps[].pipeline.repo in the configuration"
        case .noFailedRun(let repositories):
            return "No failed runs in \(Self.list(repositories)): nothing to triage"
        }
    }

    static func list(_ repositories: [GitHubRepository]) -> String {
        repositories.map(\.description).joined(separator: ", ")
    }
}
