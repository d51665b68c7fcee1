import Approvals
import ChatOpsCore
import Foundation
import GRDB

/// Alertmanager's notifications, the incidents they make, and the outbox of posts (`IncidentStore`).
extension SQLiteApprovalStore {
    public func enqueueAlertNotification(groupKey: String, dedupeKey: String, body: [UInt8], at: Date) async throws -> Bool {
        try await write("queue an Alertmanager notification") { tx in
            try tx.db.execute(sql: """
                INSERT INTO alert_notifications (dedupe_key, group_key, body, received_at) VALUES (?, ?, ?, ?)
                ON CONFLICT (dedupe_key) DO NOTHING
                """, arguments: [dedupeKey, groupKey, Data(body), at.millisecondsSince1970])
            return tx.db.changesCount == 1
        }
    }

    public func pendingAlertNotifications(limit: Int) async throws -> [QueuedAlertNotification] {
        try await read("read the queued notifications") { tx in
            try Row.fetchAll(tx.db, sql: "SELECT * FROM alert_notifications WHERE applied_at IS NULL ORDER BY id LIMIT ?",
                             arguments: [max(0, limit)]).map { row in
                QueuedAlertNotification(id: row["id"], groupKey: row["group_key"], body: [UInt8]((row["body"] as Data?) ?? Data()),
                                        receivedAt: Date(millisecondsSince1970: row["received_at"]))
            }
        }
    }

    public func alertQueueDepth() async throws -> Int {
        try await read("count the queued notifications") { tx in
            try Int.fetchOne(tx.db, sql: "SELECT COUNT(*) FROM alert_notifications WHERE applied_at IS NULL") ?? 0
        }
    }

    public func openIncidentCount() async throws -> Int {
        try await read("count the open incidents") { tx in
            try Int.fetchOne(tx.db, sql: "SELECT COUNT(*) FROM incidents WHERE state = ?", arguments: [IncidentRecord.State.open.rawValue]) ?? 0
        }
    }

    public func latestIncident(groupKey: String) async throws -> IncidentRecord? {
        try await read("read the incident of a group") { tx in
            try Row.fetchOne(tx.db, sql: "SELECT * FROM incidents WHERE group_key = ? ORDER BY id DESC LIMIT 1",
                             arguments: [groupKey]).map(StoreTransaction.decodeIncident)
        }
    }

    public func incident(id: Int64) async throws -> IncidentRecord? {
        try await read("read incident #\(id)") { tx in try tx.incident(id: id) }
    }

    public func incidents(states: Set<IncidentRecord.State>?, limit: Int) async throws -> [IncidentRecord] {
        try await read("list incidents") { tx in
            let names = (states ?? Set(IncidentRecord.State.allCases)).map(\.rawValue)
            guard !names.isEmpty else { return [] }
            let placeholders = Array(repeating: "?", count: names.count).joined(separator: ", ")
            return try Row.fetchAll(tx.db, sql: "SELECT * FROM incidents WHERE state IN (\(placeholders)) ORDER BY id DESC LIMIT ?",
                                    arguments: StatementArguments(names) + [max(0, limit)]).map(StoreTransaction.decodeIncident)
        }
    }

    public func applyAlertNotification(_ notification: Int64, incident: IncidentRecord, posts: [(kind: IncidentPost.Kind, text: String)],
                                       at: Date) async throws -> IncidentRecord {
        try await write("apply an Alertmanager notification") { tx in
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            func json<T: Encodable>(_ value: T) throws -> String { String(decoding: try encoder.encode(value), as: UTF8.self) }
            let columns: SQLColumns = [
                ("group_key", incident.groupKey), ("state", incident.state.rawValue), ("opened_at", incident.openedAt.millisecondsSince1970),
                ("resolved_at", incident.resolvedAt?.millisecondsSince1970), ("group_labels", try json(incident.groupLabels)),
                ("common_labels", try json(incident.commonLabels)), ("common_annotations", try json(incident.commonAnnotations)),
                ("truncated_alerts", incident.truncatedAlerts), ("alerts", try json(incident.alerts)),
                ("last_analysis_at", incident.lastAnalysisAt?.millisecondsSince1970), ("reopened", incident.reopened),
                ("app", incident.app), ("env", incident.env),
            ] + MessageOrigin.columns(incident.thread, prefix: "thread_")
            var id = incident.id
            if id == 0 {
                try tx.insert(into: "incidents", columns)
                id = tx.db.lastInsertedRowID
            } else {
                let assignments = columns.map { "\($0.0) = ?" }.joined(separator: ", ")
                try tx.db.execute(sql: "UPDATE incidents SET \(assignments) WHERE id = ?",
                                  arguments: StatementArguments(columns.map { $0.1?.databaseValue ?? .null }) + [id])
            }
            for (kind, text) in posts {
                try tx.insert(into: "incident_posts", [("incident_id", id), ("kind", kind.rawValue), ("text", text),
                                                       ("created_at", at.millisecondsSince1970)])
            }
            try tx.db.execute(sql: "UPDATE alert_notifications SET applied_at = ?, outcome = ? WHERE id = ?",
                              arguments: [at.millisecondsSince1970, "incident #\(id)", notification])
            guard let saved = try tx.incident(id: id) else { throw CorruptStore(what: "incident #\(id) right after writing it") }
            return saved
        }
    }

