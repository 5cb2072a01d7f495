import Foundation
import Testing
@testable import SwitchboardStorage

/// SQLite values are stored as SQLiteKit stored them, so databases written before the engine called SQLite
/// directly read back the same.
@Suite struct SQLiteValueTests {
    struct Wrapped: Codable, Equatable { let names: [String]; let count: Int }

    @Test func primitivesAreStoredAsThemselvesAndOptionalsAsNull() throws {
        #expect(try SQLiteValue.bound("text") == .text("text"))
        #expect(try SQLiteValue.bound(Int64(7)) == .integer(7))
        #expect(try SQLiteValue.bound(7) == .integer(7))
        #expect(try SQLiteValue.bound(true) == .integer(1))
        #expect(try SQLiteValue.bound(1.5) == .real(1.5))
        #expect(try SQLiteValue.bound(Optional<String>.none) == .null)
        #expect(try SQLiteValue.bound(Optional<String>.some("x")) == .text("x"))
        #expect(try SQLiteValue.bound(Data([1, 2])) == .blob([1, 2]))
    }

    @Test func structuredValuesAreStoredAsJSONTextAndReadBack() throws {
        let value = Wrapped(names: ["a", "b"], count: 2)
        let stored = try SQLiteValue.bound(value)
        guard case .text(let json) = stored else { Issue.record("stored as \(stored)"); return }
        #expect(try JSONDecoder().decode(Wrapped.self, from: Data(json.utf8)) == value)
        let row = SQLiteRow(columns: SQLiteColumns(names: ["value"]), values: [stored])
        #expect(try row.decode(column: "value", as: Wrapped.self) == value)
    }

    @Test func rowsDecodeEachColumnTypeAndRefuseMissingColumns() throws {
        let row = SQLiteRow(
            columns: SQLiteColumns(names: ["name", "count", "flag", "missing", "ratio"]),
            values: [.text("n"), .integer(3), .integer(0), .null, .real(0.5)])
        #expect(try row.decode(column: "name", as: String.self) == "n")
        #expect(try row.decode(column: "count", as: Int.self) == 3)
        #expect(try row.decode(column: "count", as: Int64?.self) == 3)
        #expect(try row.decode(column: "flag", as: Bool.self) == false)
        #expect(try row.decode(column: "missing", as: String?.self) == nil)
        #expect(try row.decode(column: "missing", as: Int?.self) == nil)
        #expect(try row.decode(column: "ratio", as: Double.self) == 0.5)
        #expect(try row.decodeNil(column: "missing"))
        #expect(throws: DecodingError.self) { try row.decode(column: "absent", as: String.self) }
        #expect(throws: DecodingError.self) { try row.decode(column: "name", as: Int.self) }
    }
}
