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
        let mode = try await storage.engine.read { database in
            try await database.raw("PRAGMA journal_mode").first()?.decode(column: "journal_mode", as: String.self)
        }
        try await storage.shutdown()
        #expect(mode == "wal")
    }

    @Test func databaseLocationParsesEveryForm() throws {
        #expect(try DatabaseLocation(":memory:") == .sqliteMemory)
        #expect(try DatabaseLocation("./switchboard.sqlite") == .sqliteFile(path: "./switchboard.sqlite"))
        #expect(try DatabaseLocation("postgres://u:p@127.0.0.1:5432/db") == .postgres(url: "postgres://u:p@127.0.0.1:5432/db"))
        #expect(try DatabaseLocation("postgres://u:secret@host/db").description == "postgres://u:***@host/db")
    }

    @Test func databaseLocationRefusesOtherURLSchemesInsteadOfTakingThemForFileNames() {
        #expect(throws: DatabaseLocationError.self) { try DatabaseLocation("mysql://u:p@127.0.0.1/db") }
        #expect(throws: DatabaseLocationError.self) { try DatabaseLocation("sqlite://switchboard.sqlite") }
    }

    @Test func databaseLocationRefusesAPostgresURLWithoutHostOrDatabaseAndMasksItsPassword() {
        for url in ["postgres://u:secret@", "postgres://u:secret@host", "postgres://u:secret@[::1/db", "postgres:// /db"] {
            #expect {
                try DatabaseLocation(url)
            } throws: { error in
                let text = String(describing: error)
                return text.contains("not a valid PostgreSQL URL") && !text.contains("secret")
            }
        }
    }
}
