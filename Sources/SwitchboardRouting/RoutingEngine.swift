public import Logging
import Foundation
public import SwitchboardCore
public import SwitchboardStorage

/// TaskRouter's engine. Every change that can affect routing goes through this actor, which serialises them
/// in this process; each decision is committed in its own transaction, guarded by a conditional status update
/// and a locked capacity check, so the invariants hold with several processes on PostgreSQL too: no worker
/// over capacity, no task with two pending reservations, no accepted reservation lost.
public actor RoutingEngine {
    let storage: any Storage
    let time: any TimeSource
    let sids: any SidGenerator
    let logger: Logger

    /// Creates the engine.
    public init(storage: any Storage, time: any TimeSource, sids: any SidGenerator, logger: Logger) {
        self.storage = storage
        self.time = time
        self.sids = sids
        self.logger = logger
    }

    // MARK: Routing

    /// Routing requests per workspace, so that concurrent requests share passes.
    private var passes: [String: RoutingPasses] = [:]

    /// Offers the workspace's waiting tasks, most urgent first, to the workers who can take them now.
    ///
    /// Returns once a pass that started after this call has finished, so everything the caller committed
    /// before calling has been considered. Concurrent callers share passes: while one runs, later requests
    /// wait for the next, which covers them all, instead of each reading the whole workspace again.
    public func route(workspaceSid: String) async throws {
        var state = passes[workspaceSid, default: RoutingPasses()]
        state.requested += 1
        let ticket = state.requested
        guard !state.running else {
            passes[workspaceSid] = state
            await withCheckedContinuation { passes[workspaceSid]?.waiters.append((ticket, $0)) }
            return
        }
        state.running = true
        passes[workspaceSid] = state
        while true {
            let covered = passes[workspaceSid]?.requested ?? ticket
            do {
                try await routeOnce(workspaceSid: workspaceSid)
            } catch {
                // The tasks stay waiting and the next pass or timer tick tries again; a caller's own change committed.
                logger.error("routing pass failed", metadata: ["workspace_sid": "\(workspaceSid)", "error": "\(String(reflecting: error))"])
            }
            guard var current = passes[workspaceSid] else { return }
            let ready = current.waiters.filter { $0.ticket <= covered }
            current.waiters.removeAll { $0.ticket <= covered }
            let done = current.requested == covered
            if done { current.running = false }
            passes[workspaceSid] = done && current.waiters.isEmpty ? nil : current
            for waiter in ready { waiter.continuation.resume() }
            if done { return }
        }
    }

    /// One routing pass over the workspace.
    private func routeOnce(workspaceSid: String) async throws {
        guard var snapshot = try await storage.read({ try await WorkspaceSnapshot.load(workspaceSid: workspaceSid, session: $0) }) else { return }
        let now = time.now()
        let queueOrders = snapshot.queues.mapValues(\.taskOrder)
        for task in RoutingPlanner.offerOrder(snapshot.pendingTasks, queueOrders: queueOrders, prioritizing: snapshot.workspace.prioritizeQueueOrder) {
            switch snapshot.decision(for: task, now: now) {
            case .reserve(var offer):
                // Another pass may have filled the chosen worker since this snapshot was read: mark them full
                // here and offer the task to the next candidate, a bounded number of times.
                for _ in 0..<Self.maximumAttemptsPerTask {
                    let outcome = try await reserve(offer, multiTaskEnabled: snapshot.workspace.multiTaskEnabled)
                    guard outcome == .workerUnavailable else {
                        if outcome == .reserved { snapshot.record(offer, at: now) }
                        break
                    }
                    snapshot.markUnavailable(offer.workerSid)
                    guard case .reserve(let next) = snapshot.decision(for: task, now: now) else { break }
                    offer = next
                }
            case .enterStep(let entered):
                try await storage.write { session in _ = try await session.tasks.update(entered, ifStatusIs: .pending) }
            case .cancel(let reason):
                try await cancel(task, reason: reason)
            case .wait:
                continue
            }
        }
    }

    /// Cancels a waiting task that cannot be routed, with its reason and events.
    private func cancel(_ task: TaskRouterTask, reason: String) async throws {
        let now = time.now()
        let sids = self.sids
        try await storage.write { session in
            guard let canceled = TaskRules.cancel(task, reason: reason, now: now),
                  try await session.tasks.update(canceled, ifStatusIs: task.assignmentStatus) else { return }
            try await Self.follow(canceled, session: session, sids: sids, now: now)
        }
    }

    /// How often one pass re-offers a task whose chosen worker turned out to be full.
    static let maximumAttemptsPerTask = 8

    /// What became of an attempt to reserve.
    enum ReserveOutcome { case reserved, taskTaken, workerUnavailable }

    /// Commits one reservation, unless the task was taken or the worker filled up in the meantime.
    private func reserve(_ offer: Offer, multiTaskEnabled: Bool) async throws -> ReserveOutcome {
        let now = time.now()
        let sids = self.sids
        do {
            return try await storage.write { session in
                guard let worker = try await session.workers.find(sid: offer.workerSid, workspaceSid: offer.task.workspaceSid),
                      // The worker may have gone unavailable since the snapshot was read.
                      try await session.activities.find(sid: worker.activitySid, workspaceSid: worker.workspaceSid)?.available == true
                else { return .workerUnavailable }
                var task = offer.task
                task.assignmentStatus = .reserved
                task.dateUpdated = now
                // The task is locked first, then the worker's channel: the order every other change uses.
                guard try await session.tasks.update(task, ifStatusIs: .pending) else { return .taskTaken }
                guard let channel = try await session.workers.lockChannel(workerSid: worker.sid, taskChannelSid: task.taskChannelSid) else {
                    throw WorkerHasNoRoom()
                }
                let load = try await session.reservations.load(workerSid: worker.sid)
                let used = multiTaskEnabled ? load[channel.taskChannelSid, default: 0] : load.values.reduce(0, +)
                guard channel.available, used < (multiTaskEnabled ? channel.configuredCapacity : min(1, channel.configuredCapacity)) else {
                    // Rolls back the task's move to reserved along with everything else.
                    throw WorkerHasNoRoom()
                }
                var reservation = Reservation(
                    sid: sids.make(.reservation), accountSid: task.accountSid, workspaceSid: task.workspaceSid, taskSid: task.sid,
                    workerSid: worker.sid, workerName: worker.friendlyName, status: .pending,
                    expiresAt: now.addingTimeInterval(Double(offer.reservationTimeout)), dateCreated: now, dateUpdated: now)
                try await session.reservations.insert(reservation)
                var queue: TaskQueue?
                if let queueSid = task.taskQueueSid { queue = try await session.taskQueues.find(sid: queueSid, workspaceSid: task.workspaceSid) }
                if let activity = queue?.reservationActivitySid {
                    try await Self.moveWorker(worker.sid, to: activity, workspaceSid: task.workspaceSid, session: session, sids: sids, now: now)
                }
                let events = EventLog(session: session, sids: sids, now: now)
                try await events.record("reservation.created", task: task, reservation: reservation,
                                        description: "Reservation \(reservation.sid) created for Worker \(worker.friendlyName)")
                if offer.autoAnswer {
                    reservation.status = .accepted
                    reservation.expiresAt = nil
                    task.assignmentStatus = .assigned
                    try await session.reservations.update(reservation)
                    try await session.tasks.update(task)
                    try await session.reservations.recountAssignedTasks(workerSid: worker.sid, taskChannelSid: task.taskChannelSid)
                    if let activity = queue?.assignmentActivitySid {
                        try await Self.moveWorker(worker.sid, to: activity, workspaceSid: task.workspaceSid, session: session, sids: sids, now: now)
                    }
                    try await events.record("reservation.accepted", task: task, reservation: reservation,
                                            description: "Reservation \(reservation.sid) accepted by Worker \(worker.friendlyName)")
                }
                return .reserved
            }
        } catch is WorkerHasNoRoom {
            return .workerUnavailable
        }
    }

    // MARK: Tasks

    /// Stores a new task, records `task.created`, and routes it.
    public func createTask(_ task: TaskRouterTask) async throws -> TaskRouterTask {
        let now = time.now()
        let sids = self.sids
        try await storage.write { session in
            try await session.tasks.insert(task)
            try await EventLog(session: session, sids: sids, now: now).record("task.created", task: task, description: "Task \(task.sid) created")
        }
        try await route(workspaceSid: task.workspaceSid)
        return try await storage.read { try await $0.tasks.find(sid: task.sid, workspaceSid: task.workspaceSid) } ?? task
    }

    /// Applies a client's task update, with what a status change means for its reservations, then routes.
    public func updateTask(sid: String, workspaceSid: String, changes: TaskChanges) async throws -> TaskRouterTask? {
        let now = time.now()
        let sids = self.sids
        let updated = try await storage.write { session -> TaskRouterTask? in
            guard let existing = try await session.tasks.lock(sid: sid, workspaceSid: workspaceSid) else { return nil }
            let task = try TaskRules.update(existing, with: changes, now: now)
            try await session.tasks.update(task)
            if task.assignmentStatus != existing.assignmentStatus {
                try await Self.follow(task, session: session, sids: sids, now: now)
            }
            return task
        }
        if updated != nil { try await route(workspaceSid: workspaceSid) }
        return updated
    }

    /// Deletes a task; the capacity its reservation held is freed and routing goes on.
    public func deleteTask(sid: String, workspaceSid: String) async throws -> Bool {
        let deleted = try await storage.write { session -> Bool in
            guard let task = try await session.tasks.lock(sid: sid, workspaceSid: workspaceSid) else { return false }
            let holders = try await session.reservations.all(taskSid: sid).map(\.workerSid)
            guard try await session.tasks.delete(sid: sid, workspaceSid: workspaceSid) else { return false }
            for worker in Set(holders) { try await session.reservations.recountAssignedTasks(workerSid: worker, taskChannelSid: task.taskChannelSid) }
            return true
        }
        if deleted { try await route(workspaceSid: workspaceSid) }
        return deleted
    }

    /// Moves the task's live reservation along with the task's new status, and records the event.
    private static func follow(_ task: TaskRouterTask, session: any StorageSession, sids: any SidGenerator, now: Date) async throws {
        let events = EventLog(session: session, sids: sids, now: now)
        let live = try await session.reservations.all(taskSid: task.sid).filter { [.pending, .accepted, .wrapping].contains($0.status) }
        let reservationStatus: ReservationStatus?
        let eventType: String
        switch task.assignmentStatus {
        case .canceled: (reservationStatus, eventType) = (.canceled, "task.canceled")
        case .wrapping: (reservationStatus, eventType) = (.wrapping, "task.wrapup")
        case .completed: (reservationStatus, eventType) = (.completed, "task.completed")
        default: (reservationStatus, eventType) = (nil, "task.updated")
        }
        for var reservation in live {
            guard let reservationStatus else { break }
            reservation.status = reservationStatus
            reservation.expiresAt = nil
            reservation.dateUpdated = now
            try await session.reservations.update(reservation)
            try await session.reservations.recountAssignedTasks(workerSid: reservation.workerSid, taskChannelSid: task.taskChannelSid)
            try await events.record("reservation.\(reservationStatus.rawValue)", task: task, reservation: reservation,
                                    description: "Reservation \(reservation.sid) \(reservationStatus.rawValue)")
        }
        try await events.record(eventType, task: task, description: "Task \(task.sid) \(task.assignmentStatus.rawValue)")
    }

    // MARK: Reservations

    /// Applies a worker's answer to a reservation (`ReservationStatus`), moving the task with it, then routes.
    /// `workerActivitySid` moves the worker too, as Twilio's `WorkerActivitySid` parameter does.
    public func updateReservation(
        sid: String, taskSid: String?, workerSid: String?, workspaceSid: String, status: String?, workerActivitySid: String?
    ) async throws -> Reservation? {
        let now = time.now()
        let sids = self.sids
        let updated = try await storage.write { session -> Reservation? in
            let found: Reservation?
            if let taskSid { found = try await session.reservations.find(sid: sid, taskSid: taskSid) }
            else if let workerSid { found = try await session.reservations.find(sid: sid, workerSid: workerSid) }
            else { found = nil }
            // Lock the task, then re-read the reservation under it: two answers to one reservation queue here.
            guard let scoped = found, scoped.workspaceSid == workspaceSid,
                  var task = try await session.tasks.lock(sid: scoped.taskSid, workspaceSid: workspaceSid),
                  var reservation = try await session.reservations.lock(sid: scoped.sid, taskSid: task.sid)
            else { return nil }
            if let status {
                let previous = reservation.status
                reservation = try ReservationRules.transition(reservation, to: status, now: now)
                if reservation.status != previous {
                    try await Self.apply(reservation, to: &task, session: session, sids: sids, now: now)
                }
            }
            if let workerActivitySid {
                try await Self.moveWorker(reservation.workerSid, to: workerActivitySid, workspaceSid: workspaceSid, session: session, sids: sids, now: now)
            }
            return reservation
        }
        if updated != nil { try await route(workspaceSid: workspaceSid) }
        return updated
    }

    /// What a reservation's new status means for its task.
    private static func apply(_ reservation: Reservation, to task: inout TaskRouterTask, session: any StorageSession, sids: any SidGenerator, now: Date) async throws {
        var reservation = reservation
        if reservation.status != .pending { reservation.expiresAt = nil }
        try await session.reservations.update(reservation)
        switch reservation.status {
        case .accepted:
            task.assignmentStatus = .assigned
            // The queue's assignment activity, when it has one, is where an accepting worker goes.
            if let queueSid = task.taskQueueSid,
               let activity = try await session.taskQueues.find(sid: queueSid, workspaceSid: task.workspaceSid)?.assignmentActivitySid {
                try await moveWorker(reservation.workerSid, to: activity, workspaceSid: task.workspaceSid, session: session, sids: sids, now: now)
            }
        case .rejected, .timeout: task.assignmentStatus = .pending
        case .wrapping: task.assignmentStatus = .wrapping
        case .completed: task.assignmentStatus = .completed
        case .canceled, .rescinded, .pending: break
        }
        task.dateUpdated = now
        try await session.tasks.update(task)
        try await session.reservations.recountAssignedTasks(workerSid: reservation.workerSid, taskChannelSid: task.taskChannelSid)
        let events = EventLog(session: session, sids: sids, now: now)
        try await events.record("reservation.\(reservation.status.rawValue)", task: task, reservation: reservation,
                                description: "Reservation \(reservation.sid) \(reservation.status.rawValue) by Worker \(reservation.workerName)")
        if reservation.status == .completed || reservation.status == .wrapping {
            try await events.record(reservation.status == .completed ? "task.completed" : "task.wrapup", task: task,
                                    description: "Task \(task.sid) \(task.assignmentStatus.rawValue)")
        }
    }

    static func moveWorker(_ workerSid: String, to activitySid: String, workspaceSid: String, session: any StorageSession, sids: any SidGenerator, now: Date) async throws {
        guard var worker = try await session.workers.find(sid: workerSid, workspaceSid: workspaceSid) else { return }
        guard let activity = try await session.activities.find(sid: activitySid, workspaceSid: workspaceSid) else {
            throw TwilioError.invalidParameter("WorkerActivitySid \(activitySid) is not an activity of this workspace")
        }
        guard worker.activitySid != activitySid else { return }
        worker.activitySid = activitySid
        worker.dateStatusChanged = now
        worker.dateUpdated = now
        try await session.workers.update(worker)
        try await EventLog(session: session, sids: sids, now: now).recordWorkerActivity(worker, activityName: activity.friendlyName)
    }

    /// Records a worker's activity change made through the Workers API, then routes: an available worker may take work.
    public func workerChanged(_ worker: Worker, activityChangedTo activityName: String?) async throws {
        if let activityName {
            let now = time.now()
            let sids = self.sids
            try await storage.write { session in
                try await EventLog(session: session, sids: sids, now: now).recordWorkerActivity(worker, activityName: activityName)
            }
        }
        try await route(workspaceSid: worker.workspaceSid)
    }

    // MARK: Timers

    /// Times out expired reservations, moves waiting tasks past targets whose time ran out, cancels tasks
    /// past their own timeout, and routes every workspace that changed.
    public func expire() async throws {
        let now = time.now()
        let sids = self.sids
        var touched = Set<String>()
        for expired in try await storage.read({ try await $0.reservations.expired(before: now) }) {
            let timedOut = try await storage.write { session -> Bool in
                guard var task = try await session.tasks.lock(sid: expired.taskSid, workspaceSid: expired.workspaceSid),
                      var reservation = try await session.reservations.lock(sid: expired.sid, taskSid: task.sid), reservation.status == .pending,
                      let workspace = try await session.workspaces.find(sid: reservation.workspaceSid, accountSid: reservation.accountSid)
                else { return false }
                reservation.status = .timeout
                reservation.dateUpdated = now
                try await Self.apply(reservation, to: &task, session: session, sids: sids, now: now)
                // Twilio moves a worker who let a reservation time out to the workspace's timeout activity.
                try await Self.moveWorker(reservation.workerSid, to: workspace.timeoutActivitySid, workspaceSid: workspace.sid, session: session, sids: sids, now: now)
                return true
            }
            if timedOut { touched.insert(expired.workspaceSid) }
        }
        for workspaceSid in try await storage.read({ try await $0.tasks.workspacesWithTasks(in: [.pending, .reserved]) }) {
            if try await advanceWaitingTasks(workspaceSid: workspaceSid, now: now) { touched.insert(workspaceSid) }
        }
        for workspaceSid in touched { try await route(workspaceSid: workspaceSid) }
    }

    /// Cancels tasks past their timeout, and moves pending tasks whose target timed out to their next step,
    /// or cancels them when their workflow has none. Step deadlines add up along the task's age, as Twilio's do.
    private func advanceWaitingTasks(workspaceSid: String, now: Date) async throws -> Bool {
        let sids = self.sids
        return try await storage.write { session -> Bool in
            var changed = false
            var configurations: [String: WorkflowConfiguration] = [:]
            for candidate in try await session.tasks.all(workspaceSid: workspaceSid, statuses: [.pending, .reserved]) {
                var configuration: WorkflowConfiguration?
                if let workflowSid = candidate.workflowSid {
                    if configurations[workflowSid] == nil {
                        configurations[workflowSid] = try? await session.workflows.find(sid: workflowSid, workspaceSid: workspaceSid)?.parsedConfiguration()
                    }
                    configuration = configurations[workflowSid]
                }
                let stepDeadline = configuration.flatMap { RoutingPlanner.deadline(of: candidate, in: $0) }
                let expired = candidate.expiresAt <= now
                let stepOver = candidate.assignmentStatus == .pending && stepDeadline.map { now >= $0 } == true
                // Only a task that needs changing is locked and re-read: a worker may be accepting it right now.
                guard expired || stepOver,
                      let task = try await session.tasks.lock(sid: candidate.sid, workspaceSid: workspaceSid),
                      task.assignmentStatus.isUnassigned
                else { continue }
                if expired, let canceled = TaskRules.cancel(task, reason: TaskRules.ttlExceededReason, now: now) {
                    try await session.tasks.update(canceled)
                    try await Self.follow(canceled, session: session, sids: sids, now: now)
                    changed = true
                    continue
                }
                guard task.assignmentStatus == .pending, let step = task.routingStep, let configuration,
                      let deadline = RoutingPlanner.deadline(of: task, in: configuration), now >= deadline,
                      let attributes = try? task.parsedAttributes()
                else { continue }
                if let next = RoutingPlanner.nextStep(after: step, in: configuration, attributes: attributes),
                   let entered = RoutingPlanner.enter(next, task: task, configuration: configuration, enteredAt: deadline, now: now) {
                    try await session.tasks.update(entered)
                } else if let canceled = TaskRules.cancel(task, reason: TaskRules.workflowTimeoutReason, now: now) {
                    try await session.tasks.update(canceled)
                    try await Self.follow(canceled, session: session, sids: sids, now: now)
                }
                changed = true
            }
            return changed
        }
    }
}

/// The routing requests of one workspace: how many were made, whether a pass is running, and who waits.
struct RoutingPasses {
    var requested = 0
    var running = false
    var waiters: [(ticket: Int, continuation: CheckedContinuation<Void, Never>)] = []
}

/// Thrown inside a reservation's transaction to undo it when the worker turned out to be full.
struct WorkerHasNoRoom: Error {}
