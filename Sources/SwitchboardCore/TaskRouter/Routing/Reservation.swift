public import struct Foundation.Date

/// A Reservation: TaskRouter's offer of one task to one worker, and the worker's answer.
public struct Reservation: Sendable, Equatable {
    /// The `WR…` SID.
    public var sid: String
    /// The owning account.
    public var accountSid: String
    /// The workspace of the task and the worker.
    public var workspaceSid: String
    /// The task offered.
    public var taskSid: String
    /// The worker it is offered to.
    public var workerSid: String
    /// The worker's friendly name when the reservation was made (`worker_name`).
    public var workerName: String
    /// Where the reservation is in its life.
    public var status: ReservationStatus
    /// When a pending reservation times out; `nil` once it is no longer pending.
    public var expiresAt: Date?
    /// When the reservation was created.
    public var dateCreated: Date
    /// When the reservation last changed.
    public var dateUpdated: Date

    /// Creates a reservation value.
    public init(
        sid: String, accountSid: String, workspaceSid: String, taskSid: String, workerSid: String, workerName: String,
        status: ReservationStatus, expiresAt: Date?, dateCreated: Date, dateUpdated: Date
    ) {
        self.sid = sid
        self.accountSid = accountSid
        self.workspaceSid = workspaceSid
        self.taskSid = taskSid
        self.workerSid = workerSid
        self.workerName = workerName
        self.status = status
        self.expiresAt = expiresAt
        self.dateCreated = dateCreated
        self.dateUpdated = dateUpdated
    }
}
