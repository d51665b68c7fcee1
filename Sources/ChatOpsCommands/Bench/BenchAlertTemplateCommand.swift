import ArgumentParser
import Foundation

/// `chatops bench alert-template`: writes the Alertmanager notification `Benchmarks/wrk/alerts.lua`
/// sends, with `@N@` where each request puts its own number.
struct BenchAlertTemplateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "alert-template",
        abstract: "Write an Alertmanager webhook notification of N firing alerts, with @N@ to be replaced per request."
    )

    @Option(help: "Alerts in the notification.")
    var alerts = 1

    @Option(help: "The file to write.")
    var out: String

    func validate() throws {
        guard alerts > 0 else { throw ValidationError("--alerts must be positive") }
    }

    func run() async throws {
        try Data(try AlertmanagerTemplate(alerts: alerts).json().utf8).write(to: URL(fileURLWithPath: out))
    }
}
