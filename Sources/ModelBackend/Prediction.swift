import Foundation

/// What the model said about one row of features, with the configured class names applied.
public struct Prediction: Sendable, Hashable {
    /// The class index, when the model answered with one (or a label found in the classes).
    public let classIndex: Int?
    /// The class name: the configured name for the index, or the label the model answered.
    public let label: String
    /// Whether `label` is one of the configured classes.
    public let isConfiguredClass: Bool
    /// Per class, in class order, when the server gave `predict_proba`.
    public let probabilities: [ClassProbability]?
    public let modelVersion: String?

    /// "setosa (0)"; "class 5 (model.classes has no name for it)"; or the label alone when there is no index.
    public var summary: String {
        guard let classIndex else { return label }
        return isConfiguredClass ? "\(label) (\(classIndex))" : "\(label) (model.classes has no name for it)"
    }

    /// "setosa 0.0%, versicolor 23.5%, virginica 76.4%".
    public var probabilitiesSummary: String? {
        probabilities?.map { "\($0.label) " + String(format: "%.1f%%", $0.value * 100) }.joined(separator: ", ")
    }
}

public struct ClassProbability: Sendable, Hashable {
    public let label: String
    public let value: Double
}

/// Reads a prediction out of inference responses: the `predict` output (or the only output) for
/// the class, `predict_proba` for the probabilities; with only probabilities, the likeliest class.
enum PredictionReading {
    enum Problem: Error, Equatable, CustomStringConvertible {
        case noOutput
        case unreadable(String)

        var description: String {
            switch self {
            case .noOutput: return "it holds neither a `predict` nor a `predict_proba` output"
            case .unreadable(let detail): return detail
            }
        }
    }

    static func read(_ response: InferenceResponse, probabilities: InferenceResponse?, classes: [String]) throws(Problem) -> Prediction {
        let probabilityValues = (probabilities ?? response).output(named: "predict_proba").flatMap(Self.probabilities)
        let named = probabilityValues.map { values in
            values.enumerated().map { ClassProbability(label: className($0.offset, classes) ?? "class \($0.offset)", value: $0.element) }
        }
        let classOutput = response.output(named: "predict")
            ?? (response.outputs.count == 1 && response.outputs[0].name != "predict_proba" ? response.outputs[0] : nil)
        if let classOutput {
            guard let first = classOutput.values.first else { throw .unreadable("output \(classOutput.name) holds no values") }
            let (index, label) = try classOf(first, classes: classes)
            return Prediction(classIndex: index, label: label, isConfiguredClass: classes.contains(label), probabilities: named,
                              modelVersion: response.modelVersion)
        }
        guard let values = probabilityValues, let best = values.indices.max(by: { values[$0] < values[$1] }) else { throw .noOutput }
        return Prediction(classIndex: best, label: className(best, classes) ?? "class \(best)",
                          isConfiguredClass: className(best, classes) != nil, probabilities: named, modelVersion: response.modelVersion)
    }

    /// The first row of a `predict_proba` output ([1, k] or [k]).
    static func probabilities(_ output: InferenceResponse.Output) -> [Double]? {
        let values = output.values.compactMap(\.number)
        guard values.count == output.values.count, !values.isEmpty else { return nil }
        let width = output.shape.flatMap { $0.count >= 2 ? $0.last : nil } ?? values.count
        return width > 0 && width <= values.count ? Array(values.prefix(width)) : nil
    }

    static func classOf(_ value: TensorValue, classes: [String]) throws(Problem) -> (Int?, String) {
        switch value {
        case .number(let x):
            guard x == x.rounded(), abs(x) < 1e9 else { throw .unreadable("class \(x) is not a whole number") }
            let index = Int(x)
            return (index, className(index, classes) ?? "class \(index)")
        case .text(let label):
            if let index = classes.firstIndex(of: label) { return (index, label) }
            if let index = Int(label) { return (index, className(index, classes) ?? label) }
            return (nil, label)
        case .row:
            throw .unreadable("a nested row where a class was expected")
        }
    }

    static func className(_ index: Int, _ classes: [String]) -> String? {
        classes.indices.contains(index) ? classes[index] : nil
    }
}
