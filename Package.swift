// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "chatops",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "chatops", targets: ["ChatOpsCLI"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.0.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.0.0"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.0"..<"5.0.0"),
        .package(url: "https://github.com/apple/swift-log", from: "1.6.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.6.0"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.0"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.80.0"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.0.0"),
        // HTTP parts after Hummingbird's decoder, for the connection cap (both come with Hummingbird).
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.20.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.0.0"),
        .package(url: "https://github.com/apple/swift-metrics", from: "2.5.0"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.0.0"),
    ],
    targets: [
        // PCRE2 (8-bit) from the system: `apt-get install libpcre2-dev`.
        .systemLibrary(
            name: "CPCRE2",
            pkgConfig: "libpcre2-8",
            providers: [.apt(["libpcre2-dev"])]
        ),
        // Domain vocabulary shared by every layer: intents, slots, parsed commands.
        .target(name: "ChatOpsCore"),
        // The bot's metrics by name (swift-metrics); the composition root exports them for Prometheus.
        .target(name: "ChatOpsMetrics", dependencies: [.product(name: "CoreMetrics", package: "swift-metrics")]),
        // A typed reader over YAML nodes that keeps file, line and key for error messages.
        .target(name: "YAMLSupport", dependencies: [.product(name: "Yams", package: "Yams")]),
        // Regex rules on PCRE2 with JIT: compile, match, rule files, lint.
        .target(name: "RuleEngine", dependencies: ["CPCRE2", "ChatOpsCore", "YAMLSupport"]),
        // The YAML configuration: environments, app catalog, defaults, secrets.
        .target(name: "ChatOpsConfig", dependencies: ["ChatOpsCore", "YAMLSupport"]),
        // Text in, validated command out: message screening, rules, slot validation.
        .target(name: "Understanding", dependencies: ["ChatOpsCore", "RuleEngine", "ChatOpsConfig"]),
        // Requests and their lifecycle, policy decisions: pure values, no I/O.
        .target(name: "Approvals", dependencies: ["ChatOpsCore", "YAMLSupport", "ChatOpsConfig"]),
        // The SQLite store (GRDB): requests, approvals, transitions, deliveries, freezes, audit chain.
        .target(
            name: "RequestStore",
            dependencies: [
                "ChatOpsCore", "Approvals",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "Crypto", package: "swift-crypto"),
            ]
        ),
        // Inbound signatures (Slack, Discord, GitHub), checked before anything else reads a request.
        .target(
            name: "PlatformVerification",
            dependencies: [
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        // The neutral reply model (text, fields, tables, code, links, buttons, severity) and safe truncation.
        .target(name: "ReplyModel"),
        // Calls to platform APIs over AsyncHTTPClient: timeouts, 429 Retry-After, errors that say what failed.
        .target(
            name: "PlatformHTTP",
            dependencies: [
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        // GitHub's REST API as every GitHub use shares it: headers, the connection settings.
        .target(
            name: "GitHubREST",
            dependencies: [
                "PlatformHTTP", "ChatOpsConfig",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]
        ),
        // Executors: the protocol, the registry, dry-run plans, unconfigured backends.
        .target(
            name: "Execution",
            dependencies: ["ChatOpsCore", "ChatOpsConfig", "ReplyModel", "PlatformHTTP", "ChatOpsMetrics",
                           .product(name: "Logging", package: "swift-log")]
        ),
        // Argo CD: application status (sync, health, revision, images, last sync) over its REST API.
        .target(name: "ArgoCDBackend", dependencies: ["Execution", "ChatOpsConfig", "ChatOpsCore", "ReplyModel", "PlatformHTTP"]),
        .target(
            name: "GitOpsBackend",
            dependencies: ["ArgoCDBackend", "Execution", "ChatOpsConfig", "ChatOpsCore", "ReplyModel", "PlatformHTTP", "GitHubREST",
                           .product(name: "Yams", package: "Yams")]
        ),
        // Kubernetes: pods, logs, events, scale and rolling restart over the API server's REST API
        // (API URL and token, a kubeconfig, or the in-cluster service account), only in allowed namespaces.
        .target(
            name: "KubernetesBackend",
            dependencies: [
                "Execution", "ChatOpsConfig", "ChatOpsCore", "ReplyModel", "PlatformHTTP", "YAMLSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
            ]
        ),
        // The ML prediction core: predict over the Open Inference Protocol V2, drift from MLflow runs.
        .target(name: "ModelBackend", dependencies: ["Execution", "ChatOpsConfig", "ChatOpsCore", "ReplyModel", "PlatformHTTP"]),
        // The CI pipeline on GitHub Actions: latest runs, retrain (workflow_dispatch), failed-run triage with log tails.
        .target(
            name: "CIPipelineBackend",
            dependencies: [
                "Execution", "ChatOpsConfig", "ChatOpsCore", "ReplyModel", "PlatformHTTP", "GitHubREST",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
            ]
        ),
        // Language models behind one protocol: Gemini and OpenAI-compatible providers, and the guard
        // every call goes through (redaction, size caps, budgets, backoff, circuit breaker, cache).
        .target(
            name: "LanguageModels",
            dependencies: ["ChatOpsConfig", "ChatOpsCore", "Execution", "PlatformHTTP", "ChatOpsMetrics", .product(name: "Logging", package: "swift-log"),
                           .product(name: "AsyncHTTPClient", package: "async-http-client"),
                           .product(name: "NIOCore", package: "swift-nio"), .product(name: "NIOHTTP1", package: "swift-nio")]
        ),
        // The prompts in `prompts/` (Mustache, versioned), loaded and checked at start.
        .target(name: "PromptTemplates", dependencies: [.product(name: "Mustache", package: "swift-mustache")]),
        // The LLM intent layer: the `intent` prompt rendered from the catalog, the model's answer read as a proposal.
        .target(
            name: "IntentInference",
            dependencies: ["LanguageModels", "PromptTemplates", "Understanding", "ChatOpsConfig", "ChatOpsCore", "Execution",
                           .product(name: "Logging", package: "swift-log")]
        ),
        // One message through the whole path: understand → policy → approval → execute → reply.
        .target(
            name: "Conversation",
            dependencies: [
                "ChatOpsCore", "ChatOpsConfig", "Understanding", "Approvals", "Execution", "ReplyModel", "ChatOpsMetrics",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // The HTTP server (Hummingbird): health routes, body cap, the seam platform adapters plug into.
        .target(
            name: "ChatServer",
            dependencies: [
                "Conversation", "ReplyModel", "ChatOpsCore", "ChatOpsConfig", "PlatformVerification", "ChatOpsMetrics",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // Incidents from Alertmanager: the receiver, the queue, the incidents and their threads.
        .target(
            name: "Incidents",
            dependencies: [
                "Approvals", "ChatOpsConfig", "ChatOpsCore", "ChatServer", "Conversation", "Execution", "PlatformHTTP", "PlatformVerification",
                "ReplyModel", "ChatOpsMetrics",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // GitHub issue and pull-request comments: the webhook, command lines, comments as replies.
        .target(
            name: "GitHubPlatform",
            dependencies: [
                "Execution", "GitHubREST",
                "ChatServer", "Conversation", "ReplyModel", "PlatformHTTP", "PlatformVerification", "ChatOpsConfig",
                "ChatOpsCore", "Approvals",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ]
        ),
        // Discord: signed interactions in (slash commands, buttons), embeds and components out, command registration.
        .target(
            name: "DiscordPlatform",
            dependencies: [
                "Execution", "Approvals",
                "ChatServer", "Conversation", "ReplyModel", "PlatformHTTP", "PlatformVerification", "ChatOpsConfig",
                "ChatOpsCore",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        // The composition root: configuration, store, HTTP clients, the registered modules, the bot, the server.
        .target(
            name: "ChatOpsApp",
            dependencies: [
                "ChatOpsCore", "RuleEngine", "ChatOpsConfig", "Understanding", "Approvals", "RequestStore", "Execution",
                "Conversation", "ChatServer", "PlatformHTTP", "GitHubPlatform", "SlackPlatform", "DiscordPlatform",
                "ArgoCDBackend", "GitOpsBackend", "KubernetesBackend", "ModelBackend", "CIPipelineBackend",
                "LanguageModels", "PromptTemplates", "IntentInference", "Incidents", "ChatOpsMetrics",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Metrics", package: "swift-metrics"),
                .product(name: "Prometheus", package: "swift-prometheus"),
            ]
        ),
        // The `chatops` subcommands, as a library so tests can drive them.
        .target(
            name: "ChatOpsCommands",
            dependencies: [
                "ChatOpsApp", "ChatOpsCore", "RuleEngine", "ChatOpsConfig", "Understanding", "Approvals", "RequestStore",
                "Execution", "Conversation", "ChatServer", "ReplyModel", "PlatformHTTP", "DiscordPlatform",
                "LanguageModels", "IntentInference", "PromptTemplates", "Incidents",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                // `chatops bench`: the reference server, the Slack sink and the signed requests.
                "PlatformVerification", .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        .executableTarget(
            name: "ChatOpsCLI",
            dependencies: ["ChatOpsCommands"],
            // Release on Linux: lld with packed relative relocations (DT_RELR: 3.7 MB of RELA
            // records, read and applied at every start, become 30 KB) and without exporting the
            // binary's 53,000 symbols to the dynamic linker (every library symbol lookup probed
            // them). Measured on `chatops serve`: idle resident memory 49.5 → 39.5 MB, the same
            // start-up CPU. See Benchmarks/README.md.
            linkerSettings: [
                .unsafeFlags(["-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs",
                              "-Xlinker", "--no-export-dynamic"],
                             .when(platforms: [.linux], configuration: .release)),
            ]
        ),
        .target(
            name: "ChatOpsTestSupport",
            dependencies: [
                "ChatOpsApp", "ChatOpsCore", "Execution", "ChatOpsConfig", "RuleEngine", "Understanding", "Approvals", "RequestStore", "PlatformVerification",
                "Conversation", "PlatformHTTP", "ChatServer", "ReplyModel", .product(name: "Logging", package: "swift-log"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            ]
        ),
        // Slack: slash commands, Events API, Block Kit buttons in, chat.postMessage/chat.update out.
        .target(
            name: "SlackPlatform",
            dependencies: [
                "Execution", "Approvals",
                "ChatServer", "Conversation", "ReplyModel", "PlatformHTTP", "PlatformVerification", "ChatOpsConfig",
                "ChatOpsCore",
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Hummingbird", package: "hummingbird"),
            ]
        ),
        .testTarget(name: "RuleEngineTests", dependencies: ["ChatOpsApp", "RuleEngine", "ChatOpsTestSupport"], exclude: ["Fixtures"]),
        .testTarget(
            name: "ChatOpsConfigTests",
            dependencies: ["ChatOpsApp", "ChatOpsConfig", "ChatOpsTestSupport", "SlackPlatform", "ArgoCDBackend", "GitHubREST",
                           "KubernetesBackend"]
        ),
        .testTarget(
            name: "UnderstandingTests",
            dependencies: ["ChatOpsApp", "Understanding", "RuleEngine", "ChatOpsConfig", "ChatOpsTestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "ApprovalsTests", dependencies: ["ChatOpsApp", "Approvals", "ChatOpsConfig", "ChatOpsTestSupport"]),
        .testTarget(
            name: "RequestStoreTests",
            dependencies: ["ChatOpsApp", 
                "RequestStore", "Approvals", "ChatOpsCore", "ChatOpsTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
            ]
        ),
        .testTarget(
            name: "GitHubPlatformTests",
            dependencies: ["ChatOpsApp", 
                "GitHubPlatform", "ChatServer", "ChatOpsCore", "Conversation", "ChatOpsTestSupport", "ChatOpsConfig", "RuleEngine",
                "Understanding", "Approvals", "Execution", "RequestStore", "PlatformHTTP", "ReplyModel",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "_CryptoExtras", package: "swift-crypto"),
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "ChatServerTests",
            dependencies: ["ChatOpsApp", 
                "ChatServer", "Conversation", "ChatOpsTestSupport", "ChatOpsConfig", "RuleEngine", "Understanding",
                "Approvals", "Execution", "RequestStore", "PlatformHTTP", "ReplyModel", "PlatformVerification",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "ArgoCDBackendTests",
            dependencies: ["ChatOpsApp", "ArgoCDBackend", "Execution", "ChatOpsConfig", "ChatOpsCore", "ReplyModel", "PlatformHTTP",
                           "ChatOpsTestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "GitOpsBackendTests",
            dependencies: ["ChatOpsApp", "GitOpsBackend", "ArgoCDBackend", "Execution", "ChatOpsConfig", "ChatOpsCore", "PlatformHTTP",
                           "Conversation", "RequestStore", "ChatOpsTestSupport", "GitHubREST",
                           .product(name: "_CryptoExtras", package: "swift-crypto"), .product(name: "Logging", package: "swift-log")]
        ),
        .testTarget(
            name: "KubernetesBackendTests",
            dependencies: ["ChatOpsApp", 
                "KubernetesBackend", "Execution", "ChatOpsConfig", "ChatOpsCore", "ReplyModel", "PlatformHTTP",
                "Conversation", "RequestStore", "ChatOpsTestSupport",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTLS", package: "hummingbird"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "ModelBackendTests",
            dependencies: ["ChatOpsApp", "ModelBackend", "Execution", "ChatOpsConfig", "ChatOpsCore", "ReplyModel", "PlatformHTTP",
                           "ChatOpsTestSupport", .product(name: "Logging", package: "swift-log")],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "CIPipelineBackendTests",
            dependencies: ["ChatOpsApp", "CIPipelineBackend", "Execution", "ChatOpsConfig", "ChatOpsCore", "ReplyModel", "PlatformHTTP",
                           "Conversation", "RequestStore", "ChatOpsTestSupport", "GitHubREST",
                           .product(name: "_CryptoExtras", package: "swift-crypto"), .product(name: "Logging", package: "swift-log")],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "LanguageModelsTests",
            dependencies: ["ChatOpsApp", "LanguageModels", "PlatformHTTP", "ChatOpsConfig", "Execution", "ChatOpsTestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "IncidentsTests",
            dependencies: ["ChatOpsApp", "Incidents", "Approvals", "ChatOpsCore", "Conversation", "RequestStore", "ReplyModel",
                           "PlatformHTTP", "ChatOpsTestSupport", .product(name: "Logging", package: "swift-log")],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "IntentInferenceTests",
            dependencies: ["ChatOpsApp", "IntentInference", "LanguageModels", "Conversation", "RequestStore", "ChatOpsTestSupport",
                           .product(name: "Logging", package: "swift-log")],
            exclude: ["Fixtures"]
        ),
        .testTarget(name: "PromptTemplatesTests", dependencies: ["PromptTemplates", "ChatOpsTestSupport"]),
        .testTarget(name: "PlatformHTTPTests", dependencies: ["ChatOpsApp", "PlatformHTTP", "ChatOpsTestSupport"]),
        .testTarget(
            name: "GitHubRESTTests",
            dependencies: ["ChatOpsApp", "GitHubREST", "PlatformHTTP", "ChatOpsConfig", "ChatOpsTestSupport",
                           .product(name: "Crypto", package: "swift-crypto"),
                           .product(name: "_CryptoExtras", package: "swift-crypto")]
        ),
        .testTarget(name: "ReplyModelTests", dependencies: ["ChatOpsApp", "ReplyModel", "ChatOpsTestSupport"]),
        .testTarget(
            name: "PlatformVerificationTests",
            dependencies: ["ChatOpsApp", "PlatformVerification", "ChatOpsTestSupport"],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "ConversationTests",
            dependencies: ["ChatOpsApp", "Conversation", "RequestStore", "Execution", "Approvals", "ChatOpsConfig", "Understanding",
                           "RuleEngine", "ReplyModel", "ChatOpsTestSupport"]
        ),
        .testTarget(
            name: "ChatOpsCommandsTests",
            dependencies: ["ChatOpsApp", 
                "ChatOpsCommands", "ChatOpsTestSupport",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
            ]
        ),
        .testTarget(
            name: "SlackPlatformTests",
            dependencies: ["ChatOpsApp", 
                "SlackPlatform", "ChatServer", "Conversation", "ReplyModel", "PlatformHTTP", "ChatOpsConfig",
                "RequestStore", "Approvals", "Execution", "Understanding", "RuleEngine", "ChatOpsTestSupport",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["Fixtures"]
        ),
        // The composition root: test-only modules registered through it, and the configuration reference.
        .testTarget(
            name: "ChatOpsAppTests",
            dependencies: [
                "ChatOpsApp", "ChatOpsConfig", "ChatOpsCore", "ChatOpsTestSupport", "ChatServer", "Conversation", "Execution",
                "PlatformHTTP", "ReplyModel", "RequestStore", "Approvals", "ChatOpsMetrics",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // The security review's attacks, through the real routes of one server with every platform.
        .testTarget(
            name: "SecurityTests",
            dependencies: ["ChatOpsApp", 
                "ChatServer", "Conversation", "SlackPlatform", "DiscordPlatform", "GitHubPlatform", "ChatOpsConfig",
                "ChatOpsCore", "RequestStore", "ReplyModel", "PlatformHTTP", "ChatOpsTestSupport",
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Logging", package: "swift-log"),
            ],
            exclude: ["Fixtures"]
        ),
        .testTarget(
            name: "DiscordPlatformTests",
            dependencies: ["ChatOpsApp", 
                "DiscordPlatform", "ChatServer", "Conversation", "ChatOpsConfig", "Approvals", "Execution", "Understanding",
                "RuleEngine", "RequestStore", "ReplyModel", "PlatformHTTP", "ChatOpsTestSupport",
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            exclude: ["Fixtures"]
        ),
    ]
)
