import SQLKit

/// Brings a database's schema up to the newest ``Migration``.
struct Migrator {
    let flavor: SQLFlavor
    /// An arbitrary constant that names Switchboard's migration lock among PostgreSQL advisory locks.
    static let postgresLockKey = 5_347_001

    /// The database was migrated by a newer Switchboard than this one.
    struct SchemaTooNew: Error, CustomStringConvertible {
        let databaseVersion: Int
        let knownVersion: Int
        var description: String {
            "the database schema is at version \(databaseVersion), newer than this Switchboard knows (\(knownVersion)); run a newer Switchboard"
        }
    }

    /// Applies the missing migrations; the caller holds a transaction, so they land together or not at all.
    func run(on database: any SQLDatabase) async throws -> [Int] {
        if flavor == .postgres {
            // Several `serve` processes may start at once; only one migrates, the others wait and find nothing to do.
            try await database.raw("SELECT pg_advisory_xact_lock(\(unsafeRaw: String(Self.postgresLockKey)))").run()
        }
        try await database.raw("""
            CREATE TABLE IF NOT EXISTS switchboard_migrations (
                version BIGINT PRIMARY KEY,
                name TEXT NOT NULL
            )
            """).run()
        let applied = Set(try await database.raw("SELECT version FROM switchboard_migrations").all()
            .map { try $0.decode(column: "version", as: Int.self) })
        let known = Migrations.all.map(\.version).max() ?? 0
        if let newest = applied.max(), newest > known {
            throw SchemaTooNew(databaseVersion: newest, knownVersion: known)
        }
        var ran: [Int] = []
        for migration in Migrations.all where !applied.contains(migration.version) {
            for statement in migration.statements(flavor) {
                try await database.raw(SQLQueryString(statement)).run()
            }
            try await database.raw(
                "INSERT INTO switchboard_migrations (version, name) VALUES (\(bind: migration.version), \(bind: migration.name))"
            ).run()
            ran.append(migration.version)
        }
        return ran
    }
}
