import PlatformHTTP

extension ArgoCDClient {
    /// `POST /api/v1/applications/{name}/sync`, optionally to a revision. Sent once: a sync is not
    /// repeated blindly.
    public func sync(_ app: String, revision: String? = nil) async throws(ArgoCDError) {
        try await mutate(syncRequest(app, revision: revision), app: app)
    }

    /// `POST /api/v1/applications/{name}/rollback` to the history entry `id`.
    public func rollback(_ app: String, to id: Int64) async throws(ArgoCDError) {
        try await mutate(rollbackRequest(app, to: id), app: app)
    }

    public func syncRequest(_ app: String, revision: String?) -> APIRequest {
        struct Body: Encodable { let name: String; let revision: String?; let prune: Bool }
        return try! .json(.POST, "\(baseURL)/api/v1/applications/\(app)/sync", headers: authorization,
                          body: Body(name: app, revision: revision, prune: false))
    }

    public func rollbackRequest(_ app: String, to id: Int64) -> APIRequest {
        struct Body: Encodable { let name: String; let id: Int64; let prune: Bool }
        return try! .json(.POST, "\(baseURL)/api/v1/applications/\(app)/rollback", headers: authorization,
                          body: Body(name: app, id: id, prune: false))
    }

    var authorization: [(String, String)] { [("Authorization", "Bearer \(token)"), ("Accept", "application/json")] }

    func mutate(_ request: APIRequest, app: String) async throws(ArgoCDError) {
        _ = try await exchange(request, app: app, action: .sync)
    }
}

extension ArgoCDClient {
    /// The application's URL, as dry-run plans show reads.
    public func applicationURL(_ app: String) -> String { "\(baseURL)/api/v1/applications/\(app)" }
}
