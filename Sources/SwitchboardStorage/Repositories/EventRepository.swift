public import SwitchboardCore

/// The event log of workspaces.
public protocol EventRepository: Sendable {
    /// Records an event.
    func insert(_ event: TaskRouterEvent) async throws
    /// The event with this SID in this workspace.
    func find(sid: String, workspaceSid: String) async throws -> TaskRouterEvent?
    /// The workspace's events that pass `filter`, oldest first.
    func list(workspaceSid: String, filter: EventFilter, page: PageRequest) async throws -> Page<TaskRouterEvent>
}

/// Which events an event list returns; every filter set must hold.
public struct EventFilter: Sendable, Equatable {
    /// Only events of this type.
    public var eventType: String?
    /// Only events concerning this task.
    public var taskSid: String?
    /// Only events concerning this worker.
    public var workerSid: String?
    /// Only events of this reservation.
    public var reservationSid: String?

    /// Creates a filter.
    public init(eventType: String? = nil, taskSid: String? = nil, workerSid: String? = nil, reservationSid: String? = nil) {
        self.eventType = eventType
        self.taskSid = taskSid
        self.workerSid = workerSid
        self.reservationSid = reservationSid
    }
}
