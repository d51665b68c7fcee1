/// `application/x-www-form-urlencoded` bodies as platforms send them (Slack slash commands and
/// interactions), decoded straight from the body's bytes: a slash command is parsed on the path
/// that answers Slack, so it costs a few microseconds rather than Foundation's string bridging.
public enum FormBody {
    /// Name → value; `+` is a space; a repeated name keeps its first value. A part with a
    /// malformed escape (`%` not followed by two hex digits), or whose escapes decode to bytes that
    /// are not UTF-8, is kept as written (with `+` still read as a space).
    public static func parse(_ body: [UInt8]) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in body.split(separator: UInt8(ascii: "&"), omittingEmptySubsequences: true) {
            let equals = pair.firstIndex(of: UInt8(ascii: "="))
            let name = decode(pair[pair.startIndex..<(equals ?? pair.endIndex)])
            let value = equals.map { decode(pair[pair.index(after: $0)...]) } ?? ""
            if fields[name] == nil { fields[name] = value }
        }
        return fields
    }

    public static func parse(_ body: String) -> [String: String] {
        parse(Array(body.utf8))
    }

    static func decode(_ part: ArraySlice<UInt8>) -> String {
        if !part.contains(where: { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "+") }) {
            return String(decoding: part, as: UTF8.self)
        }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(part.count)
        var index = part.startIndex
        var malformed = false
        while index < part.endIndex {
            let byte = part[index]
            switch byte {
            case UInt8(ascii: "+"):
                decoded.append(UInt8(ascii: " "))
            case UInt8(ascii: "%"):
                if part.endIndex - index >= 3, let high = hexValue(part[index + 1]), let low = hexValue(part[index + 2]) {
                    decoded.append(high << 4 | low)
                    index += 2
                } else {
                    malformed = true
                    decoded.append(byte)
                }
            default:
                decoded.append(byte)
            }
            index += 1
        }
        if !malformed, let text = String(validating: decoded, as: UTF8.self) { return text }
        return String(decoding: part.map { $0 == UInt8(ascii: "+") ? UInt8(ascii: " ") : $0 }, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): byte - UInt8(ascii: "A") + 10
        default: nil
        }
    }
}
