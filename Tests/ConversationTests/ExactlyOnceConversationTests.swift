import Approvals
import ChatOpsCore
import ChatOpsTestSupport
import Conversation
import Execution
import Foundation
import RequestStore
import Testing

@Suite("Conversation: exactly once, redelivery, expiry, freeze")
struct ExactlyOnceConversationTests {
    @Test func ahundredConcurrentApprovalsStartExecutionOnce() async throws {
        let fake = FakeExecutor()
        let h = try ConversationHarness(executors: [(fake, [.deploy])])
        try await h.say("alice", "deploy v2.3 to prod")
        await h.sink.clear()
        // Double clicks, retried webhooks and two approvers at the same instant.
        try await withThrowingTaskGroup(of: Void.self) { group in
            for i in 0..<100 {
                group.addTask {
                    let message = IncomingMessage(platformUser: i % 2 == 0 ? "console:bob" : "console:carol",
                                                  origin: MessageOrigin(platform: "console", channel: "ops", messageID: "m\(i)"),
                                                  text: "approve 1", isAddressedByPlatform: true)
                    try await h.bot.handle(message, sink: h.sink)
                }
            }
            try await group.waitForAll()
        }
        #expect(fake.executed.count == 1)
        let texts = await h.sink.texts
        #expect(texts.filter { $0.contains("approved by") }.count == 1)
        #expect(texts.filter { $0.hasPrefix("Request #1 succeeded") }.count == 1)
        let request = try #require(try await h.store.request(id: 1))
        #expect(request.state == .succeeded)
        #expect(request.transitions.filter { $0.to == .executing }.count == 1)
        #expect(request.approvals.count == 1)
    }

    @Test func aRedeliveredMessageIsAnsweredWithoutActingAgain() async throws {
        let fake = FakeExecutor(result: .succeeded("restarted"))
        let h = try ConversationHarness(executors: [(fake, [.restart])])
        let first = try await h.say("alice", "restart iris in dev", delivery: "Ev0001")
        #expect(first.last == "Request #1 succeeded: restarted")
        let message = IncomingMessage(platformUser: "console:alice", origin: MessageOrigin(platform: "console", channel: "ops"),
                                      deliveryID: "Ev0001", text: "restart iris in dev", isAddressedByPlatform: true)
        let again = try await h.bot.handle(message, sink: h.sink)
        #expect(again == .duplicate(previousReply: first.joined(separator: "\n")))
        #expect(fake.executed.count == 1)
        #expect(try await h.store.requests(states: nil, limit: 10).count == 1)
    }

    @Test func unapprovedRequestsExpireAndAreReportedInTheirThread() async throws {
        let h = try ConversationHarness()
        try await h.say("alice", "deploy v2.3 to prod")
        await h.sink.clear()
        h.clock.advance(3599)
        try await h.bot.sweep(platforms: ["console"], sink: h.sink)
        #expect(await h.sink.texts.isEmpty)
        h.clock.advance(2)
        try await h.bot.sweep(platforms: ["console"], sink: h.sink)
        let notices = await h.sink.replies
        #expect(notices.count == 1)
        #expect(notices.first?.text.contains("Request #1 (deploy app=iris-classifier env=prod version=v2.3) expired") == true)
        #expect(notices.first?.origin.channel == "ops")
        // Reported once only.
        await h.sink.clear()
        try await h.bot.sweep(platforms: ["console"], sink: h.sink)
        #expect(await h.sink.texts.isEmpty)
        let late = try await h.say("bob", "approve 1")
        #expect(late == ["Request #1 (deploy iris-classifier v2.3 to prod) is already expired; there is nothing to decide."])
    }

    @Test func anApprovalAfterTheDeadlineIsTooLateEvenBeforeTheSweep() async throws {
        let fake = FakeExecutor()
        let h = try ConversationHarness(executors: [(fake, [.deploy])])
        try await h.say("alice", "deploy v2.3 to prod")
        h.clock.advance(3600)
        let late = try await h.say("bob", "approve 1")
        #expect(late == ["Request #1 (deploy iris-classifier v2.3 to prod) is already expired; there is nothing to decide."])
        #expect(fake.executed.isEmpty)
        #expect(try await h.store.request(id: 1)?.transitions.last?.reason == "no approval within the time limit")
    }

