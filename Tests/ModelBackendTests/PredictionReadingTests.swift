import Foundation
@testable import ModelBackend
import Testing

@Suite("Reading predictions out of Open Inference Protocol V2 responses")
struct PredictionReadingTests {
    let classes = ["setosa", "versicolor", "virginica"]

    func decode(_ text: String) throws -> InferenceResponse {
        try JSONDecoder().decode(InferenceResponse.self, from: Data(text.utf8))
    }

    /// The first value of the named fixture's first output, as the server sent it.
    func firstValue(_ fixture: String) throws -> Int {
        let json = try #require(ModelFixtures.json(fixture) as? [String: Any])
        let outputs = try #require(json["outputs"] as? [[String: Any]])
        return try #require((outputs[0]["data"] as? [Int])?.first)
    }

    /// The captured `predict_proba` values, read without the code under test.
    func capturedProbabilities() throws -> [Double] {
        let json = try #require(ModelFixtures.json("infer.predict_proba.response.json") as? [String: Any])
        let outputs = try #require(json["outputs"] as? [[String: Any]])
        return try #require(outputs.first { $0["name"] as? String == "predict_proba" }?["data"] as? [Double])
    }

    @Test("MLServer's `predict` (INT64, shape [n, 1]) names the configured class of the first row")
    func mlserverPredict() throws {
        let response = try decode(ModelFixtures.text("infer.response.json"))
        let prediction = try PredictionReading.read(response, probabilities: nil, classes: classes)
        let index = try firstValue("infer.response.json")
        #expect(prediction.classIndex == index)
        #expect(prediction.label == classes[index])
        #expect(prediction.summary == "\(classes[index]) (\(index))")
        #expect(prediction.modelVersion == "v1")
        #expect(prediction.probabilities == nil)
    }

    @Test("KServe sklearnserver's `predict` (shape [n]) reads the same way")
    func kservePredict() throws {
        let response = try decode(ModelFixtures.text("kserve-docs.sklearnserver.expected-output.json"))
        let prediction = try PredictionReading.read(response, probabilities: nil, classes: classes)
        let index = try firstValue("kserve-docs.sklearnserver.expected-output.json")
        #expect(prediction.label == classes[index])
        #expect(prediction.modelVersion == "v1.0.0")
    }

    @Test("`predict_proba` ([1, k] FP64) gives a probability per configured class, in class order")
    func probabilities() throws {
        let response = try decode(ModelFixtures.text("infer.response.json"))
        let proba = try decode(ModelFixtures.text("infer.predict_proba.response.json"))
        let prediction = try PredictionReading.read(response, probabilities: proba, classes: classes)
        let captured = try capturedProbabilities()
        #expect(prediction.probabilities?.map(\.label) == classes)
        let read = try #require(prediction.probabilities?.map(\.value))
        #expect(read.count == captured.count && zip(read, captured).allSatisfy { abs($0 - $1) < 1e-12 })
        #expect(prediction.probabilitiesSummary == zip(classes, captured).map { "\($0) " + String(format: "%.1f%%", $1 * 100) }
            .joined(separator: ", "))
    }

    @Test("with only `predict_proba`, the likeliest class is the prediction")
    func onlyProbabilities() throws {
        let proba = try decode(ModelFixtures.text("infer.predict_proba.response.json"))
        let prediction = try PredictionReading.read(proba, probabilities: nil, classes: classes)
        let captured = try capturedProbabilities()
        let likeliest = try #require(captured.indices.max { captured[$0] < captured[$1] })
        #expect(prediction.classIndex == likeliest)
        #expect(prediction.label == classes[likeliest])
        #expect(prediction.probabilities?.count == classes.count)
    }

    @Test("BYTES labels: a configured class name gets its index; another label is shown as it is")
    func stringLabels() throws {
        let known = try decode(#"{"outputs":[{"name":"predict","shape":[1],"datatype":"BYTES","data":["virginica"]}]}"#)
        #expect(try PredictionReading.read(known, probabilities: nil, classes: classes).summary == "virginica (2)")
        let other = try decode(#"{"outputs":[{"name":"predict","shape":[1],"datatype":"BYTES","data":["Iris-setosa"]}]}"#)
        let prediction = try PredictionReading.read(other, probabilities: nil, classes: classes)
        #expect(prediction.summary == "Iris-setosa")
        #expect(prediction.classIndex == nil)
    }

    @Test("nested data, an index outside the classes, and no classes configured")
    func unusualShapes() throws {
        let nested = try decode(#"{"outputs":[{"name":"predict","shape":[1,1],"datatype":"INT64","data":[[1]]}]}"#)
        #expect(try PredictionReading.read(nested, probabilities: nil, classes: classes).label == "versicolor")
        let outside = try decode(#"{"outputs":[{"name":"predict","shape":[1],"datatype":"INT64","data":[5]}]}"#)
        #expect(try PredictionReading.read(outside, probabilities: nil, classes: classes).summary
            == "class 5 (model.classes has no name for it)")
        #expect(try PredictionReading.read(nested, probabilities: nil, classes: []).summary
            == "class 1 (model.classes has no name for it)")
    }

    @Test("a response with neither `predict` nor `predict_proba` (nor a single output) is a problem")
    func noUsableOutput() throws {
        let none = try decode(#"{"outputs":[]}"#)
        #expect(throws: PredictionReading.Problem.noOutput) { try PredictionReading.read(none, probabilities: nil, classes: classes) }
        let fractional = try decode(#"{"outputs":[{"name":"predict","shape":[1],"datatype":"FP64","data":[0.5]}]}"#)
        #expect(throws: PredictionReading.Problem.self) { try PredictionReading.read(fractional, probabilities: nil, classes: classes) }
    }
}
