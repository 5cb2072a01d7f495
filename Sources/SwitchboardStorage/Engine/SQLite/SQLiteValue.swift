import Foundation

/// One value as SQLite stores it.
enum SQLiteValue: Sendable, Equatable {
    case null
    case integer(Int64)
    case real(Double)
    case text(String)
    case blob([UInt8])

    /// The value a bound Swift value is stored as: the same mapping SQLiteKit used, so files written before
    /// the engine called SQLite directly read back unchanged. Numbers, strings, booleans and bytes are stored
    /// as themselves, `nil` as NULL, and anything else as JSON text.
    static func bound(_ value: any Encodable) throws -> SQLiteValue {
        switch value {
        case let value as String: return .text(value)
        case let value as Int64: return .integer(value)
        case let value as Int: return .integer(Int64(value))
        case let value as Bool: return .integer(value ? 1 : 0)
        case let value as Double: return .real(value)
        case let value as Int32: return .integer(Int64(value))
        case let value as UInt32: return .integer(Int64(value))
        case let value as Data: return .blob(Array(value))
        case let value as [UInt8]: return .blob(value)
        default: break
        }
        let unwrapping = SingleValueCapture()
        do {
            try value.encode(to: unwrapping)
            if let captured = unwrapping.value { return captured }
        } catch is SingleValueCapture.NotSingleValue {}
        return .text(String(decoding: try JSONEncoder().encode(value), as: UTF8.self))
    }
}

/// An encoder that captures a value encoded as one primitive (an `Optional`, or a type wrapping a string or a
/// number), and gives up on anything with keys or elements, which is stored as JSON instead.
private final class SingleValueCapture: Encoder, SingleValueEncodingContainer {
    struct NotSingleValue: Error {}

    var value: SQLiteValue?
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(Refusing<Key>())
    }
    func unkeyedContainer() -> any UnkeyedEncodingContainer { Refusing<AnyKey>() }
    func singleValueContainer() -> any SingleValueEncodingContainer { self }

    func encodeNil() throws { value = .null }
    func encode(_ value: Bool) throws { self.value = .integer(value ? 1 : 0) }
    func encode(_ value: String) throws { self.value = .text(value) }
    func encode(_ value: Double) throws { self.value = .real(value) }
    func encode(_ value: Float) throws { self.value = .real(Double(value)) }
    func encode(_ value: Int) throws { self.value = .integer(Int64(value)) }
    func encode(_ value: Int8) throws { self.value = .integer(Int64(value)) }
    func encode(_ value: Int16) throws { self.value = .integer(Int64(value)) }
    func encode(_ value: Int32) throws { self.value = .integer(Int64(value)) }
    func encode(_ value: Int64) throws { self.value = .integer(value) }
    func encode(_ value: UInt) throws { self.value = .integer(Int64(value)) }
    func encode(_ value: UInt8) throws { self.value = .integer(Int64(value)) }
    func encode(_ value: UInt16) throws { self.value = .integer(Int64(value)) }
    func encode(_ value: UInt32) throws { self.value = .integer(Int64(value)) }
    func encode(_ value: UInt64) throws { self.value = .integer(Int64(value)) }
    func encode<T: Encodable>(_ value: T) throws { self.value = try SQLiteValue.bound(value) }

    private struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int?
        init?(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { self.stringValue = "\(intValue)"; self.intValue = intValue }
    }

    /// Throws on first use, which sends the value to JSON.
    private struct Refusing<Key: CodingKey>: KeyedEncodingContainerProtocol, UnkeyedEncodingContainer {
        var codingPath: [any CodingKey] { [] }
        var count: Int { 0 }
        mutating func encodeNil(forKey key: Key) throws { throw NotSingleValue() }
        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws { throw NotSingleValue() }
        mutating func nestedContainer<N: CodingKey>(keyedBy keyType: N.Type, forKey key: Key) -> KeyedEncodingContainer<N> {
            KeyedEncodingContainer(Refusing<N>())
        }
        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer { self }
        mutating func superEncoder() -> any Encoder { SingleValueCapture() }
        mutating func superEncoder(forKey key: Key) -> any Encoder { SingleValueCapture() }
        mutating func encodeNil() throws { throw NotSingleValue() }
        mutating func encode<T: Encodable>(_ value: T) throws { throw NotSingleValue() }
        mutating func nestedContainer<N: CodingKey>(keyedBy keyType: N.Type) -> KeyedEncodingContainer<N> {
            KeyedEncodingContainer(Refusing<N>())
        }
        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer { self }
    }
}
