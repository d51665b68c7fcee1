import ChatOpsConfig
import Execution
import PlatformHTTP

/// Gemini, on the Gemini API with a key or on Vertex AI with a project and an access token.
public struct GeminiModule: LanguageModelModule {
    public let name = "gemini"
    public let displayName = "Gemini"
    public let settings: [SettingKey] = [.geminiAPIKey, .geminiAPIURL, .geminiModel, .geminiVertexProject, .geminiVertexLocation,
                                         .geminiVertexAPIURL, .geminiAccessToken]

    public init() {}

    /// On with a key; with a Vertex AI project instead, which then needs its access token.
    public func status(in context: ModuleContext) -> ModuleStatus {
        let settings = context.settings
        if let project = settings.value(.geminiVertexProject), !project.isEmpty {
            guard settings.secret(.geminiAccessToken) != nil else {
                return .misconfigured("\(SettingKey.geminiVertexProject.variable) is set, but the access token is not (set "
                                      + "\(SettingKey.geminiAccessToken.variable), \(SettingKey.geminiAccessToken.variable)_FILE or "
                                      + "\(SettingKey.geminiAccessToken.path)_file)")
            }
            return .enabled(by: "\(SettingKey.geminiVertexProject.path) (\(settings.origin(.geminiVertexProject))), Vertex AI")
        }
        guard settings.isSet(.geminiAPIKey) else {
            return .disabled(hint: "set \(SettingKey.geminiAPIKey.variable) (or \(SettingKey.geminiAPIKey.path) in "
                             + "\(context.configuration.source)); or \(SettingKey.geminiVertexProject.variable) with "
                             + "\(SettingKey.geminiAccessToken.variable) for Vertex AI")
        }
        return .enabled(by: "\(SettingKey.geminiAPIKey.path) (\(settings.origin(.geminiAPIKey)))")
    }

    public func model(in context: ModuleContext) throws -> any LanguageModel {
        let settings = context.settings
        let model = settings.value(.geminiModel) ?? "gemini-2.5-flash-lite"
        let endpoint: GeminiEndpoint
        if let project = settings.value(.geminiVertexProject), !project.isEmpty, let token = settings.secret(.geminiAccessToken) {
            let location = settings.value(.geminiVertexLocation) ?? "us-central1"
            endpoint = .vertex(project: project, location: location, token: AccessToken(token),
                               baseURL: settings.value(.geminiVertexAPIURL) ?? GeminiEndpoint.vertexBaseURL(location: location))
        } else {
            endpoint = .geminiAPI(baseURL: settings.value(.geminiAPIURL) ?? "", key: settings.secret(.geminiAPIKey)?.value ?? "")
        }
        return GeminiModel(model: model, endpoint: endpoint, pool: context.http, timeout: settings.duration(.llmTimeout) ?? .seconds(30))
    }
}