    @Test func theSweeperServiceExpiresInTheBackground() async throws {
        let h = try ConversationHarness()
        try await h.say("alice", "deploy v2.3 to prod")
        h.clock.advance(7200)
        await h.sink.clear()
        let sweeper = ExpirySweeper(bot: h.bot, platforms: ["console"], sink: h.sink, interval: .milliseconds(20))
        let task = Task { try await sweeper.run() }
        for _ in 0..<200 where try await h.store.request(id: 1)?.state != .expired {
            try await Task.sleep(for: .milliseconds(10))
        }
        task.cancel()
        #expect(try await h.store.request(id: 1)?.state == .expired)
        #expect(await h.sink.texts.contains(substring: "expired"))
    }

    @Test func freezeStopsChangesIncludingApprovedOnesNotYetStarted() async throws {
        let fake = FakeExecutor()
        let h = try ConversationHarness(executors: [(fake, [.deploy, .restart, .scale])])
        try await h.say("alice", "deploy v2.3 to prod")            // #1, waits for approval
        let frozen = try await h.say("bob", "freeze prod: incident 123")  // #2
        #expect(frozen.last?.contains("prod is frozen by bob: incident 123") == true)

        let approved = try await h.say("carol", "approve 1")
        #expect(approved.last == "Request #1 (deploy iris-classifier v2.3 to prod) was cancelled: prod is frozen (by bob: incident 123); changes there are stopped until someone says `unfreeze prod`.")
        let restart = try await h.say("alice", "restart iris in prod")
        #expect(restart.first?.contains("refused: prod is frozen (by bob: incident 123)") == true)
        // Reads still run in a frozen environment.
        let status = try await h.say("carol", "status of iris in prod")
        #expect(status.first?.hasPrefix("Argo CD is not configured") == true)
        // Other environments are not affected.
        let staging = try await h.say("alice", "scale iris to 3 in staging")
        #expect(staging.last?.hasPrefix("Request #5 succeeded") == true)
        #expect(fake.executed.map(\.intent) == [.scale])
        #expect(try await h.store.request(id: 1)?.state == .cancelled)

        // Lifting the kill switch in prod is itself a prod change: it needs approval.
        let unfreeze = try await h.say("alice", "unfreeze prod")
        #expect(unfreeze.first?.contains("Request #6: unfreeze prod needs 1 approval from prod-approvers") == true)
        let lifted = try await h.say("carol", "approve 6")
        #expect(lifted.last?.contains("prod is no longer frozen") == true)
        try await h.say("alice", "restart iris in prod")
        try await h.say("bob", "approve 7")
        #expect(fake.executed.map(\.intent) == [.scale, .restart])
    }

    @Test func anInterruptedExecutionIsReportedAtStartNeverRerun() async throws {
        let fake = FakeExecutor()
        let h = try ConversationHarness(executors: [(fake, [.restart])])
        let new = NewRequest(command: .init(intent: .restart, slots: ["app": .string("iris-classifier"), "env": .string("dev")],
                                            source: .rule, ruleID: nil),
                             requester: "alice", origin: MessageOrigin(platform: "console", channel: "ops"),
                             text: "restart iris in dev", isDryRun: false)
        let created = try await h.store.createRequest(new, admission: .approved, at: h.clock.now)
        // A process of this host that no longer exists claimed it, then died.
        let dead = ExecutionOwner(host: ExecutionOwner.current.host, pid: Int32.max - 1)
        _ = try await h.store.claimForExecution(id: created.id, owner: dead, leaseUntil: h.clock.now.addingTimeInterval(60), at: h.clock.now)
        try await h.bot.start(platforms: ["console"], sink: h.sink)
        #expect(await h.sink.texts.contains(substring: "Request #1 (restart app=iris-classifier env=dev) was interrupted"))
        #expect(try await h.store.request(id: 1)?.state == .interrupted)
        #expect(fake.executed.isEmpty)
    }
}
