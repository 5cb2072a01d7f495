import Foundation

/// Where the data lives, as given to `--database`: a SQLite file, SQLite in memory, or a PostgreSQL URL.
public enum DatabaseLocation: Sendable, Equatable, CustomStringConvertible {
    /// A SQLite database file, created if missing.
    case sqliteFile(path: String)
    /// A SQLite database that lives only as long as the process.
    case sqliteMemory
    /// A PostgreSQL database, as `postgres://user:pass@host:port/db`.
    case postgres(url: String)

    /// Parses the `--database` value. A URL of any scheme but PostgreSQL's is refused rather than taken for a
    /// file name, and a PostgreSQL URL must have a host and a database.
    public init(_ value: String) throws(DatabaseLocationError) {
        if value == ":memory:" {
            self = .sqliteMemory
            return
        }
        guard let schemeEnd = value.range(of: "://") else {
            guard !value.isEmpty else { throw DatabaseLocationError(description: "the database path is empty") }
            self = .sqliteFile(path: value)
            return
        }
        let scheme = value[..<schemeEnd.lowerBound].lowercased()
        guard scheme == "postgres" || scheme == "postgresql" else {
            throw DatabaseLocationError(description:
                "'\(scheme)://' databases are not supported; use a SQLite file path, :memory:, or a postgres:// URL")
        }
        guard let components = URLComponents(string: value), let host = components.host, !host.isEmpty,
              components.path.count > 1
        else {
            throw DatabaseLocationError(description:
                "\(Self.maskingPassword(in: value)) is not a valid PostgreSQL URL; expected postgres://user[:password]@host[:port]/database")
        }
        self = .postgres(url: value)
    }

    /// A description safe to log: a PostgreSQL password is masked.
    public var description: String {
        switch self {
        case .sqliteFile(let path): "sqlite:\(path)"
        case .sqliteMemory: "sqlite::memory:"
        case .postgres(let url): Self.maskingPassword(in: url)
        }
    }

    static func maskingPassword(in url: String) -> String {
        guard let schemeEnd = url.range(of: "://"), let at = url[schemeEnd.upperBound...].lastIndex(of: "@") else { return url }
        let userInfo = url[schemeEnd.upperBound..<at]
        guard let colon = userInfo.firstIndex(of: ":") else { return url }
        return String(url[..<url.index(after: colon)]) + "***" + String(url[at...])
    }
}

/// A `--database` value that names no database Switchboard can open.
public struct DatabaseLocationError: Error, CustomStringConvertible, Equatable {
    /// What is wrong, in words an operator can act on.
    public let description: String
}
