/// A session that can tell other processes on the same database about a change, inside its transaction.
protocol ChangeBroadcasting: Sendable {
    /// Queues `notice` for every other process listening; it goes out with the commit, and never for a rollback.
    func broadcast(_ notice: ChangeNotice) async throws
}
