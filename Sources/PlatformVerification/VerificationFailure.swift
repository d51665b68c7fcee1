/// Why an inbound request was not believed. Logged for the operator; the sender only ever gets
/// a bare 401, so an attacker learns nothing about which check failed.
public enum VerificationFailure: Error, Sendable, Hashable, CustomStringConvertible {
    case missingHeader(String)
    case malformedHeader(String)
    /// The timestamp is outside the replay window.
    case stale(secondsOff: Int)
    case badSignature

    public var description: String {
        switch self {
        case .missingHeader(let name): return "no \(name) header"
        case .malformedHeader(let name): return "\(name) header is malformed"
        case .stale(let off): return "timestamp is \(off)s away from now (more than the replay window allows)"
        case .badSignature: return "signature does not match"
        }
    }
}
