/// A change as an approver should see it: what it changes from and to, read from the system
/// where that worked, and what could not be read.
public struct ChangePreview: Sendable, Hashable {
    /// One line: "iris-classifier in prod: v2.2 → v2.3 (apps/…/kustomization.yaml in acme/gitops, via pull request)".
    public var headline: String?
    /// The steps, in words.
    public var lines: [String]
    /// Why the live state could not be read ("Argo CD answered 503"): the preview then shows the
    /// intended change only.
    public var liveReadProblem: String?
    /// Where to look at the change itself (the pull request that will be merged).
    public var link: (title: String, url: String)?

    public init(headline: String? = nil, lines: [String] = [], liveReadProblem: String? = nil,
                link: (title: String, url: String)? = nil) {
        self.headline = headline
        self.lines = lines
        self.liveReadProblem = liveReadProblem
        self.link = link
    }

    public static func == (a: ChangePreview, b: ChangePreview) -> Bool {
        a.headline == b.headline && a.lines == b.lines && a.liveReadProblem == b.liveReadProblem
            && a.link?.title == b.link?.title && a.link?.url == b.link?.url
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(headline)
        hasher.combine(lines)
        hasher.combine(liveReadProblem)
        hasher.combine(link?.url)
    }
}
