import SQLKit

/// Where a storage's statements run: a way to read, and a way to commit a unit of work.
protocol SQLEngine: Sendable {
    /// The database dialect behind the engine.
    var flavor: SQLFlavor { get }
    /// Runs `body` against committed data.
    func read<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T
    /// Runs `body` as one unit of work and returns once it is committed; a throw rolls back all of it.
    func write<T: Sendable>(_ body: @escaping @Sendable (any SQLDatabase) async throws -> T) async throws -> T
    /// Closes every connection.
    func shutdown() async throws
}
