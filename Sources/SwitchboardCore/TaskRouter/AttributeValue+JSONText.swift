extension AttributeValue {
    /// The value as compact JSON text with object keys sorted, so equal values are stored as equal text.
    public var jsonText: String {
        var output = ""
        write(to: &output)
        return output
    }

    func write(to output: inout String) {
        switch self {
        case .null: output += "null"
        case .bool(let value): output += value ? "true" : "false"
        case .number(let value):
            // Integers print without a fraction, as clients sent them.
            if value.rounded() == value, abs(value) < 1e15 { output += String(Int64(value)) } else { output += String(value) }
        case .string(let value): JSONStringLiteral.write(value, to: &output)
        case .array(let values):
            output += "["
            for (index, value) in values.enumerated() {
                if index > 0 { output += "," }
                value.write(to: &output)
            }
            output += "]"
        case .object(let members):
            output += "{"
            for (index, key) in members.keys.sorted().enumerated() {
                if index > 0 { output += "," }
                JSONStringLiteral.write(key, to: &output)
                output += ":"
                members[key]?.write(to: &output)
            }
            output += "}"
        }
    }

    /// The member `key` of an object, or `nil` for a missing member or a value that is not an object.
    public subscript(member key: String) -> AttributeValue? {
        guard case .object(let members) = self else { return nil }
        return members[key]
    }

    /// The string, when this is one.
    public var stringValue: String? {
        guard case .string(let value) = self else { return nil }
        return value
    }
}
