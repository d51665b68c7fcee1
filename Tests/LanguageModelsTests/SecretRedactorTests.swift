import LanguageModels
import Testing

@Suite("Secrets are redacted before a prompt leaves; evidence that only looks random stays")
struct SecretRedactorTests {
    let redactor = SecretRedactor()

    /// Real-looking samples (made up, of the real shapes) and the kind each must be reported as.
    static let secrets: [(sample: String, kind: String)] = [
        ("ghp_4Xb7TqR2mN9kLp0vWz3YcD8eF1gH6jK5sA2q", "github-token"),
        ("gho_16C7e42F292c6912E7710c838347Ae178B4a", "github-token"),
        ("github_pat_11ABCDEFG0123456789abc_defGHIJKLmnopQRSTuvwxYZ0123456789abcdefGHIJKLMNOP", "github-token"),
        ("xoxb-2048123456-4096123456789-AbCdEfGhIjKlMnOpQrStUvWx", "slack-token"),
        ("xoxp-1234567890-1234567890-1234567890123-0123456789abcdef0123456789abcdef", "slack-token"),
        ("AKIAIOSFODNN7EXAMPLE", "aws-access-key"),
        ("AIzaSyB-1a2b3c4d5e6f7g8h9i0jKLMNOPQRSTU", "google-api-key"),
        ("sk-proj-Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7cDe0f", "openai-key"),
        ("eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c",
         "jwt"),
    ]

    @Test("each token shape is replaced by its marker, inside a sentence and in a log line", arguments: Self.secrets.indices)
    func tokens(_ index: Int) {
        let (sample, kind) = Self.secrets[index]
        let result = redactor.redact("deploy failed with credentials \(sample) (see logs)")
        #expect(!result.text.contains(sample))
        #expect(result.text == "deploy failed with credentials [REDACTED:\(kind)] (see logs)")
        #expect(result.redacted == [kind])
    }

    /// Secrets in their surroundings, and what must be left of them: a header's name and scheme,
    /// a key and its `=`, a connection string's scheme and host.
    static let examples: [(text: String, redacted: String)] = [
        ("curl -H 'Authorization: Bearer abc123def456ghi789jkl0' https://argocd.example.com/api/v1/applications",
         "curl -H 'Authorization: Bearer [REDACTED:bearer]' https://argocd.example.com/api/v1/applications"),
        ("authorization=Basic dXNlcjpodW50ZXIy", "authorization=Basic [REDACTED:bearer]"),
        ("DB_PASSWORD=hunter2 MODE=prod\nclient_secret: s3cr3t-value\nAPI_KEY='k-123 456'",
         "DB_PASSWORD=[REDACTED:password] MODE=prod\nclient_secret: [REDACTED:secret]\nAPI_KEY=[REDACTED:api-key]"),
        (#"{"user":"svc","passwd":"p@ss:word","x-api-key":"abc"}"#,
         #"{"user":"svc","passwd":[REDACTED:password],"x-api-key":[REDACTED:api-key]}"#),
        ("aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY", "aws_secret_access_key = [REDACTED:secret]"),
        ("key:\n-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEA0Z3VS5JJcds3xfn/ygWyF8PbnGy0AHB7MhgHcTz6sE2I2yPB\n"
            + "aNJ3Zk0oQ+1X2oQ==\n-----END RSA PRIVATE KEY-----\nnext line",
         "key:\n[REDACTED:private-key]\nnext line"),
        ("-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC", "[REDACTED:private-key]"),
        ("postgres://app:Sup3rS3cret@db.internal:5432/iris", "postgres://[REDACTED:credentials]@db.internal:5432/iris"),
        ("mongodb+srv://admin:pa55@cluster0.x.mongodb.net/test", "mongodb+srv://[REDACTED:credentials]@cluster0.x.mongodb.net/test"),
        ("redis://:r3d1s@cache:6379/0", "redis://[REDACTED:credentials]@cache:6379/0"),
    ]

    @Test("headers keep name and scheme, pairs their key, connection strings their host; private keys go whole",
          arguments: Self.examples.indices)
    func inContext(_ index: Int) {
        let (text, redacted) = Self.examples[index]
        #expect(redactor.redact(text).text == redacted)
    }

    /// Evidence a model needs, of shapes close to secrets.
    static let nearMisses: [String] = [
        "rolled back to 3f2c1a9e8b7d6c5f4e3a2b1c0d9e8f7a6b5c4d3e",
        "request 123e4567-e89b-12d3-a456-426614174000 failed",
        "image ghcr.io/acme/iris-classifier:v1.4.2@sha256:9b2c6f1e0d4a7b3c8e5f2a1d6c9b0e3f7a4d1c8b5e2f9a6d3c0b7e4f1a8d5c2b",
        "pod iris-classifier-7d9f8b-x2k4p OOMKilled; maxOutputTokens: 1024; tokens: 1500",
        "secretKeyRef: {name: db-secret, key: password}",
        "http://argocd.example.com:8080/api/v1/applications/iris@prod",
        "the sk-learn-model task-runner ghp_short AKIA AIza",
        "Authorization header missing; a bearer token is needed",
    ]

    @Test("near-misses are left alone", arguments: Self.nearMisses)
    func nearMiss(_ text: String) {
        let result = redactor.redact(text)
        #expect(result.text == text)
        #expect(result.redacted.isEmpty)
    }
}
