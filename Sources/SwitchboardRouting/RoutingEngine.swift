public import Logging
public import Foundation
import Metrics
public import SwitchboardCore
public import SwitchboardStorage

/// TaskRouter's engine. Every change that can affect routing goes through this actor, which serialises them
/// in this process; each decision is committed in its own transaction, guarded by a conditional status update
/// and a locked capacity check, so the invariants hold with several processes on PostgreSQL too: no worker
/// over capacity, no task with more pending reservations than its queue's `MaxReservedWorkers` (one, unless the
/// queue reserves several workers at once), no accepted reservation lost.
public actor RoutingEngine {
    let storage: any Storage
    let time: any TimeSource
    let sids: any SidGenerator
    let logger: Logger
    /// Told, inside the same transaction, when a task completes, is canceled or is deleted.
    let observers: [any TaskLifecycleObserver]

    /// Creates the engine; `observers` hear of every task that ends.
    public init(storage: any Storage, time: any TimeSource, sids: any SidGenerator, logger: Logger, observers: [any TaskLifecycleObserver] = []) {
        self.observers = observers
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

    /// The routing model kept for each workspace between passes.
    private var models: [String: WorkspaceRoutingModel] = [:]

    /// One routing pass over the workspace: its rows read afresh, the kept model brought up to date with them
    /// (parsing and re-indexing only what changed), then each waiting task decided through the model.
    private func routeOnce(workspaceSid: String) async throws {
        guard let rows = try await storage.read({ try await WorkspaceRows.read(workspaceSid: workspaceSid, session: $0) }) else { return }
        // Taken out while the pass owns it, so that its changes do not copy it, and put back however the pass
        // ends: the next pass re-syncs it with the database before deciding anything.
        var snapshot = WorkspaceSnapshot(
            rows: rows, kept: models.removeValue(forKey: workspaceSid) ?? WorkspaceRoutingModel(multiTaskEnabled: rows.workspace.multiTaskEnabled))
        defer { models[workspaceSid] = snapshot.kept }
        let now = time.now()
        let queueOrders = snapshot.model.queueOrders
        let multiTaskEnabled = snapshot.workspace.multiTaskEnabled
        for task in RoutingPlanner.offerOrder(snapshot.pendingTasks, queueOrders: queueOrders, prioritizing: snapshot.workspace.prioritizeQueueOrder) {
            switch snapshot.decision(for: task, now: now) {
            case .reserve(var offer):
                // Another pass may have filled a chosen worker since this snapshot was read: mark them full here
                // and ask again, which offers the task to the next candidates, a bounded number of times. Each
                // reservation made counts in the snapshot, so the decision stops at the queue's MaxReservedWorkers.
                // When every candidate took it there is nobody left to ask: the candidates were all who could.
                var failures = 0
                offering: while true {
                    var someoneWasFull = false
                    for workerSid in offer.workerSids {
                        switch try await reserve(offer, for: workerSid, multiTaskEnabled: multiTaskEnabled) {
                        case .reserved:
                            snapshot.record(offer.task, reservedFor: workerSid, at: now)
                        case .workerUnavailable:
                            snapshot.markUnavailable(workerSid)
                            someoneWasFull = true
                            failures += 1
                            if failures >= Self.maximumAttemptsPerTask { break offering }
                        case .assigned, .taskTaken:
                            break offering
                        }
                    }
                    guard someoneWasFull, case .reserve(let next) = snapshot.decision(for: task, now: now) else { break }
                    offer = next
                }
            case .enterStep(let entered):
                let sids = self.sids
                try await storage.write { session in
                    guard try await session.tasks.update(entered, ifStatusIs: .pending) else { return }
                    try await Self.recordQueueChange(from: task, to: entered, events: EventLog(session: session, sids: sids, now: now))
                }
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
        let observers = self.observers
        try await storage.write { session in
            guard let canceled = TaskRules.cancel(task, reason: reason, now: now),
                  try await session.tasks.update(canceled, ifStatusIs: task.assignmentStatus) else { return }
            if reason == TaskRules.workflowTimeoutReason {
                try await Self.recordWorkflowTimeout(canceled, events: EventLog(session: session, sids: sids, now: now))
            }
            try await Self.follow(canceled, session: session, sids: sids, now: now, observers: observers)
        }
    }

    /// Records `task-queue.entered` when `placed` put the task in a queue it was not in, and `task-queue.moved`
    /// as well when it left another: the events a queue's cumulative statistics count.
    static func recordQueueChange(from previous: TaskRouterTask, to placed: TaskRouterTask, events: EventLog) async throws {
        guard let queueSid = placed.taskQueueSid, queueSid != previous.taskQueueSid else { return }
        try await events.record("task-queue.entered", task: placed, description: "Task \(placed.sid) entered TaskQueue \(queueSid)")
        if let left = previous.taskQueueSid {
            try await events.record("task-queue.moved", task: placed, description: "Task \(placed.sid) moved from TaskQueue \(left) to TaskQueue \(queueSid)")
        }
    }

    /// Records `workflow.timeout`: the task fell out of its workflow, which cancels it.
    static func recordWorkflowTimeout(_ task: TaskRouterTask, events: EventLog) async throws {
        try await events.record("workflow.timeout", task: task, description: "Task \(task.sid) timed out of Workflow \(task.workflowSid ?? "")")
    }

    /// How often one pass re-offers a task whose chosen worker turned out to be full.
    static let maximumAttemptsPerTask = 8

    /// What became of an attempt to reserve.
    enum ReserveOutcome {
        /// The reservation is pending.
        case reserved
        /// The reservation was made and accepted at once (`autoAnswer`): the task needs no other worker.
        case assigned
        /// The task is no longer waiting, or already holds as many pending reservations as its queue allows.
        case taskTaken
        /// The worker cannot take it: unavailable, full, or already offered this task.
        case workerUnavailable
    }

    /// Commits one reservation of the offered task for one worker, unless the task was taken, reached its
    /// queue's `MaxReservedWorkers`, or the worker filled up in the meantime.
    private func reserve(_ offer: Offer, for workerSid: String, multiTaskEnabled: Bool) async throws -> ReserveOutcome {
        let now = time.now()
        let sids = self.sids
        let observers = self.observers
        do {
            let outcome: ReserveOutcome = try await storage.write { session in
                guard let worker = try await session.workers.find(sid: workerSid, workspaceSid: offer.task.workspaceSid),
                      // The worker may have gone unavailable since the snapshot was read.
                      try await session.activities.find(sid: worker.activitySid, workspaceSid: worker.workspaceSid)?.available == true
                else { return .workerUnavailable }
                // The task is locked first, then the worker's channel: the order every other change uses. Under the
                // task's lock its pending reservations cannot change, so the count below holds until commit.
                guard let stored = try await session.tasks.lock(sid: offer.task.sid, workspaceSid: offer.task.workspaceSid),
                      stored.assignmentStatus.isUnassigned
                else { return .taskTaken }
                // A task already reserved keeps the step and queue its first reservation placed it in.
                var task = stored.assignmentStatus == .pending ? offer.task : stored
                var queue: TaskQueue?
                if let queueSid = task.taskQueueSid { queue = try await session.taskQueues.find(sid: queueSid, workspaceSid: task.workspaceSid) }
                let holders = try await session.reservations.all(taskSid: task.sid).filter { $0.status == .pending }.map(\.workerSid)
                guard ReservationRules.mayReserveAnother(pendingReservations: holders.count, maxReservedWorkers: queue?.maxReservedWorkers ?? 1)
                else { return .taskTaken }
                guard !holders.contains(worker.sid) else { return .workerUnavailable }
                task.assignmentStatus = .reserved
                task.dateUpdated = now
                try await session.tasks.update(task)
                let events = EventLog(session: session, sids: sids, now: now)
                try await Self.recordQueueChange(from: stored, to: task, events: events)
                guard let channel = try await session.workers.lockChannel(workerSid: worker.sid, taskChannelSid: task.taskChannelSid) else {
                    throw WorkerHasNoRoom()
                }
                let load = try await session.reservations.load(workerSid: worker.sid)
                let used = multiTaskEnabled ? load[channel.taskChannelSid, default: 0] : load.values.reduce(0, +)
                guard channel.available, used < (multiTaskEnabled ? channel.configuredCapacity : min(1, channel.configuredCapacity)) else {
                    // Rolls back the task's move to reserved along with everything else.
                    throw WorkerHasNoRoom()
                }
                var reservation = ReservationRules.create(
                    sid: sids.make(.reservation), task: task, workerSid: worker.sid, workerName: worker.friendlyName,
                    reservationTimeout: offer.reservationTimeout, now: now)
                try await session.reservations.insert(reservation)
                if let activity = queue?.reservationActivitySid {
                    try await Self.moveWorker(worker.sid, to: activity, workspaceSid: task.workspaceSid, session: session, sids: sids, now: now)
                }
                try await events.record(
                    "reservation.created", task: task, reservation: reservation,
                    description: "Reservation \(reservation.sid) created for Worker \(worker.friendlyName)")
                try await AssignmentCallbacks.queue(reservation, task: task, worker: worker, in: session, sids: sids, now: now)
                guard offer.autoAnswer else { return .reserved }
                reservation = try ReservationRules.transition(reservation, to: ReservationStatus.accepted.rawValue, now: now)
                try await Self.apply(reservation, to: &task, session: session, sids: sids, now: now, observers: observers)
                return .assigned
            }
            if outcome == .reserved || outcome == .assigned { Counter(label: RoutingMetrics.reservationsCreated).increment() }
            return outcome
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
            try await Self.enter(task, in: session, sids: sids, now: now)
        }
        try await route(workspaceSid: task.workspaceSid)
        return try await storage.read { try await $0.tasks.find(sid: task.sid, workspaceSid: task.workspaceSid) } ?? task
    }

    /// Stores a new task and records its events inside the caller's transaction, for writes that create a task
    /// together with what it is for (a Flex channel, an interaction). The caller routes the workspace after commit.
    public static func enter(_ task: TaskRouterTask, in session: any StorageSession, sids: any SidGenerator, now: Date) async throws {
        try await session.tasks.insert(task)
        let events = EventLog(session: session, sids: sids, now: now)
        try await events.record("task.created", task: task, description: "Task \(task.sid) created")
        // A task sent straight to a queue is in it from the start.
        if let queueSid = task.taskQueueSid {
            try await events.record("task-queue.entered", task: task, description: "Task \(task.sid) entered TaskQueue \(queueSid)")
        }
    }

    /// Applies a client's task update, with what a status change means for its reservations, then routes.
    public func updateTask(sid: String, workspaceSid: String, changes: TaskChanges) async throws -> TaskRouterTask? {
        let now = time.now()
        let sids = self.sids
        let observers = self.observers
        let updated = try await storage.write { session -> TaskRouterTask? in
            guard let existing = try await session.tasks.lock(sid: sid, workspaceSid: workspaceSid) else { return nil }
            let task = try TaskRules.update(existing, with: changes, now: now)
            try await session.tasks.update(task)
            if task.assignmentStatus != existing.assignmentStatus {
                try await Self.follow(task, session: session, sids: sids, now: now, observers: observers)
            }
            return task
        }
        if updated != nil { try await route(workspaceSid: workspaceSid) }
        return updated
    }

    /// Deletes a task; the capacity its reservation held is freed and routing goes on.
    public func deleteTask(sid: String, workspaceSid: String) async throws -> Bool {
        let now = time.now()
        let sids = self.sids
        let observers = self.observers
        let deleted = try await storage.write { session -> Bool in
            guard let task = try await session.tasks.lock(sid: sid, workspaceSid: workspaceSid) else { return false }
            let holders = try await session.reservations.all(taskSid: sid).map(\.workerSid)
            guard try await session.tasks.delete(sid: sid, workspaceSid: workspaceSid) else { return false }
            // The event outlives the task: cumulative statistics count deleted tasks from it.
            try await EventLog(session: session, sids: sids, now: now).record("task.deleted", task: task, description: "Task \(task.sid) deleted")
            for observer in observers { try await observer.taskEnded(task, .deleted, in: session, now: now) }
            for worker in Set(holders) { try await session.reservations.recountAssignedTasks(workerSid: worker, taskChannelSid: task.taskChannelSid) }
            return true
        }
        if deleted { try await route(workspaceSid: workspaceSid) }
        return deleted
    }

    /// Moves the task's live reservation along with the task's new status, and records the event.
    private static func follow(
        _ task: TaskRouterTask, session: any StorageSession, sids: any SidGenerator, now: Date, observers: [any TaskLifecycleObserver]
    ) async throws {
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
        if let end = TaskEnd(task.assignmentStatus) {
            for observer in observers { try await observer.taskEnded(task, end, in: session, now: now) }
        }
    }

    // MARK: Reservations

    /// Applies a worker's answer to a reservation (`ReservationStatus`), moving the task with it, then routes.
    /// `workerActivitySid` moves the worker too, as Twilio's `WorkerActivitySid` parameter does.
    public func updateReservation(
        sid: String, taskSid: String?, workerSid: String?, workspaceSid: String, status: String?, workerActivitySid: String?
    ) async throws -> Reservation? {
        let now = time.now()
        let sids = self.sids
        let observers = self.observers
        let updated = try await storage.write { session -> Reservation? in
            let found: Reservation?
            if let taskSid { found = try await session.reservations.find(sid: sid, taskSid: taskSid) }
            else if let workerSid { found = try await session.reservations.find(sid: sid, workerSid: workerSid) }
            else { found = nil }
            guard let found, found.workspaceSid == workspaceSid,
                  var (task, reservation) = try await Self.lock(found, session: session)
            else { return nil }
            if let status {
                let previous = reservation.status
                reservation = try ReservationRules.transition(reservation, to: status, now: now)
                if reservation.status != previous {
                    try await Self.apply(reservation, to: &task, session: session, sids: sids, now: now, observers: observers)
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

    /// Locks a reservation's task, then re-reads the reservation under it: two answers to one reservation queue
    /// here, and see each other's result. `nil` when either is gone.
    private static func lock(_ reservation: Reservation, session: any StorageSession) async throws -> (TaskRouterTask, Reservation)? {
        guard let task = try await session.tasks.lock(sid: reservation.taskSid, workspaceSid: reservation.workspaceSid),
              let locked = try await session.reservations.lock(sid: reservation.sid, taskSid: task.sid)
        else { return nil }
        return (task, locked)
    }

    /// What a reservation's new status means for its task: the task's own status (see
    /// `ReservationRules.taskStatus`), the queue's assignment activity for an accepting worker, and, when one
    /// worker accepts a task offered to several, the other pending reservations rescinded.
    private static func apply(
        _ reservation: Reservation, to task: inout TaskRouterTask, session: any StorageSession, sids: any SidGenerator, now: Date,
        observers: [any TaskLifecycleObserver]
    ) async throws {
        var reservation = reservation
        if reservation.status != .pending { reservation.expiresAt = nil }
        try await session.reservations.update(reservation)
        let otherPending = try await session.reservations.all(taskSid: task.sid).filter { $0.status == .pending && $0.sid != reservation.sid }
        // The first worker to accept wins; the task's offers to everyone else are withdrawn. Reservations are
        // changed before the worker's channel is locked below, the order every change keeps.
        let rescinded = reservation.status == .accepted ? otherPending.compactMap { ReservationRules.end($0, as: .rescinded, now: now) } : []
        for other in rescinded { try await session.reservations.update(other) }
        if let status = ReservationRules.taskStatus(afterMoveTo: reservation.status, otherPendingReservations: otherPending.count) {
            task.assignmentStatus = status
        }
        task.dateUpdated = now
        try await session.tasks.update(task)
        // The queue's assignment activity, when it has one, is where an accepting worker goes.
        if reservation.status == .accepted, let queueSid = task.taskQueueSid,
           let activity = try await session.taskQueues.find(sid: queueSid, workspaceSid: task.workspaceSid)?.assignmentActivitySid {
            try await moveWorker(reservation.workerSid, to: activity, workspaceSid: task.workspaceSid, session: session, sids: sids, now: now)
        }
        try await session.reservations.recountAssignedTasks(workerSid: reservation.workerSid, taskChannelSid: task.taskChannelSid)
        let events = EventLog(session: session, sids: sids, now: now)
        try await events.record("reservation.\(reservation.status.rawValue)", task: task, reservation: reservation,
                                description: "Reservation \(reservation.sid) \(reservation.status.rawValue) by Worker \(reservation.workerName)")
        for other in rescinded {
            try await events.record("reservation.rescinded", task: task, reservation: other,
                                    description: "Reservation \(other.sid) rescinded: Worker \(reservation.workerName) accepted Task \(task.sid)")
        }
        if reservation.status == .completed || reservation.status == .wrapping {
            try await events.record(reservation.status == .completed ? "task.completed" : "task.wrapup", task: task,
                                    description: "Task \(task.sid) \(task.assignmentStatus.rawValue)")
        }
        if reservation.status == .completed, let end = TaskEnd(task.assignmentStatus) {
            for observer in observers { try await observer.taskEnded(task, end, in: session, now: now) }
        }
    }

    static func moveWorker(_ workerSid: String, to activitySid: String, workspaceSid: String, session: any StorageSession, sids: any SidGenerator, now: Date) async throws {
        guard var worker = try await session.workers.find(sid: workerSid, workspaceSid: workspaceSid) else { return }
        guard let activity = try await session.activities.find(sid: activitySid, workspaceSid: workspaceSid) else {
            throw TwilioError.invalidParameter("WorkerActivitySid \(activitySid) is not an activity of this workspace")
        }
        guard worker.activitySid != activitySid else { return }
        let previous = worker
        worker.activitySid = activitySid
        worker.dateStatusChanged = now
        worker.dateUpdated = now
        try await session.workers.update(worker)
        try await recordActivityChange(from: previous, to: worker, activity: activity, in: session, sids: sids, now: now)
    }

    /// After a worker update made through the Workers API (its events recorded in that update's transaction),
    /// rejects the worker's pending reservations when the update said `RejectPendingReservations`, then routes:
    /// an available worker may take work, and the tasks of rejected reservations move on to other workers.
    public func workerChanged(_ worker: Worker, rejectingPendingReservations: Bool = false) async throws {
        let now = time.now()
        let sids = self.sids
        let observers = self.observers
        if rejectingPendingReservations {
            let pending = try await storage.read { session in
                try await session.reservations.list(workerSid: worker.sid, status: .pending, page: PageRequest(size: PageRequest.maximumSize)).items
            }
            for reservation in pending {
                // Each in its own transaction, under its task's lock: one the worker answers meanwhile stays answered.
                try await storage.write { session in
                    guard case (var task, let locked)? = try await Self.lock(reservation, session: session), locked.status == .pending else { return }
                    let rejected = try ReservationRules.transition(locked, to: ReservationStatus.rejected.rawValue, now: now)
                    try await Self.apply(rejected, to: &task, session: session, sids: sids, now: now, observers: observers)
                }
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
        let observers = self.observers
        var touched = Set<String>()
        for expired in try await storage.read({ try await $0.reservations.expired(before: now) }) {
            // Each reservation on its own: one that cannot be ended must not hold up every other workspace's timers.
            do {
                let timedOut = try await storage.write { session -> Bool in
                    guard case (var task, let pending)? = try await Self.lock(expired, session: session),
                          let reservation = ReservationRules.end(pending, as: .timeout, now: now),
                          let workspace = try await session.workspaces.find(sid: reservation.workspaceSid, accountSid: reservation.accountSid)
                    else { return false }
                    try await Self.apply(reservation, to: &task, session: session, sids: sids, now: now, observers: observers)
                    // Twilio moves a worker who let a reservation time out to the workspace's timeout activity; a
                    // workspace whose timeout activity is gone leaves the worker where they are.
                    if try await session.activities.find(sid: workspace.timeoutActivitySid, workspaceSid: workspace.sid) != nil {
                        try await Self.moveWorker(reservation.workerSid, to: workspace.timeoutActivitySid, workspaceSid: workspace.sid,
                                                  session: session, sids: sids, now: now)
                    }
                    return true
                }
                if timedOut {
                    touched.insert(expired.workspaceSid)
                    Counter(label: RoutingMetrics.reservationsTimedOut).increment()
                }
            } catch {
                logger.error("could not time out a reservation", metadata: [
                    "reservation_sid": "\(expired.sid)", "workspace_sid": "\(expired.workspaceSid)", "error": "\(String(reflecting: error))"])
            }
        }
        for workspaceSid in try await storage.read({ try await $0.tasks.workspacesWithTasks(in: [.pending, .reserved]) }) {
            do {
                if try await advanceWaitingTasks(workspaceSid: workspaceSid, now: now) { touched.insert(workspaceSid) }
            } catch {
                logger.error("could not advance a workspace's waiting tasks", metadata: [
                    "workspace_sid": "\(workspaceSid)", "error": "\(String(reflecting: error))"])
            }
        }
        for workspaceSid in touched { try await route(workspaceSid: workspaceSid) }
    }

    /// Cancels tasks past their timeout, and moves pending tasks whose target timed out to their next step,
    /// or cancels them when their workflow has none. Step deadlines add up along the task's age, as Twilio's do.
    private func advanceWaitingTasks(workspaceSid: String, now: Date) async throws -> Bool {
        let sids = self.sids
        let observers = self.observers
        return try await storage.write { session -> Bool in
            var changed = false
            var configurations: [String: WorkflowConfiguration] = [:]
            var workers: WorkspaceSnapshot?
            var workersRead = false
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
                    try await Self.follow(canceled, session: session, sids: sids, now: now, observers: observers)
                    changed = true
                    continue
                }
                guard task.assignmentStatus == .pending, let step = task.routingStep, let configuration,
                      let deadline = RoutingPlanner.deadline(of: task, in: configuration), now >= deadline,
                      let attributes = try? task.parsedAttributes()
                else { continue }
                if let next = RoutingPlanner.nextStep(after: step, in: configuration, attributes: attributes) {
                    // Twilio evaluates `skip_if` as a task enters a target; only then are the workers needed.
                    if RoutingPlanner.target(of: next, in: configuration)?.target?.skipIf != nil, !workersRead {
                        workers = try await WorkspaceSnapshot.load(workspaceSid: workspaceSid, session: session)
                        workersRead = true
                    }
                    let entered = workers.map { $0.enter(next, task: task, attributes: attributes, configuration: configuration, enteredAt: deadline, now: now) }
                        ?? RoutingPlanner.enter(next, task: task, configuration: configuration, enteredAt: deadline, now: now)
                    if let entered {
                        try await session.tasks.update(entered)
                        try await Self.recordQueueChange(from: task, to: entered, events: EventLog(session: session, sids: sids, now: now))
                    }
                } else if let canceled = TaskRules.cancel(task, reason: TaskRules.workflowTimeoutReason, now: now) {
                    try await session.tasks.update(canceled)
                    try await Self.recordWorkflowTimeout(canceled, events: EventLog(session: session, sids: sids, now: now))
                    try await Self.follow(canceled, session: session, sids: sids, now: now, observers: observers)
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
