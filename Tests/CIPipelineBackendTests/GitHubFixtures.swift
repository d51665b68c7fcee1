import Foundation
import ChatOpsTestSupport

/// The recorded GitHub exchanges in `Fixtures/` (see its README), as the fake GitHub serves them.
enum GitHubFixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    /// One recorded exchange (files holding several are arrays).
    static func exchange(_ file: String, _ index: Int = 0) -> [String: Any] {
        let data = try! Data(contentsOf: directory.appendingPathComponent(file))
        let parsed = try! JSONSerialization.jsonObject(with: data)
        return ((parsed as? [[String: Any]])?[index] ?? parsed as? [String: Any])!
    }

    static func responseBody(_ file: String, _ index: Int = 0) -> Any { exchange(file, index)["response_body"]! }

    static func json(_ object: Any) -> String {
        String(decoding: try! JSONSerialization.data(withJSONObject: object, options: [.sortedKeys]), as: UTF8.self)
    }

    /// `GET …/workflows/{id}/runs`: #112 success, #111 success, #110 failure, #109 success.
    static let runsList = json(responseBody("workflow_runs.list.exchange.json"))

    /// The same list from #110 (failed) on: a workflow whose latest run failed.
    static let runsListLatestFailed: String = {
        var body = responseBody("workflow_runs.list.exchange.json") as! [String: Any]
        body["workflow_runs"] = Array((body["workflow_runs"] as! [Any]).dropFirst(2))
        return json(body)
    }()

    /// `GET …/actions/runs/3881497935`: CI #1 on main, conclusion failure.
    static let failedRun = json(responseBody("workflow_run.failed.get-and-rerun-failed-jobs.exchanges.json"))

    /// `GET …/actions/runs?status=failure&per_page=1`, holding that run; `createdAt` replaced when given.
    static func failedRunsList(createdAt: String? = nil, id: Int64? = nil) -> String {
        var run = responseBody("workflow_run.failed.get-and-rerun-failed-jobs.exchanges.json") as! [String: Any]
        if let createdAt { run["created_at"] = createdAt }
        if let id { run["id"] = id }
        return json(["total_count": 1, "workflow_runs": [run]])
    }

    /// The run's jobs with the first (`test (Python 3.7)`, id 10545727758) and its `Run tests` step failed.
    static let failedJobs = json(ActionsFixtures.failingFirstJob(responseBody("workflow_run.jobs.list.exchange.json") as! [String: Any]))

    /// The constructed log of job 10545727758 (tox/pytest failure).
    static let jobLog = try! String(contentsOf: directory.appendingPathComponent("job-10545727758.log.txt"), encoding: .utf8)

    static var dispatch204: [String: Any] { exchange("workflow_dispatch.204.exchange.json") }
    static var dispatch422: [String: Any] { exchange("workflow_dispatch.422-missing-input.exchange.json") }
    static var dispatch200: [String: Any] { exchange("workflow_dispatch.200-return_run_details.exchange.json") }

    /// The headers of a recorded response, for the fake to repeat (length and framing left to the server).
    static func responseHeaders(_ exchange: [String: Any]) -> [String: String] {
        var headers: [String: String] = [:]
        for pair in exchange["response_headers"] as! [[String]] where !["Content-Length", "Transfer-Encoding"].contains(pair[0]) {
            headers[pair[0]] = pair[1]
        }
        return headers
    }
}
