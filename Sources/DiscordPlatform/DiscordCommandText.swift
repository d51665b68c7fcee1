import ChatOpsCore

/// Turns an application command into the text the rules read.
///
/// `/chatops text:"deploy iris v2.3 to prod"` is the text itself. A per-intent command such as
/// `/deploy app:iris version:v2.3 env:prod` becomes `deploy iris v2.3 prod`: the command name,
/// then its options' values in the order the positional rules expect (Discord sends options in the
/// order the user filled them, which need not be the order they were declared in).
enum DiscordCommandText {
    /// The command whose string option is free text.
    static let freeTextCommand = "chatops"

    /// The command's slots in the intent catalog's order (`deploy APP VERSION ENV`, `scale APP ENV
    /// REPLICAS`, `rollback APP ENV TO`), the order the positional rules read; a command that is
    /// not an intent keeps the order the user filled its options in.
    static func positionalOrder(of command: String) -> [String] {
        Intent(rawValue: command)?.slots.map(\.name) ?? []
    }

    static func text(for data: DiscordInteraction.CommandData) -> String? {
        guard let name = data.name, !name.isEmpty else { return nil }
        let options = flatten(data.options ?? [])
        if name == freeTextCommand {
            let text = options.map(\.value).joined(separator: " ").trimmingCharacters(in: .whitespacesAndNewlines)
            return text.isEmpty ? nil : text
        }
        let order = positionalOrder(of: name)
        let ordered = options.enumerated().sorted { a, b in
            let rankA = rank(a.element.name, in: order), rankB = rank(b.element.name, in: order)
            return rankA != rankB ? rankA < rankB : a.offset < b.offset
        }.map(\.element.value)
        return ([name] + ordered).joined(separator: " ").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A subcommand's own name (no option name) goes first; unknown names after the known ones.
    static func rank(_ name: String, in order: [String]) -> Int {
        name.isEmpty ? -1 : order.firstIndex(of: name) ?? order.count
    }

    /// Subcommands and groups (types 1 and 2) contribute their name as a word, then their options.
    static func flatten(_ options: [DiscordInteraction.Option]) -> [(name: String, value: String)] {
        options.flatMap { option -> [(name: String, value: String)] in
            if option.type == 1 || option.type == 2 {
                return [(name: "", value: option.name)] + flatten(option.options ?? [])
            }
            guard let value = option.value?.text.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else {
                return []
            }
            return [(name: option.name, value: value)]
        }
    }
}