    public func discardAlertNotification(_ notification: Int64, reason: String, at: Date) async throws {
        try await write("set aside an Alertmanager notification") { tx in
            try tx.db.execute(sql: "UPDATE alert_notifications SET applied_at = ?, outcome = ? WHERE id = ?",
                              arguments: [at.millisecondsSince1970, reason, notification])
        }
    }

    public func pendingIncidentPosts(limit: Int) async throws -> [IncidentPost] {
        try await read("read the incident posts to make") { tx in
            try Row.fetchAll(tx.db, sql: "SELECT * FROM incident_posts WHERE done_at IS NULL ORDER BY id LIMIT ?",
                             arguments: [max(0, limit)]).compactMap { row in
                let kindName: String = row["kind"]
                guard let kind = IncidentPost.Kind(rawValue: kindName) else { throw CorruptStore(what: "an incident post of kind '\(kindName)'") }
                return IncidentPost(id: row["id"], incidentID: row["incident_id"], kind: kind, text: row["text"], attempts: row["attempts"])
            }
        }
    }

    public func completeIncidentPost(_ id: Int64, at: Date) async throws {
        try await write("complete incident post #\(id)") { tx in
            try tx.db.execute(sql: "UPDATE incident_posts SET done_at = ? WHERE id = ?", arguments: [at.millisecondsSince1970, id])
        }
    }

    public func failIncidentPost(_ id: Int64, at: Date) async throws {
        try await write("note a failed incident post #\(id)") { tx in
            try tx.db.execute(sql: "UPDATE incident_posts SET attempts = attempts + 1 WHERE id = ?", arguments: [id])
        }
    }

    public func recordIncidentThread(_ incidentID: Int64, thread: MessageOrigin) async throws {
        try await write("record incident #\(incidentID)'s thread") { tx in
            let columns = MessageOrigin.columns(thread, prefix: "thread_")
            try tx.db.execute(sql: "UPDATE incidents SET \(columns.map { "\($0.0) = ?" }.joined(separator: ", ")) WHERE id = ?",
                              arguments: StatementArguments(columns.map { $0.1?.databaseValue ?? .null }) + [incidentID])
        }
    }

    public func recordIncidentAnalysis(_ incidentID: Int64, at: Date) async throws {
        try await write("record incident #\(incidentID)'s analysis") { tx in
            try tx.db.execute(sql: "UPDATE incidents SET last_analysis_at = ? WHERE id = ?", arguments: [at.millisecondsSince1970, incidentID])
        }
    }

    public func annotateIncident(_ incidentID: Int64, with annotations: [String: String]) async throws {
        try await write("annotate incident #\(incidentID)") { tx in
            guard var incident = try tx.incident(id: incidentID) else { return }
            incident.commonAnnotations.merge(annotations) { _, new in new }
            let encoder = JSONEncoder()
            encoder.outputFormatting = .sortedKeys
            let json = String(decoding: try encoder.encode(incident.commonAnnotations), as: UTF8.self)
            try tx.db.execute(sql: "UPDATE incidents SET common_annotations = ? WHERE id = ?", arguments: [json, incidentID])
        }
    }

    public func incident(inThread origin: MessageOrigin) async throws -> IncidentRecord? {
        guard let thread = origin.thread else { return nil }
        return try await read("find the incident of a thread") { tx in
            try Row.fetchOne(tx.db, sql: """
                SELECT * FROM incidents WHERE thread_platform = ? AND thread_channel IS ? AND thread_thread = ? ORDER BY id DESC LIMIT 1
                """, arguments: [origin.platform, origin.channel, thread]).map(StoreTransaction.decodeIncident)
        }
    }
}

extension StoreTransaction {
    func incident(id: Int64) throws -> IncidentRecord? {
        try Row.fetchOne(db, sql: "SELECT * FROM incidents WHERE id = ?", arguments: [id]).map(Self.decodeIncident)
    }

    static func decodeIncident(_ row: Row) throws -> IncidentRecord {
        let id: Int64 = try row.decode(forColumn: "id")
        let what = "incident #\(id)"
        let stateName: String = try row.decode(forColumn: "state")
        guard let state = IncidentRecord.State(rawValue: stateName) else { throw CorruptStore(what: "\(what) in an unknown state '\(stateName)'") }
        func decoded<T: Decodable>(_ column: String, as type: T.Type) throws -> T {
            let text: String = try row.decode(forColumn: column)
            do { return try JSONDecoder().decode(T.self, from: Data(text.utf8)) } catch {
                throw CorruptStore(what: "\(what) with unreadable \(column)")
            }
        }
        let resolved: Int64? = try row.decode(forColumn: "resolved_at")
        let analysed: Int64? = try row.decode(forColumn: "last_analysis_at")
        return IncidentRecord(
            id: id, groupKey: try row.decode(forColumn: "group_key"), state: state,
            openedAt: Date(millisecondsSince1970: try row.decode(forColumn: "opened_at")), resolvedAt: resolved.map(Date.init(millisecondsSince1970:)),
            groupLabels: try decoded("group_labels", as: [String: String].self), commonLabels: try decoded("common_labels", as: [String: String].self),
            commonAnnotations: try decoded("common_annotations", as: [String: String].self),
            truncatedAlerts: try row.decode(forColumn: "truncated_alerts"), alerts: try decoded("alerts", as: [IncidentAlert].self),
            thread: try MessageOrigin(row: row, prefix: "thread_"), lastAnalysisAt: analysed.map(Date.init(millisecondsSince1970:)),
            reopened: try row.decode(forColumn: "reopened"), app: try row.decode(forColumn: "app"), env: try row.decode(forColumn: "env"))
    }
}
