/// A platform configured only in part (a signing secret but no token): `serve` stops and says
/// which setting to add.
public struct PlatformSetupError: Error, CustomStringConvertible {
    public let description: String

    public init(_ description: String) {
        self.description = description
    }
}
