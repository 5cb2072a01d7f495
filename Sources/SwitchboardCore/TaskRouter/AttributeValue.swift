/// A JSON value in the `Attributes` of a TaskRouter task or worker.
public enum AttributeValue: Sendable, Hashable {
    /// JSON `null`; also what an expression sees for an attribute that does not exist.
    case null
    /// `true` or `false`.
    case bool(Bool)
    /// Any JSON number; TaskRouter compares numbers by value, so `1` and `1.0` are the same.
    case number(Double)
    /// A string.
    case string(String)
    /// An array.
    case array([AttributeValue])
    /// An object.
    case object([String: AttributeValue])

    /// An empty object: the attributes of a task or worker created without any.
    public static let emptyObject = AttributeValue.object([:])

    /// Whether this is a single value rather than an array or object.
    public var isScalar: Bool {
        switch self {
        case .null, .bool, .number, .string: true
        case .array, .object: false
        }
    }

    /// The value at `path`, or `.null` where the path leads nowhere, as TaskRouter resolves a missing key.
    public func value(at path: AttributePath) -> AttributeValue {
        value(at: path.segments[...])
    }

    func value(at segments: ArraySlice<AttributePath.Segment>) -> AttributeValue {
        var current = self
        for segment in segments {
            switch (segment, current) {
            case (.key(let key), .object(let members)):
                guard let next = members[key] else { return .null }
                current = next
            case (.index(let index), .array(let elements)):
                guard elements.indices.contains(index) else { return .null }
                current = elements[index]
            default:
                return .null
            }
        }
        return current
    }
}
