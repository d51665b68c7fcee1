import ChatOpsConfig

/// Reads a model's MLflow experiment and works out its drift: the facts the `drift` reply shows
/// and the AI drift explanation builds on.
public struct DriftReader: Sendable {
    let client: MLflowClient

    public init(client: MLflowClient) {
        self.client = client
    }

    /// The experiment and metric drift is measured on, or why the model cannot have one.
    public static func target(of model: ModelConfig) throws(ModelBackendError) -> (experiment: String, metric: String) {
        guard let experiment = model.mlflowExperiment, !experiment.isEmpty else {
            throw .unusable("Model \(model.name) has no MLflow experiment configured",
                            advice: "set model.mlflow_experiment for it in the configuration")
        }
        guard let metric = model.metric, !metric.isEmpty else {
            throw .unusable("Model \(model.name) has no drift metric configured",
                            advice: "set model.metric (e.g. accuracy) for it in the configuration")
        }
        return (experiment, metric)
    }

    public func outcome(for model: ModelConfig) async throws(ModelBackendError) -> DriftOutcome {
        let (experiment, metric) = try Self.target(of: model)
        let id = try await client.experimentID(named: experiment)
        let runs = try await client.finishedRuns(experimentID: id, experiment: experiment).compactMap { $0.measured(metric) }
        var baseline: MeasuredRun?
        if let runID = model.baselineRun, !runID.isEmpty {
            guard let run = try await client.run(id: runID).measured(metric) else {
                throw .unusable("MLflow run \(runID) (model.baseline_run) has no metric \(metric)",
                                advice: "name a run that logged \(metric), or remove baseline_run to compare with the best earlier run")
            }
            baseline = run
        }
        return DriftAnalysis.outcome(experiment: experiment, metric: metric, runs: runs, configuredBaseline: baseline)
    }
}
