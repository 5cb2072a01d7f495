extension Migrations {
    /// Version 13: a worker who rejected a task or let its reservation time out is not offered it again until
    /// they come back to an available activity; this column records that they came back. Seconds are too coarse
    /// to order a decline against an activity change of the same second, so the change itself marks the rows.
    static let declinedOffersMigration = Migration(version: 13, name: "declined offers end when the worker returns") { flavor in
        [
            "ALTER TABLE reservations ADD COLUMN worker_returned \(flavor.boolean) NOT NULL DEFAULT FALSE",
            // A worker's declines are found by worker and status when they return.
            "CREATE INDEX reservations_worker_status ON reservations (worker_sid, status)",
        ]
    }
}
