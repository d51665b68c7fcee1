@testable import CIPipelineBackend
import Foundation
import PlatformHTTP
import Testing

@Suite("job log tails")
struct LogTailTests {
    static func log(_ lines: [String]) -> String {
        "\u{FEFF}" + lines.enumerated().map { "2024-05-06T19:51:\(String(format: "%02d", $0.offset % 60)).1234567Z \($0.element)" }
            .joined(separator: "\n") + "\n"
    }

    @Test("timestamps and the byte-order mark are removed; lines without a timestamp stay as they are")
    func cleans() {
        let tail = LogTail(log: Self.log(["##[group]Run pytest", "", "plain"]) + "no timestamp here\r\n2024-05-06T19:51:59Z short form\n")
        #expect(tail.lines == ["##[group]Run pytest", "", "plain", "no timestamp here", "short form"])
        #expect(tail.omitted == 0)
        #expect(tail.errors.isEmpty)
    }

    @Test("without an error marker, the last lines are kept")
    func lastLines() {
        let tail = LogTail(log: Self.log((1...100).map { "line \($0)" }), limit: 60)
        #expect(tail.lines.first == "line 41")
        #expect(tail.lines.last == "line 100")
        #expect(tail.omitted == 40)
    }

    @Test("with an error early in a long log, the window holds the error, most of what led to it, and a little after")
    func aroundFirstError() {
        var lines = (1...200).map { "line \($0)" }
        lines[99] = "##[error]Process completed with exit code 1."
        lines[180] = "##[error]a later error"
        let tail = LogTail(log: Self.log(lines), limit: 60)
        #expect(tail.lines.count == 60)
        #expect(tail.lines.first == "line 56")
        #expect(tail.lines[44] == "##[error]Process completed with exit code 1.")
        #expect(tail.lines.last == "line 115")
        #expect(tail.errors == ["Process completed with exit code 1.", "a later error"])
        #expect(tail.omitted == 140)
    }

    @Test("an error in the first lines still shows a full window")
    func earlyError() {
        var lines = (1...100).map { "line \($0)" }
        lines[2] = "##[error]boom"
        #expect(LogTail(log: Self.log(lines), limit: 60).lines.count == 60)
    }

    @Test("very long lines are cut")
    func longLines() {
        let tail = LogTail(log: Self.log([String(repeating: "x", count: 5000)]))
        #expect(tail.lines[0].count == LogTail.maxLineLength + 1)
        #expect(tail.lines[0].hasSuffix("…"))
    }

    @Test("the classifier reads each error with the 15 lines before it")
    func evidence() {
        let lines = (1...40).map { "line \($0)" } + ["##[error]failed"] + (1...10).map { "after \($0)" }
        let evidence = LogTail.evidence(in: lines)
        #expect(evidence.count == 16)
        #expect(evidence.first == "line 26")
        #expect(evidence.last == "##[error]failed")
        #expect(LogTail.evidence(in: (1...30).map { "l\($0)" }).first == "l11")
    }
}

@Suite("pipeline configuration lookup")
struct PipelineLookupTests {
    @Test("repositories: the preferred app's first, each once, apps without a pipeline skipped")
    func repositoryOrder() throws {
        let configuration = try TestConfig.configuration([TestConfig.paymentsPipeline])
        let lookup = PipelineLookup(catalog: configuration.catalog, configFile: "c.yaml")
        #expect(lookup.repositories(first: "payments").map(\.description) == ["acme/payments-api", "acme/iris-classifier"])
        #expect(lookup.repositories(first: nil).map(\.description) == ["acme/iris-classifier", "acme/payments-api"])
        #expect(lookup.repositories(first: "iris-classifier").map(\.description) == ["acme/iris-classifier", "acme/payments-api"])
    }

    @Test("repository names are checked before they go into a URL", arguments: [
        ("acme/iris-classifier", true), ("acme/iris.classifier_2", true), ("acme", false), ("acme/iris/x", false),
        ("../iris", false), ("acme/..", false), ("acme/iris?x=1", false), ("acme/ iris", false), ("/iris", false),
    ])
    func repositoryValidation(name: String, valid: Bool) {
        #expect((GitHubRepository(name) != nil) == valid)
    }

    @Test("run ids: digits only (a leading # dropped)")
    func runIDs() {
        #expect(PathSegment.numericID("#9120034") == "9120034")
        #expect(PathSegment.numericID("9120034/../x") == nil)
        #expect(PathSegment.numericID("") == nil)
        #expect(PathSegment.numericID(String(repeating: "1", count: 21)) == nil)
    }
}
