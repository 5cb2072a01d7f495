import SQLKit

/// On PostgreSQL, `pg_notify` inside the transaction: PostgreSQL delivers it to the listeners at commit and drops it
/// on rollback. A SQLite file has one `serve` process, which hears its changes after commit, so nothing is sent.
extension SQLSession: ChangeBroadcasting {
    func broadcast(_ notice: ChangeNotice) async throws {
        guard flavor == .postgres else { return }
        try await database.raw("SELECT pg_notify(\(bind: ChangeNotice.channel), \(bind: notice.payload))").run()
    }
}
