extension Migrations {
    /// Version 6: indexes that keep routing and statistics from reading a workspace's whole history. A worker's
    /// latest reservation change becomes one index seek; statistics read only the event types and window asked.
    static let historyIndexesMigration = Migration(version: 6, name: "routing and statistics history indexes") { _ in
        [
            "CREATE INDEX reservations_worker_updated ON reservations (worker_sid, date_updated)",
            "CREATE INDEX events_workspace_type_date ON events (workspace_sid, event_type, event_date_ms)",
        ]
    }
}
