import Approvals
import Foundation
@testable import Incidents
import Testing

/// An Alertmanager group's life as an incident, from the captured notifications: first firing,
/// the same notification again, a partial resolve, the resolution, and a group that fires again.
@Suite("incidents follow their Alertmanager group")
struct IncidentTrackerTests {
    let tracker = IncidentTracker(reopenWindow: 3600)
    let start = Date(timeIntervalSince1970: 1_795_288_000)

    func applied(_ bytes: [UInt8], to existing: IncidentRecord?, at offset: TimeInterval = 0) throws -> (IncidentRecord, [PostDraft]) {
        guard case .apply(var incident, let posts) = tracker.apply(AlertFixtures.notification(bytes), to: existing,
                                                                   now: start.addingTimeInterval(offset)) else {
            throw TrackerTestError.discarded
        }
        if incident.id == 0 { incident.id = 1 }
        return (incident, posts)
    }

    enum TrackerTestError: Error { case discarded }

    @Test("the first firing opens an incident with its three alerts, and asks for the thread and an analysis")
    func opens() throws {
        let (incident, posts) = try applied(AlertFixtures.bytes(AlertFixtures.crashLooping), to: nil)
        #expect(incident.state == .open)
        #expect(incident.groupKey == #"{}:{alertname="PodCrashLooping", namespace="ml-apps"}"#)
        #expect(incident.alerts.map(\.fingerprint) == ["4c07481a3d827e9e", "08d59d548408eb12", "64fa26a4ac68dca1"])
        #expect(incident.firing.count == 3)
        #expect(posts == [PostDraft(.open), PostDraft(.analyse)])
    }

    @Test("the same notification again changes nothing and posts nothing")
    func repeated() throws {
        let (incident, _) = try applied(AlertFixtures.bytes(AlertFixtures.crashLooping), to: nil)
        let (again, posts) = try applied(AlertFixtures.bytes(AlertFixtures.crashLooping), to: incident, at: 5)
        #expect(posts.isEmpty)
        #expect(again == incident)
        let (copy, copyPosts) = try applied(AlertFixtures.haCopy(AlertFixtures.crashLooping), to: incident, at: 6)
        #expect(copyPosts.isEmpty, "the HA pair's copy is the same news")
        #expect(copy.firing.count == 3)
    }

    @Test("one pod recovers: the first message is refreshed and one reply says which")
    func partialResolve() throws {
        let (incident, _) = try applied(AlertFixtures.bytes(AlertFixtures.crashLooping), to: nil)
        let (partial, posts) = try applied(AlertFixtures.partiallyResolved(), to: incident, at: 60)
        #expect(partial.state == .open)
        #expect(partial.firing.count == 2)
        #expect(posts.map(\.kind) == [.refresh, .reply])
        #expect(posts.last?.text == "Resolved: PodCrashLooping on pod ml-apps/iris-classifier-7d9f8b-x2k4p (warning): "
                + "Pod iris-classifier-7d9f8b-x2k4p is crash looping")
    }

    @Test("the group resolved (only the remaining two listed): the incident resolves with its duration, and the thread closes")
    func resolves() throws {
        let (incident, _) = try applied(AlertFixtures.bytes(AlertFixtures.crashLooping), to: nil)
        let (partial, _) = try applied(AlertFixtures.partiallyResolved(), to: incident, at: 60)
        let (resolved, posts) = try applied(AlertFixtures.bytes(AlertFixtures.remainingResolved), to: partial, at: 900)
        #expect(resolved.state == .resolved)
        #expect(resolved.resolvedAt == start.addingTimeInterval(900))
        #expect(resolved.firing.isEmpty)
        #expect(posts.map(\.kind) == [.refresh, .reply, .close])
        let reply = try #require(posts.first { $0.kind == .reply }?.text)
        #expect(reply.contains("Resolved: PodCrashLooping on pod ml-apps/iris-classifier-7d9f8b-m8q2z"))
        #expect(reply.contains("All 3 alerts resolved; the incident lasted "), "\(reply)")
        #expect(reply.contains("(since 2026-11-21T19:06:07Z)"), "the earliest alert's startsAt")
    }

    @Test("firing again within the window reopens the same incident; after it, a new incident")
    func reopens() throws {
        let (incident, _) = try applied(AlertFixtures.bytes(AlertFixtures.highLatency), to: nil)
        let (resolved, _) = try applied(AlertFixtures.bytes(AlertFixtures.highLatencyResolved), to: incident, at: 300)
        #expect(resolved.state == .resolved)
        let (reopened, posts) = try applied(AlertFixtures.bytes(AlertFixtures.highLatency), to: resolved, at: 900)
        #expect(reopened.id == incident.id)
        #expect(reopened.state == .open && reopened.reopened == 1 && reopened.resolvedAt == nil)
        #expect(posts.map(\.kind) == [.refresh, .reply, .analyse])
        #expect(posts[1].text.hasPrefix("Firing again within 1 h of resolving: incident #1 is open again."))
        guard case .apply(let fresh, let freshPosts) = tracker.apply(AlertFixtures.notification(AlertFixtures.bytes(AlertFixtures.highLatency)),
                                                                     to: resolved, now: start.addingTimeInterval(300 + 3601)) else {
            Issue.record("a firing group must open an incident")
            return
        }
        #expect(fresh.id == 0, "a new incident")
        #expect(freshPosts == [PostDraft(.open), PostDraft(.analyse)])
    }

    @Test("a resolution for a group with no incident is set aside")
    func resolutionOfUnknownGroup() {
        let outcome = tracker.apply(AlertFixtures.notification(AlertFixtures.bytes(AlertFixtures.highLatencyResolved)), to: nil, now: start)
        #expect(outcome == .discard("resolved, and no incident of this group is open"))
    }
}

