import ChatOpsTestSupport
import Foundation

/// A throwaway CA with a server certificate for 127.0.0.1 and a client certificate, made with the
/// machine's `openssl` in a temp folder (tests that need it are skipped where there is none).
struct TestPKI {
    static let openssl: String? = ["/usr/bin/openssl", "/usr/local/bin/openssl", "/opt/homebrew/bin/openssl"]
        .first { FileManager.default.isExecutableFile(atPath: $0) }

    let directory: TemporaryDirectory
    func path(_ name: String) -> String { directory.url.appendingPathComponent(name).path }
    func pem(_ name: String) throws -> [UInt8] { Array(try Data(contentsOf: directory.url.appendingPathComponent(name))) }

    init() throws {
        directory = try TemporaryDirectory()
        try directory.write("server.ext", "subjectAltName=IP:127.0.0.1\nextendedKeyUsage=serverAuth\n")
        try directory.write("client.ext", "extendedKeyUsage=clientAuth\n")
        let curve = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]
        try run(["req", "-x509"] + curve + ["-keyout", "ca.key", "-out", "ca.crt", "-days", "1", "-subj", "/CN=chatops-test-ca"])
        for (name, subject) in [("server", "/CN=127.0.0.1"), ("client", "/CN=system:serviceaccount:chatops:chatops")] {
            try run(["req"] + curve + ["-keyout", "\(name).key", "-out", "\(name).csr", "-subj", subject])
            try run(["x509", "-req", "-in", "\(name).csr", "-CA", "ca.crt", "-CAkey", "ca.key", "-CAcreateserial",
                     "-out", "\(name).crt", "-days", "1", "-extfile", "\(name).ext"])
        }
    }

    private func run(_ arguments: [String]) throws {
        let result = try ProcessRunner.run(Self.openssl ?? "openssl", arguments, directory: directory.path)
        guard result.status == 0 else { throw PKIError(result.stderr) }
    }
}

struct PKIError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = "openssl failed: \(description)" }
}
