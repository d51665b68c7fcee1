import PlatformHTTP

/// Why the model server or MLflow gave no usable answer: a call failed (in the shared shape,
/// worded from `ModelWording`), or the configuration leaves nothing that can be asked.
public enum ModelBackendError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The model server's or MLflow's API failed.
    case api(BackendHTTPError)
    /// Nothing can be asked as configured: what is wrong, and what to set.
    case unusable(String, advice: String)

    public var description: String {
        switch self {
        case .api(let error): return "\(error)"
        case .unusable(let problem, let advice): return "\(problem): \(advice)"
        }
    }
}
