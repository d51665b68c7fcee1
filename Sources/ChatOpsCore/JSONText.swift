/// A tiny JSON writer with a fixed key order, so that CLI output is stable and diffable.
public enum JSONText {
    public static func string(_ s: String) -> String {
        var out = "\""
        out.reserveCapacity(s.utf8.count + 2)
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    public static func value(_ v: SlotValue) -> String {
        switch v {
        case .string(let s): return string(s)
        case .integer(let n): return String(n)
        case .numbers(let xs): return "[" + xs.map(NumberFormatting.shortest).joined(separator: ",") + "]"
        }
    }

    /// `{"k":v,...}` with keys sorted.
    public static func object(_ slots: [String: SlotValue]) -> String {
        "{" + slots.keys.sorted().map { string($0) + ":" + value(slots[$0]!) }.joined(separator: ",") + "}"
    }
}
