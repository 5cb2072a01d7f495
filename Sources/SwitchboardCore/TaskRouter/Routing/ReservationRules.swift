public import struct Foundation.Date

/// How reservations begin, answer and end.
///
/// A client moves a reservation with `ReservationStatus`: a `pending` one to `accepted` or `rejected`, an
/// `accepted` one to `wrapping` or `completed`, a `wrapping` one to `completed`. `timeout`, `canceled` and
/// `rescinded` are TaskRouter's own verdicts on a pending reservation (`end(_:as:now:)`). Twilio documents no
/// error codes for refused changes, so they are 20001.
public enum ReservationRules {
    /// A new pending reservation of `task` for a worker, expiring after the workflow's `TaskReservationTimeout`.
    public static func create(
        sid: String, task: TaskRouterTask, workerSid: String, workerName: String, reservationTimeout: Int, now: Date
    ) -> Reservation {
        Reservation(
            sid: sid,
            accountSid: task.accountSid,
            workspaceSid: task.workspaceSid,
            taskSid: task.sid,
            workerSid: workerSid,
            workerName: workerName,
            status: .pending,
            expiresAt: now.addingTimeInterval(Double(reservationTimeout)),
            dateCreated: now,
            dateUpdated: now
        )
    }

    /// The reservation after a client's `ReservationStatus` update, or a 20001 when the change is not one a
    /// client may make from the current status.
    public static func transition(_ reservation: Reservation, to raw: String, now: Date) throws(TwilioError) -> Reservation {
        guard let status = ReservationStatus(rawValue: raw) else {
            let names = ReservationStatus.allCases.map(\.rawValue).joined(separator: ", ")
            throw .invalidParameter("ReservationStatus must be one of \(names); got '\(raw)'")
        }
        guard clientMoves(from: reservation.status).contains(status) else {
            throw .invalidParameter(
                "Reservation \(reservation.sid) is \(reservation.status.rawValue) and cannot be updated to \(status.rawValue)")
        }
        return moved(reservation, to: status, now: now)
    }

    /// The `ReservationStatus` a reservation update asks for, from `ReservationStatus` and `Instruction` (both as
    /// sent); `nil` when neither was sent.
    ///
    /// Switchboard places no calls, so of Twilio's assignment instructions only `accept` and `reject` mean
    /// something here: they answer the reservation as `ReservationStatus` `accepted` and `rejected` do. The
    /// voice instructions (`conference`, `call`, `dequeue`, `redirect`, `supervise`) are refused with a 20001
    /// rather than ignored, since nothing would happen that the client asked for; so is an unknown instruction,
    /// and one that contradicts the `ReservationStatus` sent with it.
    public static func requestedStatus(reservationStatus: String?, instruction: String?) throws(TwilioError) -> String? {
        guard let instruction else { return reservationStatus }
        let implied: ReservationStatus
        switch instruction.lowercased() {
        case "accept": implied = .accepted
        case "reject": implied = .rejected
        case let voice where voiceInstructions.contains(voice):
            throw .invalidParameter(
                "Instruction '\(instruction)' needs a voice call, which Switchboard does not place; answer the reservation with Instruction=accept, Instruction=reject or ReservationStatus")
        default:
            throw .invalidParameter("Instruction must be one of accept, reject, \(voiceInstructions.joined(separator: ", ")); got '\(instruction)'")
        }
        if let reservationStatus, reservationStatus != implied.rawValue {
            throw .invalidParameter("Instruction '\(instruction)' contradicts ReservationStatus '\(reservationStatus)'")
        }
        return implied.rawValue
    }

    /// Twilio's assignment instructions that act on a voice call.
    static let voiceInstructions = ["conference", "call", "dequeue", "redirect", "supervise"]

    /// Ends a pending reservation on TaskRouter's initiative: `timeout` when nobody answered in time,
    /// `canceled` when its task was canceled, `rescinded` when another worker took the task. `nil` when the
    /// reservation is no longer pending or the status is not one of these, so nothing changes.
    public static func end(_ reservation: Reservation, as status: ReservationStatus, now: Date) -> Reservation? {
        guard reservation.status == .pending, status == .timeout || status == .canceled || status == .rescinded else { return nil }
        return moved(reservation, to: status, now: now)
    }

    /// The status a reservation's move gives its task, or `nil` when the task stays as it is.
    ///
    /// With multi-reservation (a queue's `MaxReservedWorkers` above 1) a task is offered to several workers at
    /// once, so a rejection or a timeout returns the task to `pending` only when none of its other reservations
    /// is still pending; until then it stays `reserved`. An acceptance assigns the task, and the engine rescinds
    /// the other pending reservations (`end(_:as:now:)` with `rescinded`).
    public static func taskStatus(afterMoveTo status: ReservationStatus, otherPendingReservations: Int) -> TaskAssignmentStatus? {
        switch status {
        case .accepted: .assigned
        case .rejected, .timeout: otherPendingReservations > 0 ? .reserved : .pending
        case .wrapping: .wrapping
        case .completed: .completed
        case .pending, .canceled, .rescinded: nil
        }
    }

    /// Whether a task holding `pendingReservations` pending reservations may be offered to one more worker in a
    /// queue whose `MaxReservedWorkers` is `maxReservedWorkers`.
    public static func mayReserveAnother(pendingReservations: Int, maxReservedWorkers: Int) -> Bool {
        pendingReservations < max(1, maxReservedWorkers)
    }

    /// Whether a pending reservation's answer is overdue at `now`.
    public static func isExpired(_ reservation: Reservation, at now: Date) -> Bool {
        guard reservation.status == .pending, let expiresAt = reservation.expiresAt else { return false }
        return now >= expiresAt
    }

    /// The statuses a client may move a reservation to from `status`.
    static func clientMoves(from status: ReservationStatus) -> Set<ReservationStatus> {
        switch status {
        case .pending: [.accepted, .rejected]
        case .accepted: [.wrapping, .completed]
        case .wrapping: [.completed]
        case .rejected, .timeout, .canceled, .rescinded, .completed: []
        }
    }

    private static func moved(_ reservation: Reservation, to status: ReservationStatus, now: Date) -> Reservation {
        var moved = reservation
        moved.status = status
        // Only a pending reservation can time out.
        moved.expiresAt = nil
        moved.dateUpdated = now
        return moved
    }
}
