/// A validated, normalised slot value.
public enum SlotValue: Sendable, Hashable {
    case string(String)
    case integer(Int)
    case numbers([Double])

    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    public var integerValue: Int? {
        if case .integer(let n) = self { return n }
        return nil
    }
}

extension SlotValue: CustomStringConvertible {
    public var description: String {
        switch self {
        case .string(let s): return s
        case .integer(let n): return String(n)
        case .numbers(let xs): return xs.map(NumberFormatting.shortest).joined(separator: " ")
        }
    }
}

/// Formats numbers the way people wrote them: `5.1`, not `5.0999999`; `3`, not `3.0`.
public enum NumberFormatting {
    public static func shortest(_ x: Double) -> String {
        if x.isFinite, x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
        return String(x)
    }
}
