import ChatOpsConfig

/// Which Slack workspaces and which app this bot serves. A signed request proves it came through
/// the app; it does not say the workspace is one the team meant (an app can be installed in
/// several). Empty allow-list: any workspace the app is installed in.
public struct SlackWorkspaces: Sendable, Hashable {
    public let allowedTeams: Set<String>
    public let appID: String?

    public init(allowedTeams: Set<String> = [], appID: String? = nil) {
        self.allowedTeams = allowedTeams
        self.appID = appID
    }

    /// From `platforms.slack.allowed_teams` and `platforms.slack.app_id`.
    public init(settings: Settings) {
        self.init(allowedTeams: Set(settings.list(.slackAllowedTeams)), appID: settings.value(.slackAppID))
    }

    /// Why a request for `team` and `app` is refused, or nil when it is served.
    func refusal(team: String?, app: String?) -> String? {
        if let appID, let app, app != appID { return "it is for Slack app \(app), not \(appID)" }
        guard !allowedTeams.isEmpty else { return nil }
        guard let team else { return "it names no workspace, and only \(allowedTeams.sorted().joined(separator: ", ")) are allowed" }
        return allowedTeams.contains(team) ? nil : "workspace \(team) is not in platforms.slack.allowed_teams"
    }
}
