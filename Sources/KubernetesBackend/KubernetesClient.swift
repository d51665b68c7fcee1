import Foundation
import PlatformHTTP

/// The Kubernetes API server's REST API with a bearer token (or a client certificate in the TLS
/// configuration of `client`). Reads are retried on a gateway error or no answer; patches are sent once.
public struct KubernetesClient: Sendable {
    public let requests: KubernetesRequests
    let token: BearerToken
    let client: PlatformAPIClient
    let readAttempts: Int

    public init(baseURL: String, token: BearerToken, client: PlatformAPIClient,
                readAttempts: Int = 3) {
        requests = KubernetesRequests(baseURL: baseURL)
        self.token = token
        self.client = client
        self.readAttempts = readAttempts
    }

    public func pods(namespace: String, selector: String) async throws(KubernetesError) -> [Pod] {
        let action = KubeAction("list", "pods", namespace: namespace)
        return try await decode(PodList.self, read(requests.listPods(namespace: namespace, selector: selector), action), action).items
    }

    public func log(namespace: String, pod: String, container: String, tailLines: Int, previous: Bool) async throws(KubernetesError) -> String {
        let request = requests.podLog(namespace: namespace, pod: pod, container: container, tailLines: tailLines, previous: previous)
        let response = try await read(request, KubeAction("get", "pods/log", namespace: namespace, name: pod))
        return String(decoding: response.body, as: UTF8.self)
    }

    /// The events about one object (a pod or the deployment), as the API lists them.
    public func events(namespace: String, involving name: String) async throws(KubernetesError) -> [KubeEvent] {
        let action = KubeAction("list", "events", namespace: namespace)
        return try await decode(EventList.self, read(requests.listEvents(namespace: namespace, involving: name), action), action).items
    }

    /// The deployment's desired replica count.
    public func replicas(namespace: String, deployment: String) async throws(KubernetesError) -> Int {
        let action = KubeAction("get", "deployments/scale", namespace: namespace, name: deployment)
        return try await decode(Scale.self, read(requests.getScale(namespace: namespace, deployment: deployment), action), action)
            .desiredReplicas
    }

    /// Sets the desired replica count; returns it as the API server now has it.
    public func scale(namespace: String, deployment: String, to replicas: Int) async throws(KubernetesError) -> Int {
        let action = KubeAction("patch", "deployments/scale", namespace: namespace, name: deployment)
        let request = requests.patchScale(namespace: namespace, deployment: deployment, replicas: replicas)
        return try decode(Scale.self, try await send(request, action), action).desiredReplicas
    }

    /// Stamps the pod template with `restartedAt`, which rolls the deployment's pods.
    public func restart(namespace: String, deployment: String, at date: Date) async throws(KubernetesError) {
        let action = KubeAction("patch", "deployments", namespace: namespace, name: deployment)
        _ = try await send(requests.patchRestartedAt(namespace: namespace, deployment: deployment, at: date), action)
    }

    func read(_ request: APIRequest, _ action: KubeAction) async throws(KubernetesError) -> APIResponse {
        let request = try authorized(request)
        do {
            return try await client.read(request, call: KubernetesError.call(action), wording: KubernetesError.wording(action),
                                         attempts: readAttempts)
        } catch {
            throw .api(error)
        }
    }

    func send(_ request: APIRequest, _ action: KubeAction) async throws(KubernetesError) -> APIResponse {
        let request = try authorized(request)
        do {
            return try await client.send(request, call: KubernetesError.call(action), wording: KubernetesError.wording(action))
        } catch {
            throw .api(error)
        }
    }

    /// The request with the current token (a token file is read again each time).
    func authorized(_ request: APIRequest) throws(KubernetesError) -> APIRequest {
        var request = request
        if let bearer = try token.current() { request.headers.append(("Authorization", "Bearer \(bearer)")) }
        return request
    }

    func decode<T: Decodable>(_ type: T.Type, _ response: APIResponse, _ action: KubeAction) throws(KubernetesError) -> T {
        do { return try KubernetesError.wording(action).decode(type, from: response, call: KubernetesError.call(action)) } catch {
            throw .api(error)
        }
    }
}
