import SQLKit

/// A pool that lends one connection at a time, so the statements of a transaction share it.
protocol SQLConnectionPool: Sendable {
    /// The database dialect behind the pool.
    var flavor: SQLFlavor { get }
    /// Runs `body` with a connection that no one else uses until `body` returns.
    func withConnection<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T
    /// Closes the pool's connections.
    func shutdown() async throws
}
