import ChatOpsConfig
import ChatOpsCore
import ReplyModel

/// A prediction as fields: the model, each feature with its value in the configured order, the
/// class (name and index) and, when the server gave them, the probabilities per class.
struct PredictionReply {
    let model: ModelConfig
    let values: [Double]
    let prediction: Prediction

    var reply: Reply {
        var fields = [ReplyField("Model", model.name + (prediction.modelVersion.map { " (version \($0))" } ?? ""))]
        for (i, value) in values.enumerated() {
            let name = model.features.indices.contains(i) ? model.features[i] : "feature \(i + 1)"
            fields.append(ReplyField(name, NumberFormatting.shortest(value)))
        }
        fields.append(ReplyField("Prediction", prediction.summary))
        if let probabilities = prediction.probabilitiesSummary {
            fields.append(ReplyField("Probabilities", probabilities))
        }
        return Reply(.success, [.fields(fields)])
    }
}
