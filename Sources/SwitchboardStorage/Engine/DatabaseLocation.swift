import Foundation

/// Where the data lives, as given to `--database`: a SQLite file, SQLite in memory, or a PostgreSQL URL.
public enum DatabaseLocation: Sendable, Equatable, CustomStringConvertible {
    /// A SQLite database file, created if missing.
    case sqliteFile(path: String)
    /// A SQLite database that lives only as long as the process.
    case sqliteMemory
    /// A PostgreSQL database, as `postgres://user:pass@host:port/db`.
    case postgres(url: String)

    /// Parses the `--database` value.
    public init(_ value: String) {
        if value == ":memory:" {
            self = .sqliteMemory
        } else if value.hasPrefix("postgres://") || value.hasPrefix("postgresql://") {
            self = .postgres(url: value)
        } else {
            self = .sqliteFile(path: value)
        }
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
