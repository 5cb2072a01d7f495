import Synchronization

/// What this process's storage has done since it started, counted with atomics because a registry lookup per
/// statement would cost more than the statement; `/metrics` reports them.
public enum StorageCounters {
    /// Units of work committed.
    static let units = Atomic<Int>(0)
    /// Transactions committed: with SQLite's group commit, one holds many units of work.
    static let commits = Atomic<Int>(0)
    /// Statements run on SQLite.
    static let statements = Atomic<Int>(0)

    /// Counts one commit holding `units` units of work.
    static func countCommit(units: Int) {
        commits.add(1, ordering: .relaxed)
        self.units.add(units, ordering: .relaxed)
    }

    /// Counts one statement.
    static func countStatement() {
        statements.add(1, ordering: .relaxed)
    }

    /// The counts so far.
    public static func read() -> (unitsOfWork: Int, commits: Int, statements: Int) {
        (units.load(ordering: .relaxed), commits.load(ordering: .relaxed), statements.load(ordering: .relaxed))
    }
}
