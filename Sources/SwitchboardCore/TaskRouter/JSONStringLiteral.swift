/// A string written as a JSON string literal, escaped as RFC 8259 requires: one escaper for every JSON Switchboard
/// writes by hand (stored attributes, API responses).
public enum JSONStringLiteral {
    /// Appends `value`, quoted and escaped, to `output`.
    public static func write(_ value: String, to output: inout String) {
        output += "\""
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": output += "\\\""
            case "\\": output += "\\\\"
            case "\n": output += "\\n"
            case "\r": output += "\\r"
            case "\t": output += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                output += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: output.unicodeScalars.append(scalar)
            }
        }
        output += "\""
    }

    /// A JSON object of string fields, keys sorted so that equal fields give equal text.
    public static func object(_ fields: [String: String]) -> String {
        var output = "{"
        for (offset, key) in fields.keys.sorted().enumerated() {
            if offset > 0 { output += "," }
            write(key, to: &output)
            output += ":"
            write(fields[key]!, to: &output)
        }
        return output + "}"
    }
}
