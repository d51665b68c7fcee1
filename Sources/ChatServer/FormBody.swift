/// `application/x-www-form-urlencoded` bodies as platforms send them (Slack slash commands and
/// interactions), decoded straight from the body's bytes: a slash command is parsed on the path
/// that answers Slack, so it costs a few microseconds rather than Foundation's string bridging.
public enum FormBody {
    /// Name → value; `+` is a space; a repeated name keeps its first value. A part with a
    /// malformed escape (`%` not followed by two hex digits), or whose escapes decode to bytes that
    /// are not UTF-8, is kept as written (with `+` still read as a space).
    public static func parse(_ body: [UInt8]) -> [String: String] {
        let fields = FormFields(body)
        var named: [String: String] = [:]
        named.reserveCapacity(fields.count)
        fields.forEach { name, value in
            if named[name] == nil { named[name] = value }
        }
        return named
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

/// A form body's fields, read by name when asked: the body's pairs are found once and a value is
/// decoded only when it is read, with no dictionary built (on a slash command that is most of
/// what `FormBody.parse` cost: a string and a hash per field, and the table's growth).
/// The same answers as `FormBody.parse`.
public struct FormFields: Sendable {
    private let body: [UInt8]
    /// Each pair's name and value, as byte ranges of `body`, in order; empty pairs skipped.
    private let pairs: [(name: Range<Int>, value: Range<Int>)]

    public init(_ body: [UInt8]) {
        var pairs: [(name: Range<Int>, value: Range<Int>)] = []
        var start = 0
        while start <= body.count {
            let end = body[start...].firstIndex(of: UInt8(ascii: "&")) ?? body.count
            if end > start {
                let equals = body[start..<end].firstIndex(of: UInt8(ascii: "="))
                pairs.append(equals.map { (start..<$0, ($0 + 1)..<end) } ?? (start..<end, end..<end))
            }
            start = end + 1
        }
        self.body = body
        self.pairs = pairs
    }

    /// The number of pairs, repeated names included.
    public var count: Int { pairs.count }

    /// The first value given for `name`, decoded.
    public subscript(name: String) -> String? {
        var name = name
        return name.withUTF8 { wanted in
            for pair in pairs where Self.names(body[pair.name], equal: wanted) {
                return FormBody.decode(body[pair.value])
            }
            return nil
        }
    }

    /// The body with only the pairs named in `names` (compared as written), in order: what may be
    /// kept of a form without what is secret in it.
    public func keeping(_ names: [StaticString]) -> [UInt8] {
        var kept: [UInt8] = []
        kept.reserveCapacity(body.count)
        for pair in pairs {
            let name = body[pair.name]
            guard names.contains(where: { wanted in
                wanted.withUTF8Buffer { $0.elementsEqual(name) }
            }) else { continue }
            if !kept.isEmpty { kept.append(UInt8(ascii: "&")) }
            kept.append(contentsOf: body[pair.name.lowerBound..<pair.value.upperBound])
        }
        return kept
    }

    /// Every pair in order, decoded.
    public func forEach(_ body: (_ name: String, _ value: String) -> Void) {
        for pair in pairs {
            body(FormBody.decode(self.body[pair.name]), FormBody.decode(self.body[pair.value]))
        }
    }

    private static func names(_ raw: ArraySlice<UInt8>, equal wanted: UnsafeBufferPointer<UInt8>) -> Bool {
        if raw.contains(where: { $0 == UInt8(ascii: "%") || $0 == UInt8(ascii: "+") }) {
            var decoded = FormBody.decode(raw)
            return decoded.withUTF8 { $0.elementsEqual(wanted) }
        }
        return raw.elementsEqual(wanted)
    }
}
