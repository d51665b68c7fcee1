extension PlatformAPIClient {
    /// Sends a request that changes something once (only a 429 with a short Retry-After is sent
    /// again) and insists on a status in `accepted`; every failure is worded from `wording`.
    public func send(_ request: APIRequest, call: String, wording: HTTPErrorWording,
                     accepting accepted: Range<Int> = 200..<300) async throws(BackendHTTPError) -> APIResponse {
        let response: APIResponse
        do { response = try await send(request) } catch { throw wording.failure(error, call: call) }
        guard accepted.contains(response.status) else { throw wording.status(response, call: call) }
        return response
    }

    /// Sends a request that changes nothing, tried up to `attempts` times on no answer or a
    /// gateway error (`read(_:attempts:)`), and insists on a status in `accepted`.
    public func read(_ request: APIRequest, call: String, wording: HTTPErrorWording, attempts: Int = 3,
                     accepting accepted: Range<Int> = 200..<300) async throws(BackendHTTPError) -> APIResponse {
        let response: APIResponse
        do { response = try await read(request, attempts: attempts) } catch { throw wording.failure(error, call: call) }
        guard accepted.contains(response.status) else { throw wording.status(response, call: call) }
        return response
    }
}
