import Approvals
import Crypto
import Foundation

/// Alertmanager's webhook body (`version: "4"`), as its `webhook_configs` sends it. Decoding
/// checks what the bot relies on and says exactly what is wrong, so Alertmanager's log shows it
/// (a 4xx is not retried: a malformed body would fail again).
public struct AlertmanagerNotification: Codable, Sendable, Hashable {
    public struct Alert: Codable, Sendable, Hashable {
        public let status: String
        public let labels: [String: String]
        public let annotations: [String: String]?
        public let startsAt: String
        public let endsAt: String?
        public let generatorURL: String?
        public let fingerprint: String
    }

    public let receiver: String?
    public let status: String
    public let alerts: [Alert]
    public let groupLabels: [String: String]?
    public let commonLabels: [String: String]?
    public let commonAnnotations: [String: String]?
    public let externalURL: String?
    public let version: String
    public let groupKey: String
    public let truncatedAlerts: Int?

    /// The body decoded and checked, or what is wrong with it.
    public static func decode(_ body: [UInt8]) throws(AlertPayloadError) -> AlertmanagerNotification {
        let notification: AlertmanagerNotification
        do { notification = try JSONDecoder().decode(Self.self, from: Data(body)) } catch let error as DecodingError {
            throw AlertPayloadError(Self.describe(error))
        } catch {
            throw AlertPayloadError("the body is not JSON: \(error)")
        }
        try notification.validate()
        return notification
    }

    func validate() throws(AlertPayloadError) {
        guard version == "4" else {
            throw AlertPayloadError("version \"\(version)\" is not the webhook version this receiver reads (\"4\", Alertmanager 0.16 and later)")
        }
        guard !groupKey.isEmpty, groupKey.utf8.count <= 4096 else { throw AlertPayloadError("groupKey is empty or longer than 4096 bytes") }
        guard ["firing", "resolved"].contains(status) else { throw AlertPayloadError("status \"\(status)\" is neither firing nor resolved") }
        guard !alerts.isEmpty else { throw AlertPayloadError("the notification holds no alerts") }
        for (index, alert) in alerts.enumerated() {
            guard ["firing", "resolved"].contains(alert.status) else {
                throw AlertPayloadError("alerts[\(index)].status \"\(alert.status)\" is neither firing nor resolved")
            }
            guard !alert.fingerprint.isEmpty, alert.fingerprint.utf8.count <= 64 else {
                throw AlertPayloadError("alerts[\(index)].fingerprint is empty or too long")
            }
        }
    }

    /// The same for a retry of this notification and for the copy the other Alertmanager of an HA
    /// pair sends (which differs in `externalURL` and may order alerts differently): the group and
    /// each alert's fingerprint, status and times.
    public var dedupeKey: String {
        let alertsPart = alerts.map { "\($0.fingerprint)|\($0.status)|\($0.startsAt)|\($0.endsAt ?? "")" }.sorted()
        let text = ([groupKey, status, String(truncatedAlerts ?? 0)] + alertsPart).joined(separator: "\n")
        return SHA256.hash(data: Data(text.utf8)).map { String(format: "%02x", $0) }.joined()
    }

    static func describe(_ error: DecodingError) -> String {
        func path(_ context: DecodingError.Context) -> String {
            let keys = context.codingPath.map { $0.intValue.map { "[\($0)]" } ?? ".\($0.stringValue)" }.joined()
            return keys.hasPrefix(".") ? String(keys.dropFirst()) : (keys.isEmpty ? "the body" : keys)
        }
        switch error {
        case .keyNotFound(let key, let context):
            let at = path(context)
            return "\(at == "the body" ? "" : at + ".")\(key.stringValue) is missing: is this an Alertmanager webhook (version 4)?"
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "\(path(context)) has the wrong type: \(context.debugDescription)"
        case .dataCorrupted(let context):
            return "the body is not valid JSON (\(path(context))): \(context.debugDescription)"
        @unknown default:
            return "the body could not be read: \(error)"
        }
    }
}

/// What is wrong with a webhook body, for the 400 answer.
public struct AlertPayloadError: Error, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

extension AlertmanagerNotification.Alert {
    var record: IncidentAlert {
        IncidentAlert(fingerprint: fingerprint, status: status, labels: labels, annotations: annotations ?? [:], startsAt: startsAt,
                      endsAt: endsAt, generatorURL: generatorURL)
    }
}
