import Foundation
import PlatformHTTP

extension GitHubActionsClient {
    /// The plain-text log of one job. `GET …/actions/jobs/{id}/logs` answers `302` with a
    /// short-lived pre-signed URL on another host: that URL is fetched here, by hand and without
    /// the token (it carries its own signature), never by the HTTP client's redirect following.
    func log(ofJob id: Int64, in repository: GitHubRepository) async throws(BackendHTTPError) -> String {
        let subject = ActionsSubject(repository, .job("\(id)"))
        let request = APIRequest(.GET, url(repository, "/actions/jobs/\(id)/logs"))
        let response = try await github.read(request, subject.call, followRedirects: false, accepting: 200..<400)
        guard (300..<400).contains(response.status) else { return String(decoding: response.body, as: UTF8.self) }
        guard let location = response.header("Location"),
              let target = URL(string: location, relativeTo: URL(string: request.url))?.absoluteURL,
              let scheme = target.scheme?.lowercased(), scheme == "https" || scheme == "http" else {
            throw github.wording.malformed("a \(response.status) answer without a usable Location", call: subject.call.words)
        }
        let download = ActionsSubject(repository, .logDownload("\(id)"))
        let blob = try await github.read(APIRequest(.GET, target.absoluteString), download.call, followRedirects: false,
                                         authenticated: false)
        return String(decoding: blob.body, as: UTF8.self)
    }
}
