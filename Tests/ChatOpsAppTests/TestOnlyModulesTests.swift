import Approvals
import ChatOpsApp
import ChatOpsConfig
import ChatOpsCore
import ChatOpsTestSupport
import ChatServer
import Conversation
import Execution
import Foundation
import Hummingbird
import Logging
import PlatformHTTP
import ReplyModel
import RequestStore
import Synchronization
import Testing

/// Issue 12's promise: a new platform or backend is one module registered with the composition
/// root. These two exist only here — a chat platform ("Teams") whose users are `teams:ID` in the
/// policy, and a backend ("Weather") that answers `status` — and nothing below the composition
/// root knows them.
@Suite("A test-only platform and backend, registered through the composition root")
struct TestOnlyModulesTests {
    @Test func aCommandRunsEndToEndThroughModulesNothingElseKnows() async throws {
        let dir = try TemporaryDirectory()
        var text = try String(contentsOfFile: RepositoryPaths.exampleConfig, encoding: .utf8)
        text = text.replacingOccurrences(of: "alice: [console:alice]", with: "alice: [console:alice, teams:A-1]")
        text += "\nweather:\n  forecast: sunny\n"
        text = text.replacingOccurrences(of: "platforms: {}", with: "platforms:\n  teams:\n    secret_file: \(try dir.write("teams", "t0ps3cret"))")
        let config = try dir.write("chatops.yaml", text)
        let modules = ChatOpsModules.standard.adding(platforms: [TeamsModule()], backends: [WeatherModule()])
        let app = try await ChatOpsApp.load(AppOptions(configPath: config, rulesPath: RepositoryPaths.rules, promptsPath: RepositoryPaths.prompts,
                                                       store: try SQLiteApprovalStore.inMemory(), environment: [:]),
                                            modules: modules)
        #expect(app.statuses.contains(ModuleReport(name: "teams", kind: .platform, status: .enabled(by: "platforms.teams.secret"))))
        #expect(app.statuses.contains(ModuleReport(name: "weather", kind: .backend, status: .enabled(by: "weather.forecast"))))
        let server = try app.server(listen: try ListenAddress(parsing: "127.0.0.1:0"))
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let running = await server.start { continuation.yield($0) }
        var iterator = ports.makeAsyncIterator()
        let port = try #require(await iterator.next())
        let client = TestHTTP.api("Teams (test)")
        func post(_ text: String, from user: String, secret: String = "t0ps3cret") async throws -> Int {
            try await client.send(APIRequest(.POST, "http://127.0.0.1:\(port)/teams/messages",
                                             headers: [("X-Teams-Secret", secret), ("X-Teams-User", user)],
                                             body: Data(text.utf8))).status
        }

        #expect(try await post("status of iris in staging", from: "A-1", secret: "wrong") == 401)
        #expect(try await post("status of iris in staging", from: "A-1") == 202)
        #expect(try await post("status of iris in staging", from: "Z-9") == 202)
        try await TeamsModule.replies.waitFor(count: 2)
        try await running.stop()
        await app.shutdown()

        let replies = TeamsModule.replies.all
        // alice, mapped through the test platform's own prefix, gets the test backend's answer.
        #expect(replies.contains("A-1: iris-classifier in staging: sunny"))
        // A stranger on the test platform gets nothing but the closed default.
        #expect(replies.contains { $0.hasPrefix("Z-9: I can't status iris-classifier in staging for you") })
        #expect(WeatherModule.asked.withLock { $0 } == ["iris-classifier/staging"])
    }
}

/// A chat platform only this test knows: `POST /teams/messages`, the text as the body, the user
/// in a header, a shared secret checked before anything else; replies are recorded.
struct TeamsModule: PlatformModule {
    static let secretKey = SettingKey("platforms.teams.secret", "TEAMS_SECRET", secret: true, summary: "the shared secret")
    static let replies = RecordedReplies()

    let name = "teams"
    let identityPrefixes = ["teams"]
    var settings: [SettingKey] { [Self.secretKey] }

    func status(in context: ModuleContext) -> ModuleStatus {
        context.settings.isSet(Self.secretKey) ? .enabled(by: Self.secretKey.path) : .disabled(hint: "set \(Self.secretKey.path)")
    }

    func adapter(in context: PlatformContext) throws -> any PlatformAdapter {
        TeamsAdapter(secret: context.configuration.settings.secret(Self.secretKey)?.value ?? "", bot: context.bot, work: context.work,
                     sink: RecordingTeamsSink(replies: Self.replies))
    }
}

struct TeamsAdapter: PlatformAdapter {
    let platform = "teams"
    let secret: String
    let bot: ChatBot
    let work: InFlightWork
    let sink: any ReplySink

    func addRoutes(to router: ChatRouter) {
        router.post("/teams/messages") { request, _ in
            guard request.header("X-Teams-Secret") == secret, let user = request.header("X-Teams-User") else {
                return Response(status: .unauthorized)
            }
            let text = String(buffer: try await request.body.collect(upTo: 4096))
            let message = IncomingMessage(platformUser: "teams:\(user)", origin: MessageOrigin(platform: "teams", channel: user),
                                          text: text, isAddressedByPlatform: true)
            let bot = bot, sink = sink
            work.start { _ = try? await bot.handle(message, sink: sink) }
            return Response(status: .accepted)
        }
    }
}

/// Replies as "USER: text", where the test can read them.
struct RecordingTeamsSink: ReplySink {
    let replies: RecordedReplies

    func send(_ reply: Reply, to origin: MessageOrigin) async -> MessageOrigin? {
        replies.append("\(origin.channel ?? "?"): \(PlainTextRenderer.render(reply))")
        return nil
    }

    func update(_ posted: MessageOrigin, with reply: Reply) async {}
}

final class RecordedReplies: Sendable {
    private let texts = Mutex<[String]>([])

    func append(_ text: String) { texts.withLock { $0.append(text) } }
    var all: [String] { texts.withLock { $0 } }

    func waitFor(count: Int) async throws {
        let deadline = ContinuousClock.now + .seconds(10)
        while all.count < count, ContinuousClock.now < deadline { try await Task.sleep(for: .milliseconds(20)) }
    }
}

/// A backend only this test knows: it answers `status` from its own setting.
struct WeatherModule: BackendModule {
    static let forecastKey = SettingKey("weather.forecast", "WEATHER_FORECAST", summary: "what the weather is")
    static let asked = Mutex<[String]>([])

    let name = "weather"
    let displayName = "Weather"
    var settings: [SettingKey] { [Self.forecastKey] }
    let intents: [Intent] = [.status]

    func status(in context: ModuleContext) -> ModuleStatus {
        context.settings.isSet(Self.forecastKey) ? .enabled(by: Self.forecastKey.path) : .disabled(hint: "set \(Self.forecastKey.path)")
    }

    func executors(in context: ModuleContext) throws -> [(any Executor, [Intent])] {
        [(WeatherExecutor(forecast: context.settings.value(Self.forecastKey) ?? "?"), [.status])]
    }
}

struct WeatherExecutor: Executor {
    let forecast: String

    func plan(_ input: ExecutionInput) -> [String] { ["read the weather"] }

    func execute(_ input: ExecutionInput, progress: any ProgressReporter) async -> ExecutionResult {
        let app = input.string("app") ?? "?", env = input.string("env") ?? "?"
        WeatherModule.asked.withLock { $0.append("\(app)/\(env)") }
        return .succeeded("\(app) in \(env): \(forecast)")
    }
}
