import ChatOpsConfig

extension SettingKey {
    public static let geminiAPIKey = SettingKey("llm.gemini.api_key", "CHATOPS_GEMINI_API_KEY", secret: true,
                                                summary: "a Gemini API key (Google AI Studio), sent as x-goog-api-key")
    public static let geminiAPIURL = SettingKey("llm.gemini.api_url", "CHATOPS_GEMINI_API_URL", kind: .url,
                                                default: "https://generativelanguage.googleapis.com/v1beta",
                                                summary: "the Gemini API base")
    public static let geminiModel = SettingKey("llm.gemini.model", "CHATOPS_GEMINI_MODEL", default: "gemini-2.5-flash-lite",
                                               summary: "the Gemini model (Gemini API or Vertex AI)")
    /// Set, it turns Vertex AI on in place of the Gemini API.
    public static let geminiVertexProject = SettingKey("llm.gemini.vertex_project", "CHATOPS_GEMINI_VERTEX_PROJECT",
                                                       summary: "a Google Cloud project: call Gemini on Vertex AI instead of the "
                                                           + "Gemini API (with an access token)")
    public static let geminiVertexLocation = SettingKey("llm.gemini.vertex_location", "CHATOPS_GEMINI_VERTEX_LOCATION",
                                                        default: "us-central1", summary: "the Vertex AI location (`global` or a region)")
    /// Only for tests and private endpoints: by default the base follows the location.
    public static let geminiVertexAPIURL = SettingKey("llm.gemini.vertex_api_url", "CHATOPS_GEMINI_VERTEX_API_URL", kind: .url,
                                                      summary: "the Vertex AI base; unset: https://LOCATION-aiplatform.googleapis.com/v1")
    /// Short-lived (an hour from `gcloud auth print-access-token`); from a file it is read again on
    /// every call, so a sidecar that refreshes the file keeps the bot going.
    public static let geminiAccessToken = SettingKey("llm.gemini.access_token", "CHATOPS_GEMINI_ACCESS_TOKEN", secret: true,
                                                     summary: "an OAuth access token for Vertex AI, sent as a bearer token "
                                                         + "(from a file: read again on every call)")
}
