import SQLKit

/// Enumerations are stored as their raw text; a value this version does not know is an error, not a default.
enum StoredEnum {
    static func decode<Value: RawRepresentable>(_ type: Value.Type, _ row: any SQLRow, _ column: String) throws -> Value
    where Value.RawValue == String {
        let raw = try row.decode(column: column, as: String.self)
        guard let value = Value(rawValue: raw) else { throw StoredValueError(column: column, value: raw) }
        return value
    }
}
