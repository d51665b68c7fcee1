import Foundation

/// A file of application commands (`deploy/discord-commands.json`), checked before it is sent:
/// a JSON array of objects, each with a unique lowercase `name` and, for slash commands, a
/// `description` of 1–100 characters. Sent as written.
struct DiscordCommandFile {
    let body: Data
    let names: [String]

    static let maxCommands = 100

    static func load(_ path: String) throws(DiscordRegistrationError) -> DiscordCommandFile {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw .unreadableFile(path: path, detail: (error as NSError).localizedDescription)
        }
        let parsed: Any
        do { parsed = try JSONSerialization.jsonObject(with: data) } catch {
            throw .badFile(path: path, detail: "it is not valid JSON (\((error as NSError).localizedDescription))")
        }
        guard let commands = parsed as? [Any] else { throw .badFile(path: path, detail: "the top level must be a JSON array") }
        guard !commands.isEmpty else {
            throw .badFile(path: path, detail: "it is empty (registering it would delete every command)")
        }
        guard commands.count <= maxCommands else {
            throw .badFile(path: path, detail: "\(commands.count) commands; Discord allows at most \(maxCommands)")
        }
        var names: [String] = []
        for (index, element) in commands.enumerated() {
            guard let command = element as? [String: Any] else {
                throw .badFile(path: path, detail: "entry \(index + 1) is not an object")
            }
            let name = try check(command, index: index, path: path)
            guard !names.contains(name) else { throw .badFile(path: path, detail: "the name \"\(name)\" appears twice") }
            names.append(name)
        }
        return DiscordCommandFile(body: data, names: names)
    }

    static func check(_ command: [String: Any], index: Int, path: String) throws(DiscordRegistrationError) -> String {
        guard let name = command["name"] as? String else {
            throw .badFile(path: path, detail: "entry \(index + 1) has no \"name\"")
        }
        let validName = (1...32).contains(name.count) && name == name.lowercased()
            && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }
        guard validName else {
            throw .badFile(path: path, detail: "entry \(index + 1): \"\(name)\" is not a valid command name "
                           + "(1–32 lowercase letters, digits, - or _)")
        }
        let type = command["type"] as? Int ?? 1
        if type == 1 {
            guard let description = command["description"] as? String, (1...100).contains(description.count) else {
                throw .badFile(path: path, detail: "/\(name) needs a \"description\" of 1–100 characters")
            }
        }
        return name
    }
}
