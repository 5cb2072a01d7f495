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

    /// Ends a pending reservation on TaskRouter's initiative: `timeout` when nobody answered in time,
    /// `canceled` when its task was canceled, `rescinded` when another worker took the task. `nil` when the
    /// reservation is no longer pending or the status is not one of these, so nothing changes.
    public static func end(_ reservation: Reservation, as status: ReservationStatus, now: Date) -> Reservation? {
        guard reservation.status == .pending, status == .timeout || status == .canceled || status == .rescinded else { return nil }
        return moved(reservation, to: status, now: now)
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
