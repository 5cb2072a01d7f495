import Foundation
import Logging
import PostgresKit

extension SQLStorage {
    /// Checks that the database can be opened and used before anything relies on it, so a bad location fails
    /// with one clear sentence. A PostgreSQL server that does not answer yet is tried again with backoff for up
    /// to `patience`, as a service started beside its database (docker-compose) needs; a server that answers
    /// with an error, such as a wrong password, is not.
    public func checkAvailable(location: DatabaseLocation, waitingUpTo patience: Duration) async throws {
        if case .sqliteFile(let path) = location {
            try SQLiteFileCheck.check(path: path)
        }
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: patience)
        var pause = Duration.milliseconds(250)
        while true {
            do {
                try await read { _ in }
                return
            } catch let error where Self.isUnreachable(error) && clock.now.advanced(by: pause) < deadline {
                logger.warning("database not reachable yet; trying again", metadata: [
                    "database": "\(location)", "retry_in": "\(pause)",
                    "error": "\(String(reflecting: error))",
                ])
                try await Task.sleep(for: pause)
                pause = min(pause * 2, .seconds(5))
            }
        }
    }

    /// Whether `error` says the server could not be reached at all, rather than that it refused us.
    static func isUnreachable(_ error: any Error) -> Bool {
        guard let error = error as? PSQLError else { return false }
        return error.serverInfo == nil && (error.code == .connectionError || error.code == .serverClosedConnection)
    }
}

/// What can be known about a SQLite file before SQLite opens it, said plainly: SQLite's own errors name neither the
/// folder nor the file, and a read-only file would even open and fail only at the first write.
enum SQLiteFileCheck {
    /// The first 16 bytes of every SQLite 3 database.
    static let header = Array("SQLite format 3\u{0}".utf8)

    static func check(path: String) throws {
        let file = URL(fileURLWithPath: path)
        let folder = file.deletingLastPathComponent().path
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder), isFolder.boolValue else {
            // A folder behind one this user may not enter looks missing; say which it is.
            let reason = access(folder, F_OK) != 0 && errno == EACCES ? "cannot be reached: permission denied" : "does not exist"
            throw DatabaseLocationError(description: "the folder \(folder) \(reason)")
        }
        // SQLite writes its -wal and -shm files beside the database, so the folder must be writable too.
        guard access(folder, W_OK | X_OK) == 0 else {
            throw DatabaseLocationError(description: "cannot write in the folder \(folder): permission denied")
        }
        guard FileManager.default.fileExists(atPath: path) else { return }
        guard access(path, R_OK | W_OK) == 0 else {
            throw DatabaseLocationError(description: "cannot write to the database file \(path): permission denied")
        }
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw DatabaseLocationError(description: "cannot read the database file \(path)")
        }
        defer { try? handle.close() }
        let start = (try? handle.read(upToCount: header.count)) ?? Data()
        guard start.isEmpty || Array(start) == header else {
            throw DatabaseLocationError(description: "\(path) is not a SQLite database")
        }
    }
}
