import Foundation
import PlatformHTTP

extension GitHubActionsClient {
    /// `POST /repos/{o}/{r}/actions/runs/{id}/rerun-failed-jobs`: the run's failed jobs (and
    /// what depends on them) run again as a new attempt of the same run. GitHub answers 201.
    func request(rerunFailedJobsOf run: Int64, in repository: GitHubRepository) -> APIRequest {
        APIRequest(.POST, url(repository, "/actions/runs/\(run)/rerun-failed-jobs"))
    }

    /// Sends it once (a mutation is never retried on its own).
    func rerunFailedJobs(of run: Int64, in repository: GitHubRepository) async throws(BackendHTTPError) {
        let subject = ActionsSubject(repository, .run("\(run)"), writes: true)
        _ = try await github.send(request(rerunFailedJobsOf: run, in: repository), subject.call)
    }
}
