import Foundation
import Testing
import SwitchboardCore
import SwitchboardStorage

/// The storage contract for agents' event streams: which events concern a worker, in feed order after a position,
/// and which conversation message changes are recorded.
@Suite struct AgentFeedStorageContractTests {
    typealias F = TaskRouterFixtures

    static func event(_ type: String, in workspace: Workspace, task: String? = nil, worker: String? = nil) -> TaskRouterEvent {
        TaskRouterEvent(
            sid: F.sid(.event), accountSid: workspace.accountSid, workspaceSid: workspace.sid, eventType: type,
            resourceType: worker == nil ? "task" : "reservation", resourceSid: task ?? F.sid(.reservation), taskSid: task, workerSid: worker,
            description: type, eventData: "{}", eventDateMilliseconds: F.created.wholeMillisecondsSince1970)
    }

    @Test(arguments: TestBackend.available)
    func aWorkersFeedHoldsItsOwnEventsAndThoseOfTasksItHeldAfterThePositionInOrder(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let (_, workspaces) = try await F.seedWorkspaces(storage)
            let workspace = workspaces[0]
            let channel = F.taskChannel(in: workspace, uniqueName: "sms")
            let (ann, bob) = (F.worker(in: workspace, name: "Ann"), F.worker(in: workspace, name: "Bob"))
            func task(_ attributes: String) -> TaskRouterTask {
                TaskRouterTask(
                    sid: F.sid(.task), accountSid: workspace.accountSid, workspaceSid: workspace.sid, workflowSid: nil, taskQueueSid: nil,
                    taskChannelSid: channel.sid, taskChannelUniqueName: "sms", attributes: attributes, priority: 0, timeout: 3600,
                    assignmentStatus: .reserved, reason: nil, routingStep: nil, dateEnteredStep: nil, taskQueueEnteredDate: nil,
                    dateCreated: F.created, dateUpdated: F.created)
            }
            let (annsTask, bobsTask) = (task(#"{"conversationSid":"CH1"}"#), task("{}"))
            func reservation(_ task: TaskRouterTask, for worker: Worker) -> Reservation {
                var reservation = ReservationRules.create(sid: F.sid(.reservation), task: task, workerSid: worker.sid, workerName: worker.friendlyName,
                                                          reservationTimeout: 120, now: F.created)
                // Left without an expiry: a server sharing this PostgreSQL database must not find them to time out.
                reservation.expiresAt = nil
                return reservation
            }
            let reservations = [reservation(annsTask, for: ann), reservation(bobsTask, for: bob)]
            let events = [
                Self.event("reservation.created", in: workspace, worker: ann.sid),
                Self.event("reservation.created", in: workspace, worker: bob.sid),
                Self.event("task.updated", in: workspace, task: annsTask.sid),
                Self.event("task.updated", in: workspace, task: bobsTask.sid),
                Self.event("task.created", in: workspace, task: annsTask.sid),
                Self.event("worker.activity.update", in: workspace, worker: ann.sid),
            ]
            try await storage.write { session in
                try await session.taskChannels.insert(channel)
                for worker in [ann, bob] { try await session.workers.insert(worker) }
                for task in [annsTask, bobsTask] { try await session.tasks.insert(task) }
                for reservation in reservations { try await session.reservations.insert(reservation) }
                for event in events { try await session.events.insert(event) }
            }
            let types = ["reservation.created", "task.updated", "worker.activity.update"]
            let feed = try await storage.read {
                try await $0.agentFeed.events(workspaceSid: workspace.sid, workerSid: ann.sid, types: types, after: .start, limit: 10)
            }
            #expect(feed.map(\.event.sid) == [events[0], events[2], events[5]].map(\.sid))
            #expect(feed.map(\.position) == feed.map(\.position).sorted())
            let rest = try await storage.read {
                try await $0.agentFeed.events(workspaceSid: workspace.sid, workerSid: ann.sid, types: types, after: feed[0].position, limit: 1)
            }
            #expect(rest.map(\.event.sid) == [events[2].sid])
            #expect(try await storage.read { try await $0.agentFeed.eventsEnd(workspaceSid: workspace.sid) } >= feed[2].position)
            #expect(try await storage.read { try await $0.agentFeed.liveTaskAttributes(workerSid: ann.sid) } == [annsTask.attributes])
        }
    }
}
