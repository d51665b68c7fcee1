import Foundation

/// Takes secrets out of text before it leaves for a model: tokens by their known shapes, bearer
/// headers, `password=`-style pairs, private keys, credentials in connection strings. Each becomes
/// `[REDACTED:kind]`, so the model still sees that something was there. Shapes are specific on
/// purpose: a git sha, a UUID or an image digest is evidence, not a secret, and stays.
public struct SecretRedactor: Sendable {
    /// One kind of secret: its pattern, and the capture group kept in front of the marker (a header
    /// name, a key and its `=`), or 0 when the whole match goes.
    struct Rule: @unchecked Sendable {
        let kind: String
        let pattern: NSRegularExpression
        let kept: Int

        init(_ kind: String, _ pattern: String, keeping kept: Int = 0) {
            self.kind = kind
            self.pattern = try! NSRegularExpression(pattern: pattern)
            self.kept = kept
        }
    }

    /// The text without its secrets, and the kinds found (one entry per secret).
    public struct Redaction: Sendable, Hashable {
        public let text: String
        public let redacted: [String]
    }

    let rules: [Rule]

    public init() {
        rules = Self.standardRules
    }

    public func redact(_ text: String) -> Redaction {
        var text = text
        var found: [String] = []
        for rule in rules {
            let matches = rule.pattern.matches(in: text, range: NSRange(text.startIndex..., in: text))
            for match in matches.reversed() {
                guard let whole = Range(match.range, in: text) else { continue }
                let kept = rule.kept > 0 ? Range(match.range(at: rule.kept), in: text).map { String(text[$0]) } ?? "" : ""
                text.replaceSubrange(whole, with: kept + "[REDACTED:\(rule.kind)]")
                found.append(rule.kind)
            }
        }
        return Redaction(text: text, redacted: found)
    }

    /// In order: whole blocks and URLs first, then headers and token shapes, then `key=value`
    /// pairs (whose value may already be a marker, which is left alone).
    static let standardRules: [Rule] = [
        Rule("private-key", #"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY-----(?:[\s\S]*?-----END (?:[A-Z0-9]+ )*PRIVATE KEY-----|(?:(?:\s|\\n)*[A-Za-z0-9+/=]{16,})*)"#),
        Rule("credentials", #"(?i)\b([a-z][a-z0-9+.-]*://)[^\s:/@'"]*:[^\s@/'"]+(?=@)"#, keeping: 1),
        Rule("bearer", #"(?i)\b((?:proxy-)?authorization\s*[:=]\s*(?:bearer|basic|token)\s+)[A-Za-z0-9._~+/=-]+"#, keeping: 1),
        Rule("bearer", #"(?i)\b(bearer\s+)(?!\[REDACTED)[A-Za-z0-9._~+/-]{16,}=*"#, keeping: 1),
        Rule("jwt", #"\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}"#),
        Rule("github-token", #"\b(?:gh[pousr]_[A-Za-z0-9]{30,}|github_pat_[A-Za-z0-9_]{40,})\b"#),
        Rule("slack-token", #"\bxox[abposr]-[A-Za-z0-9-]{10,}"#),
        Rule("aws-access-key", #"\b(?:AKIA|ASIA)[0-9A-Z]{16}\b"#),
        Rule("google-api-key", #"\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])"#),
        Rule("openai-key", #"\bsk-(?:proj-|svcacct-|admin-|ant-)?(?=[A-Za-z_-]*[0-9])[A-Za-z0-9_-]{32,}"#),
        Rule("password", pair(#"[a-z0-9_.-]*password|passwd"#), keeping: 1),
        Rule("secret", pair(#"[a-z0-9_.-]*secret|aws_secret_access_key"#), keeping: 1),
        Rule("api-key", pair(#"[a-z0-9_.-]*api[_-]?key|apikey|access[_-]?key"#), keeping: 1),
        Rule("token", pair(#"[a-z0-9_.-]*token"#), keeping: 1),
    ]

    /// `KEY = value`, `KEY: value`, `"KEY": "value"` for a key matching `key` as a whole word;
    /// group 1 is everything before the value (a quoted value goes with its quotes).
    static func pair(_ key: String) -> String {
        #"(?i)(\b(?:"# + key + #")\b["']?[ \t]*[:=][ \t]*)(?!\[REDACTED)(?:"[^"\n]*"|'[^'\n]*'|[^\s"',;&}\]]+)"#
    }
}
