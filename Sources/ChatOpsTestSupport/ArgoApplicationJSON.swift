import Foundation

/// The captured Application with its state changed: what a fake Argo CD answers while an app
/// syncs, degrades or settles.
public enum ArgoApplicationJSON {
    /// A real Application (argo-cd controller testdata; see Tests/ArgoCDBackendTests/Fixtures).
    public static let captured = try! Data(contentsOf: RepositoryPaths.root
        .appendingPathComponent("Tests/ArgoCDBackendTests/Fixtures/application.velero-test.from-controller-testdata.json"))

    public static func with(sync: String = "Synced", health: String = "Healthy", revision: String? = nil, phase: String? = nil,
                     message: String? = nil, images: [String]? = nil) -> String {
        var app = try! JSONSerialization.jsonObject(with: captured) as! [String: Any]
        var status = app["status"] as! [String: Any]
        var syncStatus = status["sync"] as! [String: Any]
        syncStatus["status"] = sync
        if let revision { syncStatus["revision"] = revision }
        status["sync"] = syncStatus
        var healthStatus = status["health"] as? [String: Any] ?? [:]
        healthStatus["status"] = health
        status["health"] = healthStatus
        var operation = status["operationState"] as? [String: Any] ?? [:]
        if let phase { operation["phase"] = phase }
        if let message { operation["message"] = message }
        status["operationState"] = operation
        if let images {
            var summary = status["summary"] as? [String: Any] ?? [:]
            summary["images"] = images
            status["summary"] = summary
        }
        app["status"] = status
        return String(decoding: try! JSONSerialization.data(withJSONObject: app), as: UTF8.self)
    }
}
