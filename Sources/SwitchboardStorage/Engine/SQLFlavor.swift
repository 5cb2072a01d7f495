/// The SQL differences between the two databases, kept to column types and locking.
public enum SQLFlavor: Sendable {
    /// SQLite.
    case sqlite
    /// PostgreSQL.
    case postgres

    /// The column type of a row sequence number that only ever grows, used to order lists and cut pages.
    var sequencePrimaryKey: String {
        switch self {
        case .sqlite: "INTEGER PRIMARY KEY AUTOINCREMENT"
        case .postgres: "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"
        }
    }

    /// The column type of a boolean.
    var boolean: String {
        switch self {
        case .sqlite: "INTEGER"
        case .postgres: "BOOLEAN"
        }
    }

    /// The statement that opens a write transaction. SQLite takes its write lock up front so two writers
    /// never deadlock upgrading read locks.
    var beginWrite: String {
        switch self {
        case .sqlite: "BEGIN IMMEDIATE"
        case .postgres: "BEGIN"
        }
    }
}
