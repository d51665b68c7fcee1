import Foundation

/// Paths inside this repository, found from the source tree. Tests read only what the repository
/// holds, so they pass in a fresh clone.
public enum RepositoryPaths {
    /// The package root: the nearest folder above this file that holds `Package.swift`.
    public static let root: URL = {
        var url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        while url.path != "/" {
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
            url.deleteLastPathComponent()
        }
        fatalError("Package.swift not found above \(#filePath)")
    }()

    public static var rules: String { root.appendingPathComponent("rules").path }
    public static var prompts: String { root.appendingPathComponent("prompts").path }
    public static var exampleConfig: String { root.appendingPathComponent("deploy/chatops.example.yaml").path }

    /// The built `chatops` executable next to the test bundle (`swift build` makes it).
    public static var chatopsBinary: String? {
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("chatops").path,
            root.appendingPathComponent(".build/debug/chatops").path,
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}
