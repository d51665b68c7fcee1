/// An Open Inference Protocol V2 inference request (`POST /v2/models/{model}/infer`): one FP64
/// input of shape [1, features], the values in the configured feature order.
struct InferenceRequest: Encodable, Sendable {
    struct Tensor: Encodable, Sendable {
        let name: String
        let shape: [Int]
        let datatype: String
        let data: [Double]
    }

    struct RequestedOutput: Encodable, Sendable {
        let name: String
    }

    let id: String?
    let inputs: [Tensor]
    /// Nil asks for the server's default output (`predict` for scikit-learn runtimes).
    let outputs: [RequestedOutput]?

    init(id: String?, features: [Double], outputs: [String]? = nil) {
        self.id = id
        inputs = [Tensor(name: "input-0", shape: [1, features.count], datatype: "FP64", data: features)]
        self.outputs = outputs?.map(RequestedOutput.init)
    }
}

/// An inference response. Servers differ in shape: MLServer answers `predict` as INT64 [n, 1],
/// KServe's sklearnserver as [n], some runtimes as BYTES labels; `data` may also be nested.
struct InferenceResponse: Decodable, Sendable {
    struct Output: Decodable, Sendable {
        let name: String
        let shape: [Int]?
        let datatype: String?
        let data: [TensorValue]

        /// The values in row-major order, nesting flattened.
        var values: [TensorValue] { data.flatMap(\.flattened) }
    }

    let modelName: String?
    let modelVersion: String?
    let outputs: [Output]

    enum CodingKeys: String, CodingKey {
        case modelName = "model_name", modelVersion = "model_version", outputs
    }

    func output(named name: String) -> Output? { outputs.first { $0.name == name } }
}

/// One element of a tensor's `data`: a number, a string (BYTES), a boolean, or a nested row.
enum TensorValue: Decodable, Sendable, Hashable {
    case number(Double)
    case text(String)
    case row([TensorValue])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let number = try? container.decode(Double.self) {
            self = .number(number)
        } else if let flag = try? container.decode(Bool.self) {
            self = .number(flag ? 1 : 0)
        } else if let text = try? container.decode(String.self) {
            self = .text(text)
        } else {
            self = .row(try container.decode([TensorValue].self))
        }
    }

    var flattened: [TensorValue] {
        if case .row(let values) = self { return values.flatMap(\.flattened) }
        return [self]
    }

    var number: Double? {
        if case .number(let x) = self { return x }
        return nil
    }
}
