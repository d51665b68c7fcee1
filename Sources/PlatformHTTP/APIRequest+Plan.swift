extension APIRequest {
    /// `METHOD URL BODY`: how a dry-run plan shows a call. Headers (tokens) are never shown; a
    /// long body is cut with an ellipsis.
    public var planLine: String {
        let text = body.map { String(decoding: $0, as: UTF8.self) } ?? ""
        let shown = text.count > 300 ? String(text.prefix(300)) + "…" : text
        return "\(method.rawValue) \(url)" + (shown.isEmpty ? "" : " \(shown)")
    }
}
