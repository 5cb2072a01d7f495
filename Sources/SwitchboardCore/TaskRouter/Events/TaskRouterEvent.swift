public import Foundation

/// Something that happened in a workspace, as TaskRouter's Events list records it (`task.created`,
/// `reservation.accepted`, `worker.activity.update`, …).
public struct TaskRouterEvent: Sendable, Equatable {
    /// The `EV…` SID.
    public var sid: String
    /// The owning account.
    public var accountSid: String
    /// The workspace it happened in.
    public var workspaceSid: String
    /// Twilio's event type, such as `reservation.created`.
    public var eventType: String
    /// The kind of resource it happened to: `task`, `reservation`, `worker`.
    public var resourceType: String
    /// The SID of that resource.
    public var resourceSid: String
    /// The task the event concerns, if any.
    public var taskSid: String?
    /// The worker the event concerns, if any.
    public var workerSid: String?
    /// A sentence saying what happened.
    public var description: String
    /// Twilio's event fields (`TaskSid`, `WorkerSid`, `TaskAttributes`, …) as a JSON object text.
    public var eventData: String
    /// When it happened, in milliseconds since 1970.
    public var eventDateMilliseconds: Int64

    /// Creates an event value.
    public init(sid: String, accountSid: String, workspaceSid: String, eventType: String, resourceType: String,
                resourceSid: String, taskSid: String?, workerSid: String?, description: String, eventData: String, eventDateMilliseconds: Int64) {
        self.sid = sid
        self.accountSid = accountSid
        self.workspaceSid = workspaceSid
        self.eventType = eventType
        self.resourceType = resourceType
        self.resourceSid = resourceSid
        self.taskSid = taskSid
        self.workerSid = workerSid
        self.description = description
        self.eventData = eventData
        self.eventDateMilliseconds = eventDateMilliseconds
    }

    /// When it happened.
    public var eventDate: Date { Date(timeIntervalSince1970: Double(eventDateMilliseconds) / 1000) }
}
