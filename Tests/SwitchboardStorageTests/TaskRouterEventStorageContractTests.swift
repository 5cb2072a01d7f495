import Foundation
import Testing
import SwitchboardCore
import SwitchboardStorage

/// The storage contract for the event reads statistics make: a window of events by type, and each worker's last
/// event of a type before a moment.
@Suite struct TaskRouterEventStorageContractTests {
    typealias F = TaskRouterFixtures

    static func event(_ type: String, in workspace: Workspace, at seconds: Double, worker: String? = nil) -> TaskRouterEvent {
        TaskRouterEvent(
            sid: F.sid(.event), accountSid: workspace.accountSid, workspaceSid: workspace.sid, eventType: type,
            resourceType: worker == nil ? "task" : "worker", resourceSid: worker ?? F.sid(.task), taskSid: nil, workerSid: worker,
            description: type, eventData: "{}", eventDateMilliseconds: Int64((F.created.timeIntervalSince1970 + seconds) * 1000))
    }

    @Test(arguments: TestBackend.available)
    func aWindowOfEventsHoldsTheRequestedTypesFromStartThroughEndInOrder(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let (_, workspaces) = try await F.seedWorkspaces(storage, count: 2)
            let (mine, theirs) = (workspaces[0], workspaces[1])
            let events = [
                Self.event("task.created", in: mine, at: -0.001),
                Self.event("task.created", in: mine, at: 0),
                Self.event("reservation.created", in: mine, at: 30),
                Self.event("task.updated", in: mine, at: 40),
                Self.event("task.created", in: theirs, at: 50),
                Self.event("task.canceled", in: mine, at: 60),
                Self.event("task.created", in: mine, at: 60.001),
            ]
            try await storage.write { session in for event in events { try await session.events.insert(event) } }
            let window = try await storage.read {
                try await $0.events.all(workspaceSid: mine.sid, types: ["task.created", "task.canceled", "reservation.created"],
                                        from: F.created, through: F.created.addingTimeInterval(60))
            }
            #expect(window.map(\.sid) == [events[1], events[2], events[5]].map(\.sid))
            #expect(window.first == events[1])
            #expect(try await storage.read { try await $0.events.all(workspaceSid: mine.sid, types: [], from: .distantPast, through: .distantFuture) }.isEmpty)
        }
    }

    @Test(arguments: TestBackend.available)
    func eachWorkersLastEventOfATypeBeforeAMoment(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let (_, workspaces) = try await F.seedWorkspaces(storage, count: 2)
            let (mine, theirs) = (workspaces[0], workspaces[1])
            let (alice, bob, carol) = (F.sid(.worker), F.sid(.worker), F.sid(.worker))
            let type = "worker.activity.update"
            let events = [
                Self.event(type, in: mine, at: 10, worker: alice),
                Self.event(type, in: mine, at: 20, worker: alice),
                Self.event("reservation.created", in: mine, at: 25, worker: alice),
                Self.event(type, in: mine, at: 30, worker: alice),
                Self.event(type, in: mine, at: 15, worker: bob),
                Self.event(type, in: mine, at: 40, worker: carol),
                Self.event(type, in: theirs, at: 5, worker: F.sid(.worker)),
            ]
            try await storage.write { session in for event in events { try await session.events.insert(event) } }
            let last = try await storage.read { try await $0.events.lastPerWorker(workspaceSid: mine.sid, type: type, before: F.created.addingTimeInterval(30)) }
            #expect(Set(last.map(\.sid)) == [events[1].sid, events[4].sid])
            #expect(try await storage.read { try await $0.events.lastPerWorker(workspaceSid: mine.sid, type: type, before: F.created) }.isEmpty)
        }
    }
}