@Suite("Alertmanager webhook bodies")
struct AlertmanagerNotificationTests {
    @Test("every captured body reads; the HA copy and a retry share the de-duplication key, other news does not")
    func dedupe() throws {
        for name in [AlertFixtures.highLatency, AlertFixtures.crashLooping, AlertFixtures.remainingResolved, AlertFixtures.highLatencyResolved] {
            #expect(throws: Never.self) { try AlertmanagerNotification.decode(AlertFixtures.bytes(name)) }
        }
        let first = AlertFixtures.notification(AlertFixtures.bytes(AlertFixtures.crashLooping))
        #expect(AlertFixtures.notification(AlertFixtures.haCopy(AlertFixtures.crashLooping)).dedupeKey == first.dedupeKey)
        #expect(AlertFixtures.notification(AlertFixtures.partiallyResolved()).dedupeKey != first.dedupeKey)
    }

    @Test("what is wrong is said", arguments: [
        (#"{"version":"4","status":"firing","alerts":[]}"#, "groupKey is missing: is this an Alertmanager webhook (version 4)?"),
        (#"{"version":"3","status":"firing","groupKey":"g","alerts":[]}"#, #"version "3" is not the webhook version this receiver reads"#),
        (#"{"version":"4","status":"firing","groupKey":"g","alerts":[]}"#, "the notification holds no alerts"),
        (#"{"version":"4","status":"burning","groupKey":"g","alerts":[]}"#, #"status "burning" is neither firing nor resolved"#),
        ("not json", "the body is not valid JSON"),
        (#"{"version":"4","status":"firing","groupKey":"g","alerts":[{"status":"firing","labels":{},"startsAt":"x","fingerprint":""}]}"#,
         "alerts[0].fingerprint is empty"),
        (#"{"version":"4","status":"firing","groupKey":"g","alerts":[{"status":"firing","labels":{"a":1},"startsAt":"x","fingerprint":"f"}]}"#,
         "alerts[0].labels.a has the wrong type"),
    ])
    func malformed(body: String, reason: String) {
        do {
            _ = try AlertmanagerNotification.decode(Array(body.utf8))
            Issue.record("\(body) was accepted")
        } catch {
            #expect(error.description.contains(reason), "\(error.description)")
        }
    }
}

@Suite("incident routes")
struct IncidentRoutesTests {
    @Test("the first route whose matchers all hold; regular expressions match the whole value")
    func matching() throws {
        let routes = try IncidentRoutes.parse([
            #"severity=critical namespace=~"ml-.*" -> slack:C0CRITICAL1"#,
            "cluster=k3d-on-premises alertname!~Watchdog|InfoInhibitor -> discord:645027906669510667",
            "team!=data -> github:acme/ml-platform",
            "* -> slack:C0EVERYTHING",
        ])
        #expect(routes.target(for: ["severity": "critical", "namespace": "ml-prod"])?.channel == "C0CRITICAL1")
        #expect(routes.target(for: ["severity": "critical", "namespace": "xml-prod"])?.platform == "github", "whole value only")
        #expect(routes.target(for: ["cluster": "k3d-on-premises", "alertname": "PodCrashLooping"])?.platform == "discord")
        #expect(routes.target(for: ["cluster": "k3d-on-premises", "alertname": "Watchdog", "team": "data"])?.channel == "C0EVERYTHING")
    }

    @Test("a route written wrong says what to write", arguments: [
        ("severity=critical slack:C0123ABCD", "must read MATCHERS -> TARGET"),
        ("* -> teams:abc", "must be slack:CHANNEL_ID, discord:CHANNEL_ID or github:OWNER/REPO"),
        ("* -> github:not a repo", "is not a github repository (OWNER/REPO)"),
        ("=critical -> slack:C0123ABCD", "not a matcher"),
        ("alertname=~(unclosed -> slack:C0123ABCD", "is not a regular expression"),
    ])
    func wrong(line: String, reason: String) {
        do {
            _ = try IncidentRoutes.parse([line])
            Issue.record("\(line) was accepted")
        } catch {
            #expect(error.description.contains(reason), "\(error.description)")
        }
    }
}
