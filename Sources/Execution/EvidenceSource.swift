/// What another module knows about an app in an environment — its Argo CD application's state, the
/// changes made to it through chatops — which `diagnose` shows beside its own facts and its
/// root-cause analysis reads. A source that cannot read says so in its lines; it never throws.
public protocol EvidenceSource: Sendable {
    /// A short heading for the lines (`Argo CD`, `Recent changes`).
    var title: String { get }
    /// Plain lines, most telling first; empty when there is nothing to say.
    func evidence(app: String, environment: String) async -> [String]
}

/// The lines of several sources under their headings, in order, as one text.
public struct GatheredEvidence: Sendable, Hashable {
    public let sections: [Section]

    public struct Section: Sendable, Hashable {
        public let title: String
        public let lines: [String]
    }

    /// Reads every source concurrently; the sections keep the sources' order.
    public static func gather(from sources: [any EvidenceSource], app: String, environment: String) async -> GatheredEvidence {
        await withTaskGroup(of: (Int, Section).self) { group in
            for (index, source) in sources.enumerated() {
                group.addTask { (index, Section(title: source.title, lines: await source.evidence(app: app, environment: environment))) }
            }
            var found: [(Int, Section)] = []
            for await section in group { found.append(section) }
            return GatheredEvidence(sections: found.sorted { $0.0 < $1.0 }.map(\.1).filter { !$0.lines.isEmpty })
        }
    }

    public var isEmpty: Bool { sections.isEmpty }

    /// `Argo CD:` then its lines, indented, a blank line between sections.
    public var text: String {
        sections.map { ([$0.title + ":"] + $0.lines.map { "  " + $0 }).joined(separator: "\n") }.joined(separator: "\n\n")
    }
}
