extension PlatformAPIClient {
    /// Sends a request that changes nothing (a GET), trying again up to `attempts` times in all
    /// when there is no answer or a gateway error (502, 503, 504). Any other status comes back as
    /// the response; never use this for a call that changes something.
    public func read(_ request: APIRequest, attempts: Int = 3) async throws(APIError) -> APIResponse {
        var attempt = 1
        while true {
            do {
                let response = try await send(request)
                if Self.gatewayErrors.contains(response.status), attempt < attempts {
                    attempt += 1
                    continue
                }
                return response
            } catch {
                if case .unreachable = error, attempt < attempts {
                    attempt += 1
                    continue
                }
                throw error
            }
        }
    }

    static let gatewayErrors: Set<Int> = [502, 503, 504]
}
