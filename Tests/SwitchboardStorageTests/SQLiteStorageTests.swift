import Foundation
import Logging
import SQLKit
import Testing
@testable import SwitchboardStorage

/// What only the SQLite backend promises.
@Suite struct SQLiteStorageTests {
    @Test func aFileDatabaseRunsInWALMode() async throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("switchboard-wal-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let storage = try SQLStorage(location: .sqliteFile(path: directory.appendingPathComponent("wal.sqlite").path), logger: Logger(label: "test"))
        try await storage.migrate()
        let mode = try await storage.pool.withConnection { database in
            try await database.raw("PRAGMA journal_mode").first()?.decode(column: "journal_mode", as: String.self)
        }
        try await storage.shutdown()
        #expect(mode == "wal")
    }

    @Test func databaseLocationParsesEveryForm() {
        #expect(DatabaseLocation(":memory:") == .sqliteMemory)
        #expect(DatabaseLocation("./switchboard.sqlite") == .sqliteFile(path: "./switchboard.sqlite"))
        #expect(DatabaseLocation("postgres://u:p@127.0.0.1:5432/db") == .postgres(url: "postgres://u:p@127.0.0.1:5432/db"))
        #expect(DatabaseLocation("postgres://u:secret@host/db").description == "postgres://u:***@host/db")
    }
}
