import ArgumentParser

/// Who speaks on the console, where, and whether changes are only planned: `say` and `chat`.
struct SpeakerOptions: ParsableArguments {
    @Option(name: .customLong("as"), help: "Who is speaking (a console user name, e.g. alice).")
    var user: String

    @Option(name: .long, help: "Channel the message is sent in (picks per-channel defaults).")
    var channel: String?

    @Flag(name: .customLong("dry-run"), help: "Mutating commands only report what they would do ($CHATOPS_DRY_RUN=1).")
    var dryRun = false

    func validate() throws {
        if let problem = ConsoleMessage.validate(user: user) { throw ValidationError(problem) }
    }
}
