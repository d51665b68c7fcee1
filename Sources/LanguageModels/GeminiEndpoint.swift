import ChatOpsConfig
import PlatformHTTP

/// Where Gemini is called and how the call proves who it is: the Gemini API with a key in the
/// `x-goog-api-key` header (never in the URL, so no log or error message carries it), or Vertex AI
/// with an OAuth bearer token for a project and location.
public enum GeminiEndpoint: Sendable {
    /// `{baseURL}/models/{model}:generateContent` with `x-goog-api-key`.
    case geminiAPI(baseURL: String, key: String)
    /// `{baseURL}/projects/{project}/locations/{location}/publishers/google/models/{model}:generateContent`
    /// with `Authorization: Bearer`.
    case vertex(project: String, location: String, token: AccessToken, baseURL: String)

    /// `https://us-central1-aiplatform.googleapis.com/v1`; the `global` location has no prefix.
    public static func vertexBaseURL(location: String) -> String {
        location == "global" ? "https://aiplatform.googleapis.com/v1" : "https://\(location)-aiplatform.googleapis.com/v1"
    }

    /// The `generateContent` URL for `model`.
    func url(model: String) -> String {
        let method = PathSegment.encode(model) + ":generateContent"
        switch self {
        case .geminiAPI(let baseURL, _):
            return apiBaseURL(baseURL) + "/models/" + method
        case .vertex(let project, let location, _, let baseURL):
            return apiBaseURL(baseURL) + "/projects/\(PathSegment.encode(project))/locations/\(PathSegment.encode(location))"
                + "/publishers/google/models/" + method
        }
    }

    /// The header that carries the credential, read at the moment of the call.
    func credentialHeader() throws(ModelError) -> (String, String) {
        switch self {
        case .geminiAPI(_, let key): return ("x-goog-api-key", key)
        case .vertex(_, _, let token, _): return ("Authorization", "Bearer " + (try token.current()))
        }
    }

    var isVertex: Bool {
        if case .vertex = self { return true }
        return false
    }

    /// `Gemini`, `Vertex AI`: who answered, in error messages.
    var service: String { isVertex ? "Vertex AI" : "Gemini" }

    /// `Gemini API`, `Vertex AI, project acme-ml, us-central1`.
    var label: String {
        switch self {
        case .geminiAPI: return "Gemini API"
        case .vertex(let project, let location, _, _): return "Vertex AI, project \(project), \(location)"
        }
    }

    /// The setting to check when the credential is refused.
    var credentialSetting: SettingKey { isVertex ? .geminiAccessToken : .geminiAPIKey }

    /// The credential itself, so an error message that quotes it can be cleaned.
    var secretValue: String? {
        switch self {
        case .geminiAPI(_, let key): return key
        case .vertex(_, _, let token, _): return try? token.current()
        }
    }
}
