import Foundation
import PlatformHTTP

/// The API server calls, built as values: the client sends them (adding the token) and the
/// executors' plans print them, so a dry run shows exactly what would be sent.
public struct KubernetesRequests: Sendable {
    public let baseURL: String

    public init(baseURL: String) {
        self.baseURL = PlatformHTTP.apiBaseURL(baseURL)
    }

    /// `GET /api/v1/namespaces/{ns}/pods?labelSelector=app%3Diris-classifier`.
    public func listPods(namespace: String, selector: String) -> APIRequest {
        get("/api/v1/namespaces/\(namespace)/pods", query: [("labelSelector", selector)])
    }

    /// `GET /api/v1/namespaces/{ns}/pods/{pod}/log?container=C&tailLines=N[&previous=true]`.
    public func podLog(namespace: String, pod: String, container: String, tailLines: Int, previous: Bool) -> APIRequest {
        var query = [("container", container), ("tailLines", String(tailLines))]
        if previous { query.append(("previous", "true")) }
        return get("/api/v1/namespaces/\(namespace)/pods/\(pod)/log", query: query, accept: "text/plain, */*")
    }

    /// `GET /api/v1/namespaces/{ns}/events?fieldSelector=involvedObject.name%3D{name}`.
    public func listEvents(namespace: String, involving name: String) -> APIRequest {
        get("/api/v1/namespaces/\(namespace)/events", query: [("fieldSelector", "involvedObject.name=\(name)")])
    }

    /// `GET /apis/apps/v1/namespaces/{ns}/deployments/{name}/scale`.
    public func getScale(namespace: String, deployment: String) -> APIRequest {
        get("/apis/apps/v1/namespaces/\(namespace)/deployments/\(deployment)/scale", query: [])
    }

    /// What `kubectl scale` sends: a JSON merge patch of the scale subresource.
    public func patchScale(namespace: String, deployment: String, replicas: Int) -> APIRequest {
        struct Patch: Encodable { struct Spec: Encodable { let replicas: Int }; let spec: Spec }
        return patch("/apis/apps/v1/namespaces/\(namespace)/deployments/\(deployment)/scale",
                     contentType: "application/merge-patch+json", body: Patch(spec: .init(replicas: replicas)))
    }

    /// What `kubectl rollout restart` sends: a strategic merge patch setting the pod template's
    /// `kubectl.kubernetes.io/restartedAt` annotation, so the deployment rolls out new pods.
    public func patchRestartedAt(namespace: String, deployment: String, at date: Date) -> APIRequest {
        struct Patch: Encodable {
            struct Spec: Encodable { let template: Template }
            struct Template: Encodable { let metadata: Metadata }
            struct Metadata: Encodable { let annotations: [String: String] }
            let spec: Spec
        }
        let annotations = ["kubectl.kubernetes.io/restartedAt": RFC3339.format(date)]
        return patch("/apis/apps/v1/namespaces/\(namespace)/deployments/\(deployment)",
                     query: [("fieldManager", "chatops")], contentType: "application/strategic-merge-patch+json",
                     body: Patch(spec: .init(template: .init(metadata: .init(annotations: annotations)))))
    }

    func get(_ path: String, query: [(String, String)], accept: String = "application/json") -> APIRequest {
        APIRequest(.GET, url(path, query), headers: [("Accept", accept)])
    }

    func patch<Body: Encodable>(_ path: String, query: [(String, String)] = [], contentType: String, body: Body) -> APIRequest {
        // Encoding these fixed shapes of strings and integers cannot fail.
        let data = (try? JSONBody.encode(body)) ?? Data()
        return APIRequest(.PATCH, url(path, query), headers: [("Accept", "application/json"), ("Content-Type", contentType)],
                          body: data)
    }

    func url(_ path: String, _ query: [(String, String)]) -> String {
        baseURL + path + (query.isEmpty ? "" : "?" + QueryString.encode(query))
    }
}

extension APIRequest {
    /// `PATCH https://…/scale {"spec":{"replicas":3}}`: a plan line, without headers (no token).
    public var planLine: String {
        "\(method.rawValue) \(url)" + (body.map { " " + String(decoding: $0, as: UTF8.self) } ?? "")
    }
}
