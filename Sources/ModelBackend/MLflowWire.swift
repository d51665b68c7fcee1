/// `GET /api/2.0/mlflow/experiments/get-by-name`.
struct ExperimentResponse: Decodable, Sendable {
    struct Experiment: Decodable, Sendable {
        let experimentID: String
        let name: String
        enum CodingKeys: String, CodingKey { case experimentID = "experiment_id", name }
    }

    let experiment: Experiment
}

/// `POST /api/2.0/mlflow/runs/search`, shaped as MLflow's own client sends it.
struct RunsSearchRequest: Encodable, Sendable {
    let experimentIDs: [String]
    let filter: String
    let orderBy: [String]
    let maxResults: Int
    let pageToken: String?

    enum CodingKeys: String, CodingKey {
        case experimentIDs = "experiment_ids", filter, orderBy = "order_by", maxResults = "max_results", pageToken = "page_token"
    }
}

/// One page of runs. MLflow answers `{}` when nothing matched: no `runs` key at all.
struct RunsPage: Decodable, Sendable {
    let runs: [MLflowRun]?
    let nextPageToken: String?
    enum CodingKeys: String, CodingKey { case runs, nextPageToken = "next_page_token" }
}

/// `GET /api/2.0/mlflow/runs/get`.
struct RunResponse: Decodable, Sendable {
    let run: MLflowRun
}

/// The parts of an MLflow run that drift needs.
struct MLflowRun: Decodable, Sendable {
    struct Info: Decodable, Sendable {
        let runID: String?
        let runUUID: String?
        let runName: String?
        let status: String?
        let startTime: Int64?
        enum CodingKeys: String, CodingKey {
            case runID = "run_id", runUUID = "run_uuid", runName = "run_name", status, startTime = "start_time"
        }
    }

    struct Metric: Decodable, Sendable {
        let key: String
        let value: Double
    }

    struct RunData: Decodable, Sendable {
        let metrics: [Metric]?
    }

    let info: Info
    let data: RunData?

    /// The run with one metric's latest value, or nil when it did not log that metric.
    func measured(_ metric: String) -> MeasuredRun? {
        guard let id = info.runID ?? info.runUUID, let value = data?.metrics?.first(where: { $0.key == metric })?.value else {
            return nil
        }
        return MeasuredRun(id: id, name: info.runName, startTime: info.startTime ?? 0, value: value,
                           isFinished: info.status == "FINISHED")
    }
}
