import Approvals
import Foundation
import Testing

@Suite("Request lifecycle")
struct RequestLifecycleTests {
    static let events: [RequestEvent] = [
        .admitted(needsApproval: true), .admitted(needsApproval: false), .refused, .quorumReached, .denied,
        .expired, .cancelled, .started, .succeeded, .failed, .interrupted,
    ]

    /// Every legal move; everything else must be refused.
    static let legal: [RequestState: [RequestEvent: RequestState]] = [
        .received: [.admitted(needsApproval: true): .awaitingApproval, .admitted(needsApproval: false): .approved, .refused: .denied],
        .awaitingApproval: [.quorumReached: .approved, .denied: .denied, .expired: .expired, .cancelled: .cancelled],
        .approved: [.started: .executing, .cancelled: .cancelled, .expired: .expired],
        .executing: [.succeeded: .succeeded, .failed: .failed, .interrupted: .interrupted],
    ]

    @Test(arguments: RequestState.allCases)
    func everyEventInEveryState(state: RequestState) {
        for event in Self.events {
            let result = RequestLifecycle.next(from: state, on: event)
            if let expected = Self.legal[state]?[event] {
                #expect(result == .success(expected), "\(state) on \(event)")
            } else {
                #expect(result == .failure(IllegalTransition(state: state, event: event)), "\(state) on \(event) must be refused")
            }
        }
    }

    @Test func terminalStatesAcceptNothing() {
        for state in RequestState.allCases where state.isTerminal {
            #expect(Self.legal[state] == nil)
            for event in Self.events {
                guard case .failure(let error) = RequestLifecycle.next(from: state, on: event) else {
                    Issue.record("\(state) moved on \(event)")
                    continue
                }
                #expect(error.description == "the request is already \(state.rawValue.replacingOccurrences(of: "_", with: " "))")
            }
        }
    }

    @Test func aSecondApprovalAfterQuorumIsRefused() {
        #expect(RequestLifecycle.next(from: .approved, on: .quorumReached)
                == .failure(IllegalTransition(state: .approved, event: .quorumReached)))
    }

    @Test func executionCannotStartWithoutApproval() {
        #expect(throws: IllegalTransition.self) { try RequestLifecycle.next(from: .awaitingApproval, on: .started).get() }
        #expect("\(IllegalTransition(state: .awaitingApproval, event: .started))"
                == "a request that is awaiting approval cannot be started")
    }

    @Test func stateNamesAreTheWireNames() {
        #expect(RequestState.allCases.map(\.rawValue) == [
            "received", "awaiting_approval", "approved", "executing", "succeeded", "failed", "denied", "expired",
            "cancelled", "interrupted",
        ])
    }
}
