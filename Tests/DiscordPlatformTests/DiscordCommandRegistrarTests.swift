import ChatOpsConfig
import ChatOpsTestSupport
@testable import DiscordPlatform
import Foundation
import PlatformHTTP
import Testing

/// `chatops discord register` against a fake Discord: the bulk overwrite with the file's commands.
@Suite("Discord command registration")
struct DiscordCommandRegistrarTests {
    static let shippedFile = RepositoryPaths.root.appendingPathComponent("deploy/discord-commands.json").path

    /// Discord answers a bulk overwrite with the commands it now has (ids added).
    static func fakeDiscord() async throws -> FakePlatformAPI {
        try await FakePlatformAPI.start { request in
            let commands = (try? JSONSerialization.jsonObject(with: Data(request.body))) as? [[String: Any]] ?? []
            let answered = commands.enumerated().map { index, command in
                command.merging(["id": "10000000000000000\(index)", "application_id": TestUsers.applicationID, "version": "1"]) { a, _ in a }
            }
            let body = (try? JSONSerialization.data(withJSONObject: answered)) ?? Data("[]".utf8)
            return FakeResponse.json(String(decoding: body, as: UTF8.self))
        }
    }

    func registrar(_ fake: FakePlatformAPI) -> DiscordCommandRegistrar {
        DiscordCommandRegistrar(apiURL: fake.baseURL + "/", applicationID: TestUsers.applicationID,
                                botToken: Secret(TestUsers.botToken, origin: "test"), client: TestHTTP.api("Discord"))
    }

    @Test func registersTheShippedFileGloballyWithABulkOverwrite() async throws {
        let fake = try await Self.fakeDiscord()
        let names = try await registrar(fake).register(file: Self.shippedFile)
        let request = try #require(fake.requests.first)
        #expect(fake.requests.count == 1)
        #expect(request.method == "PUT")
        #expect(request.path == "/applications/\(TestUsers.applicationID)/commands")
        #expect(request.header("Authorization") == "Bot \(TestUsers.botToken)")
        #expect(request.header("Content-Type")?.hasPrefix("application/json") == true)
        let sent = try JSONSerialization.jsonObject(with: Data(request.body)) as? NSArray
        let file = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: Self.shippedFile))) as? NSArray
        #expect(sent != nil && sent == file)
        #expect(names.first == "chatops")
        #expect(names.contains("deploy") && names.contains("approve") && names.contains("deny") && names.contains("status"))
        await fake.stop()
    }

    @Test func aGuildGoesToTheGuildEndpoint() async throws {
        let fake = try await Self.fakeDiscord()
        try await registrar(fake).register(file: Self.shippedFile, guild: "290926798626357999")
        #expect(fake.requests.first?.path == "/applications/\(TestUsers.applicationID)/guilds/290926798626357999/commands")
        await fake.stop()
    }

    @Test func missingSettingsAreNamed() throws {
        #expect {
            _ = try DiscordCommandRegistrar(settings: Settings(), client: TestHTTP.api("Discord"))
        } throws: { error in
            let text = "\(error)"
            return text.contains("CHATOPS_DISCORD_APPLICATION_ID") && text.contains("CHATOPS_DISCORD_BOT_TOKEN")
        }
        let configuration = try DiscordHarness.configuration(environment: ["CHATOPS_DISCORD_APPLICATION_ID": "1"])
        #expect {
            _ = try DiscordCommandRegistrar(settings: configuration.settings, client: TestHTTP.api("Discord"))
        } throws: { "\($0)".contains("CHATOPS_DISCORD_BOT_TOKEN") && !"\($0)".contains("APPLICATION_ID") }
    }

    @Test(arguments: [
        ("{\"name\":\"deploy\"}", "must be a JSON array"),
        ("[]", "empty"),
        ("[{\"description\":\"x\"}]", "has no \"name\""),
        ("[{\"name\":\"Deploy\",\"description\":\"x\"}]", "not a valid command name"),
        ("[{\"name\":\"deploy\"}]", "needs a \"description\""),
        ("[{\"name\":\"deploy\",\"description\":\"x\"},{\"name\":\"deploy\",\"description\":\"y\"}]", "appears twice"),
        ("[{\"name\":", "not valid JSON"),
    ])
    func aBadFileIsRefusedBeforeAnythingIsSent(text: String, says: String) async throws {
        let folder = try TemporaryDirectory()
        let path = try folder.write("commands.json", text)
        let fake = try await Self.fakeDiscord()
        await #expect {
            try await registrar(fake).register(file: path)
        } throws: { "\($0)".contains(says) && "\($0)".contains(path) }
        #expect(fake.requests.isEmpty)
        await fake.stop()
    }

    @Test func aMissingFileAndARefusalSayWhatWentWrong() async throws {
        let fake = try await FakePlatformAPI.start { _ in
            .json(#"{"message":"401: Unauthorized","code":0}"#, status: 401)
        }
        await #expect {
            try await registrar(fake).register(file: "/nonexistent/commands.json")
        } throws: { "\($0)".contains("cannot read the command file /nonexistent/commands.json") }
        await #expect {
            try await registrar(fake).register(file: Self.shippedFile)
        } throws: { "\($0)".contains("401") && "\($0)".contains("token") && !"\($0)".contains(TestUsers.botToken) }
        await #expect {
            try await registrar(fake).register(file: Self.shippedFile, guild: "my-server")
        } throws: { "\($0)".contains("--guild") }
        await fake.stop()
    }
}
