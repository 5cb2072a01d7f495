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
}
