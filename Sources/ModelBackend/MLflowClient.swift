import PlatformHTTP

/// The MLflow tracking server's REST API (`/api/2.0/mlflow`): an experiment by name, its runs,
/// one run by id. A token or basic auth is sent when configured. Every call only reads (the search is a POST, but
/// changes nothing), so each is tried again after a gateway error or no answer.
public struct MLflowClient: Sendable {
    let baseURL: String
    let transport: ServiceTransport
    /// Runs per page and pages at most: the baseline is chosen among the latest pageSize × maxPages runs.
    let pageSize: Int
    let maxPages: Int

    public init(baseURL: String, client: PlatformAPIClient,
                readAttempts: Int = 3, pageSize: Int = 100, maxPages: Int = 10, credential: ServiceCredential? = nil) {
        self.baseURL = PlatformHTTP.apiBaseURL(baseURL) + "/api/2.0/mlflow"
        transport = ServiceTransport(client: client, wording: ModelWording.mlflow(credential: credential != nil), readAttempts: readAttempts,
                                     credential: credential)
        self.pageSize = pageSize
        self.maxPages = maxPages
    }

    func experimentRequest(_ name: String) -> APIRequest {
        APIRequest(.GET, "\(baseURL)/experiments/get-by-name?experiment_name=\(PathSegment.encode(name))",
                   headers: [("Accept", "application/json")])
    }

    func searchRequest(experimentID: String, pageToken: String?, subject: String) throws(ModelBackendError) -> APIRequest {
        try transport.post("\(baseURL)/runs/search", RunsSearchRequest(
            experimentIDs: [experimentID], filter: "attributes.status = 'FINISHED'", orderBy: ["attributes.start_time DESC"],
            maxResults: pageSize, pageToken: pageToken), subject: subject)
    }

    func runRequest(_ id: String) -> APIRequest {
        APIRequest(.GET, "\(baseURL)/runs/get?run_id=\(PathSegment.encode(id))", headers: [("Accept", "application/json")])
    }

    /// The experiment's id.
    func experimentID(named name: String) async throws(ModelBackendError) -> String {
        let subject = "experiment \(name)"
        let response = try await transport.call(experimentRequest(name), subject: subject, hints: [
            404: "there is no MLflow experiment named \(name) (check model.mlflow_experiment)",
        ])
        return try transport.decode(ExperimentResponse.self, from: response, subject: subject, expected: "an experiment")
            .experiment.experimentID
    }

    /// Finished runs, newest first, following `next_page_token` for at most `maxPages` pages.
    func finishedRuns(experimentID: String, experiment: String) async throws(ModelBackendError) -> [MLflowRun] {
        let subject = "experiment \(experiment)"
        var runs: [MLflowRun] = []
        var token: String?
        for _ in 0..<maxPages {
            let request = try searchRequest(experimentID: experimentID, pageToken: token, subject: subject)
            let response = try await transport.call(request, subject: subject)
            let page = try transport.decode(RunsPage.self, from: response, subject: subject, expected: "a page of runs")
            runs += page.runs ?? []
            guard let next = page.nextPageToken, !next.isEmpty else { break }
            token = next
        }
        return runs
    }

    /// One run by id (`model.baseline_run`).
    func run(id: String) async throws(ModelBackendError) -> MLflowRun {
        let subject = "run \(id)"
        let response = try await transport.call(runRequest(id), subject: subject, hints: [
            404: "there is no MLflow run \(id) (check model.baseline_run)",
        ])
        return try transport.decode(RunResponse.self, from: response, subject: subject, expected: "a run").run
    }
}
