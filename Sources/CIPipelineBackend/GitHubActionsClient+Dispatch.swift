import Foundation
import PlatformHTTP

/// A `workflow_dispatch` of one workflow: what `retrain` sends, and what its dry-run plan shows.
struct WorkflowDispatch: Sendable, Hashable {
    let repository: GitHubRepository
    let workflow: String
    let ref: String
    let inputs: [String: String]

    struct Body: Encodable {
        let ref: String
        let inputs: [String: String]
    }

    var body: Body { Body(ref: ref, inputs: inputs) }
    var subject: ActionsSubject { ActionsSubject(repository, .workflow(workflow), writes: true) }
}

extension GitHubActionsClient {
    /// `POST /repos/{o}/{r}/actions/workflows/{workflow}/dispatches` with `{"ref", "inputs"}`, without the token.
    func request(for dispatch: WorkflowDispatch) throws(BackendHTTPError) -> APIRequest {
        let url = url(dispatch.repository, "/actions/workflows/\(PathSegment.encode(dispatch.workflow))/dispatches")
        return try github.json(.POST, url, body: dispatch.body, dispatch.subject.call)
    }

    /// The exact call, as the plan shows it: method, full URL, body.
    func plan(for dispatch: WorkflowDispatch) -> String {
        // Encoding two strings and a string map cannot fail.
        guard let request = try? request(for: dispatch) else { return "POST (the dispatch could not be written)" }
        return "\(request.method.rawValue) \(request.url) " + String(decoding: request.body ?? Data(), as: UTF8.self)
    }

    /// Sends the dispatch once. GitHub answers 204 (or 200 with the run when asked for details).
    func dispatch(_ dispatch: WorkflowDispatch) async throws(BackendHTTPError) -> DispatchedRun? {
        let response = try await github.send(try request(for: dispatch), dispatch.subject.call)
        guard response.status == 200, !response.body.isEmpty else { return nil }
        return try? JSONDecoder().decode(DispatchedRun.self, from: response.body)
    }
}
