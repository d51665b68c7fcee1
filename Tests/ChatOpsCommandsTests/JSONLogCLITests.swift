import ChatOpsApp
import ChatOpsTestSupport
import Foundation
import Logging
import Synchronization
import Testing

/// `CHATOPS_LOG_FORMAT=json`: every log line of `chatops serve` is one JSON object.
@Suite("JSON Lines logs")
struct JSONLogCLITests {
    @Test("a line is an object with time, level, label, message, source and the metadata, whatever the text holds")
    func handler() throws {
        let lines = Mutex<[String]>([])
        var logger = Logger(label: "chatops", factory: { JSONLinesLogHandler(label: $0, write: { line in lines.withLock { $0.append(line) } }) })
        logger[metadataKey: "request_id"] = "42"
        logger.warning("quote \" and\nnewline", metadata: ["nested": ["a": "1", "b": ["x", "y"]]])
        let written = lines.withLock { $0 }
        #expect(written.count == 1)
        #expect(written.first?.hasSuffix("\n") == true && written.first?.dropLast().contains("\n") == false, "one line")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(written[0].utf8)) as? [String: Any])
        #expect(object["level"] as? String == "warning")
        #expect(object["label"] as? String == "chatops")
        #expect(object["message"] as? String == "quote \" and\nnewline")
        #expect(object["request_id"] as? String == "42")
        #expect((object["nested"] as? [String: Any])?["b"] as? [String] == ["x", "y"])
        #expect((object["time"] as? String)?.hasSuffix("Z") == true)
    }

    @Test("chatops serve with CHATOPS_LOG_FORMAT=json says it is listening as a JSON line")
    func serve() throws {
        let cli = try FreshStoreCLI()
        let stderr = try KillableProcess.standardErrorUntil("chatops listening on", cli.binary,
                                                            ["serve", "--listen", "127.0.0.1:0", "--store", cli.store],
                                                            environment: cli.environment(["CHATOPS_LOG_FORMAT": "json"]),
                                                            directory: RepositoryPaths.root.path)
        let lines = stderr.split(separator: "\n").filter { !$0.isEmpty }
        #expect(!lines.isEmpty)
        for line in lines {
            let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            #expect(object?["level"] != nil, "not a JSON log line: \(line)")
        }
        #expect(lines.contains { $0.contains(#""message":"chatops listening on http://127.0.0.1:"#) }, "\(stderr)")
    }
}
