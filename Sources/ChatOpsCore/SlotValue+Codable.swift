/// Slots are stored as JSON: a string, an integer or a list of numbers, as `parse --json` prints them.
extension SlotValue: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let n = try? container.decode(Int.self) {
            self = .integer(n)
        } else if let s = try? container.decode(String.self) {
            self = .string(s)
        } else {
            self = .numbers(try container.decode([Double].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .string(let s): try container.encode(s)
        case .integer(let n): try container.encode(n)
        case .numbers(let xs): try container.encode(xs)
        }
    }
}
