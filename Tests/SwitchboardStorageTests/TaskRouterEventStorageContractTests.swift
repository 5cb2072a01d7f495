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

/// The storage contract for what routing reads of reservation history: each worker's latest reservation change
/// (longest-idle routing), and the workers a waiting task must not be offered to again.
@Suite struct ReservationActivityStorageContractTests {
    typealias F = TaskRouterFixtures

    @Test(arguments: TestBackend.available)
    func lastActivityIsEachWorkersLatestReservationChangeAndLeavesOutWorkersWithoutOne(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let (_, workspaces) = try await F.seedWorkspaces(storage, count: 2)
            let (workspace, other) = (workspaces[0], workspaces[1])
            let channel = F.taskChannel(in: workspace, uniqueName: "sms")
            let (busy, idle, stranger) = (F.worker(in: workspace, name: "Busy"), F.worker(in: workspace, name: "Idle"), F.worker(in: other, name: "Stranger"))
            let task = TaskRouterTask(
                sid: F.sid(.task), accountSid: workspace.accountSid, workspaceSid: workspace.sid, workflowSid: nil, taskQueueSid: nil,
                taskChannelSid: channel.sid, taskChannelUniqueName: "sms", attributes: "{}", priority: 0, timeout: 3600,
                assignmentStatus: .reserved, reason: nil, routingStep: nil, dateEnteredStep: nil, taskQueueEnteredDate: nil,
                dateCreated: F.created, dateUpdated: F.created)
            func reservation(for worker: Worker, at seconds: Double) -> Reservation {
                ReservationRules.create(sid: F.sid(.reservation), task: task, workerSid: worker.sid, workerName: worker.friendlyName,
                                        reservationTimeout: 120, now: F.created.addingTimeInterval(seconds))
            }
            var (first, later) = (reservation(for: busy, at: 0), reservation(for: busy, at: 30))
            later.dateUpdated = F.created.addingTimeInterval(90)
            // Left without an expiry: a server sharing this PostgreSQL database must not find them to time out.
            (first.expiresAt, later.expiresAt) = (nil, nil)
            let stored = [first, later]
            try await storage.write { session in
                try await session.taskChannels.insert(channel)
                for worker in [busy, idle, stranger] { try await session.workers.insert(worker) }
                try await session.tasks.insert(task)
                for reservation in stored { try await session.reservations.insert(reservation) }
            }
            #expect(try await storage.read { try await $0.reservations.lastActivity(workspaceSid: workspace.sid) } == [busy.sid: F.created.addingTimeInterval(90)])
            first.status = .rejected
            first.dateUpdated = F.created.addingTimeInterval(120)
            let answered = first
            try await storage.write { try await $0.reservations.update(answered) }
            #expect(try await storage.read { try await $0.reservations.lastActivity(workspaceSid: workspace.sid) } == [busy.sid: F.created.addingTimeInterval(120)])
            #expect(try await storage.read { try await $0.reservations.lastActivity(workspaceSid: other.sid) } == [:])
        }
    }

    @Test(arguments: TestBackend.available)
    func aDeclinedTaskIsOfferedAgainOnlyOnceItsWorkerHasReturned(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let (_, workspaces) = try await F.seedWorkspaces(storage)
            let workspace = workspaces[0]
            let channel = F.taskChannel(in: workspace, uniqueName: "sms")
            let (rejecting, lapsing) = (F.worker(in: workspace, name: "Rejecting"), F.worker(in: workspace, name: "Lapsing"))
            let task = TaskRouterTask(
                sid: F.sid(.task), accountSid: workspace.accountSid, workspaceSid: workspace.sid, workflowSid: nil, taskQueueSid: nil,
                taskChannelSid: channel.sid, taskChannelUniqueName: "sms", attributes: "{}", priority: 0, timeout: 3600,
                assignmentStatus: .pending, reason: nil, routingStep: nil, dateEnteredStep: nil, taskQueueEnteredDate: nil,
                dateCreated: F.created, dateUpdated: F.created)
            func declined(by worker: Worker, as status: ReservationStatus) -> Reservation {
                var reservation = ReservationRules.create(sid: F.sid(.reservation), task: task, workerSid: worker.sid, workerName: worker.friendlyName,
                                                          reservationTimeout: 120, now: F.created)
                (reservation.status, reservation.expiresAt) = (status, nil)
                return reservation
            }
            let stored = [declined(by: rejecting, as: .rejected), declined(by: lapsing, as: .timeout)]
            try await storage.write { session in
                try await session.taskChannels.insert(channel)
                for worker in [rejecting, lapsing] { try await session.workers.insert(worker) }
                try await session.tasks.insert(task)
                for reservation in stored { try await session.reservations.insert(reservation) }
            }
            #expect(try await storage.read { try await $0.reservations.declinedWorkers(taskSids: [task.sid]) } == [task.sid: [rejecting.sid, lapsing.sid]])
            try await storage.write { try await $0.reservations.workerReturned(workerSid: lapsing.sid) }
            #expect(try await storage.read { try await $0.reservations.declinedWorkers(taskSids: [task.sid]) } == [task.sid: [rejecting.sid]])
            // A decline after the return counts again.
            let again = declined(by: lapsing, as: .timeout)
            try await storage.write { try await $0.reservations.insert(again) }
            #expect(try await storage.read { try await $0.reservations.declinedWorkers(taskSids: [task.sid]) } == [task.sid: [rejecting.sid, lapsing.sid]])
        }
    }
}
