import Foundation
import SQLKit

/// One result row, read out of SQLite before the statement steps on.
struct SQLiteRow: SQLRow {
    /// The names of the row's columns, shared by every row of one statement.
    let columns: SQLiteColumns
    let values: [SQLiteValue]

    var allColumns: [String] { columns.names }

    func contains(column: String) -> Bool { columns.position[column] != nil }

    func decodeNil(column: String) throws -> Bool {
        try value(column) == .null
    }

    func decode<D: Decodable>(column: String, as type: D.Type) throws -> D {
        let value = try value(column)
        // The common column types skip the Decoder.
        switch type {
        case is String.Type: if case .text(let text) = value { return text as! D }
        case is Int64.Type: if case .integer(let number) = value { return number as! D }
        case is Int.Type: if case .integer(let number) = value { return Int(number) as! D }
        case is String?.Type:
            switch value {
            case .text(let text): return String?.some(text) as! D
            case .null: return String?.none as! D
            default: break
            }
        case is Int64?.Type:
            switch value {
            case .integer(let number): return Int64?.some(number) as! D
            case .null: return Int64?.none as! D
            default: break
            }
        default: break
        }
        return try SQLiteValueDecoder(value: value, codingPath: [SQLiteColumnKey(stringValue: column)]).decode(D.self)
    }

    private func value(_ column: String) throws -> SQLiteValue {
        guard let position = columns.position[column] else {
            throw DecodingError.keyNotFound(
                SQLiteColumnKey(stringValue: column),
                .init(codingPath: [], debugDescription: "No column named \(column) in the row (\(allColumns.joined(separator: ", ")))"))
        }
        return values[position]
    }
}

/// The column names of one statement's rows, and where each is.
final class SQLiteColumns: Sendable {
    let names: [String]
    let position: [String: Int]

    init(names: [String]) {
        self.names = names
        // A repeated name (a join without aliases) reads its first column, as SQLite's own lookups do.
        var position: [String: Int] = [:]
        for (index, name) in names.enumerated() where position[name] == nil { position[name] = index }
        self.position = position
    }
}

/// A column name as a coding key, for decoding errors.
struct SQLiteColumnKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}

/// Decodes one column's value: a primitive, an `Optional`, or a type stored as JSON text.
struct SQLiteValueDecoder: Decoder, SingleValueDecodingContainer {
    let value: SQLiteValue
    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    /// Thrown when a type asks for keys or elements: such a value was stored as JSON text.
    private struct StoredAsJSON: Error {}

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> { throw StoredAsJSON() }
    func unkeyedContainer() throws -> any UnkeyedDecodingContainer { throw StoredAsJSON() }
    func singleValueContainer() throws -> any SingleValueDecodingContainer { self }

    func decodeNil() -> Bool { value == .null }

    func decode(_ type: Bool.Type) throws -> Bool {
        switch value {
        case .integer(let number): return number != 0
        case .real(let number): return number != 0
        case .text("true"), .text("1"): return true
        case .text("false"), .text("0"): return false
        default: throw mismatch(type)
        }
    }

    func decode(_ type: String.Type) throws -> String {
        switch value {
        case .text(let text): return text
        case .integer(let number): return String(number)
        case .real(let number): return String(number)
        default: throw mismatch(type)
        }
    }

    func decode(_ type: Double.Type) throws -> Double {
        switch value {
        case .real(let number): return number
        case .integer(let number): return Double(number)
        case .text(let text): if let number = Double(text) { return number }
        default: break
        }
        throw mismatch(type)
    }

    func decode(_ type: Float.Type) throws -> Float { Float(try decode(Double.self)) }

    func decode<T: Decodable>(_ type: T.Type) throws -> T {
        if type == Data.self, case .blob(let bytes) = value { return Data(bytes) as! T }
        if type == [UInt8].self, case .blob(let bytes) = value { return bytes as! T }
        if let integer = type as? any FixedWidthInteger.Type { return try self.integer(integer) as! T }
        do {
            return try T(from: self)
        } catch is StoredAsJSON {
            return try JSONDecoder().decode(T.self, from: json())
        }
    }

    func decode(_ type: Int.Type) throws -> Int { try integer(type) }
    func decode(_ type: Int8.Type) throws -> Int8 { try integer(type) }
    func decode(_ type: Int16.Type) throws -> Int16 { try integer(type) }
    func decode(_ type: Int32.Type) throws -> Int32 { try integer(type) }
    func decode(_ type: Int64.Type) throws -> Int64 { try integer(type) }
    func decode(_ type: UInt.Type) throws -> UInt { try integer(type) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try integer(type) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try integer(type) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try integer(type) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try integer(type) }

    private func integer<I: FixedWidthInteger>(_ type: I.Type) throws -> I {
        let number: I?
        switch value {
        case .integer(let stored): number = I(exactly: stored)
        case .real(let stored): number = I(exactly: stored)
        case .text(let text): number = I(text)
        default: number = nil
        }
        guard let number else { throw mismatch(type) }
        return number
    }

    /// The JSON text (or bytes) a keyed or unkeyed value was stored as.
    private func json() throws -> Data {
        switch value {
        case .text(let text): return Data(text.utf8)
        case .blob(let bytes): return Data(bytes)
        default: throw mismatch(Any.self)
        }
    }

    private func mismatch(_ type: Any.Type) -> DecodingError {
        .typeMismatch(type, .init(codingPath: codingPath, debugDescription: "Stored value \(value) is not a \(type)"))
    }
}
