/// Turns an application command into the text the rules read.
///
/// `/chatops text:"deploy iris v2.3 to prod"` is the text itself. A per-intent command such as
/// `/deploy app:iris version:v2.3 env:prod` becomes `deploy iris v2.3 prod`: the command name,
/// then its options' values in the order the positional rules expect (Discord sends options in the
/// order the user filled them, which need not be the order they were declared in).
enum DiscordCommandText {
    /// The command whose string option is free text.
    static let freeTextCommand = "chatops"

    /// Slot names in positional order (`deploy APP VERSION ENV`, `scale APP ENV REPLICAS`,
    /// `rollback APP ENV TO`); names not listed keep their place after these.
    static let positionalOrder = ["app", "model", "from", "version", "env", "to", "replicas", "lines", "request",
                                  "run", "state", "topic", "symptom", "features", "reason", "text"]

    static func text(for data: DiscordInteraction.CommandData) -> String? {
        guard let name = data.name, !name.isEmpty else { return nil }
        let options = flatten(data.options ?? [])
        if name == freeTextCommand {
            let text = options.map(\.value).joined(separator: " ").trimmingCharacters(in: .whitespacesAndNewlines)
            return text.isEmpty ? nil : text
        }
        let ordered = options.enumerated().sorted { a, b in
            let rankA = rank(a.element.name), rankB = rank(b.element.name)
            return rankA != rankB ? rankA < rankB : a.offset < b.offset
        }.map(\.element.value)
        return ([name] + ordered).joined(separator: " ").trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// A subcommand's own name (no option name) goes first; unknown names after the known ones.
    static func rank(_ name: String) -> Int {
        name.isEmpty ? -1 : positionalOrder.firstIndex(of: name) ?? positionalOrder.count
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
