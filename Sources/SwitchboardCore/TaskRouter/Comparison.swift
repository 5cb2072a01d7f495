/// One comparison in an expression: two operands and the operator between them.
public struct Comparison: Sendable, Hashable, CustomStringConvertible {
    /// The operand before the operator.
    public var left: Operand
    /// The operator.
    public var `operator`: ComparisonOperator
    /// The operand after the operator.
    public var right: Operand

    /// Creates a comparison.
    public init(_ left: Operand, _ operator: ComparisonOperator, _ right: Operand) {
        self.left = left
        self.operator = `operator`
        self.right = right
    }

    /// The comparison as written, with the operator in its canonical spelling.
    public var description: String { "\(left) \(`operator`.rawValue) \(right)" }
}

/// What a comparison compares: a constant from the expression or an attribute of the task or worker.
public enum Operand: Sendable, Hashable, CustomStringConvertible {
    /// A string, number, boolean, `null` or array written in the expression.
    case constant(AttributeValue)
    /// An attribute looked up when the expression is evaluated.
    case attribute(AttributePath)

    /// The operand as written.
    public var description: String {
        switch self {
        case .constant(let value): ExpressionLiteral.render(value)
        case .attribute(let path): path.description
        }
    }
}

/// The comparison operators of TaskRouter's expression syntax.
public enum ComparisonOperator: String, Sendable, Hashable, CaseIterable {
    /// `==`, also written `=`.
    case equal = "=="
    /// `!=`.
    case notEqual = "!="
    /// `>`.
    case greater = ">"
    /// `>=`.
    case greaterOrEqual = ">="
    /// `<`.
    case less = "<"
    /// `<=`.
    case lessOrEqual = "<="
    /// `HAS`: the array on the left contains the value on the right.
    case has = "HAS"
    /// `IN`: the value on the left is an element of the array on the right.
    case `in` = "IN"
    /// `NOT IN`: the value on the left is not an element of the array on the right.
    case notIn = "NOT IN"
    /// `CONTAINS`: the string on the left contains the string on the right.
    case contains = "CONTAINS"
}

/// How constants are written back into expression text.
enum ExpressionLiteral {
    static func render(_ value: AttributeValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .number(let number):
            // Integral values print without a fraction, as they were most likely written.
            if number.rounded() == number, abs(number) < 1e15 { return String(Int64(number)) }
            return String(number)
        case .string(let text):
            var escaped = "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": escaped += "\\\""
                case "\\": escaped += "\\\\"
                case "\n": escaped += "\\n"
                case "\t": escaped += "\\t"
                case "\r": escaped += "\\r"
                default: escaped.unicodeScalars.append(scalar)
                }
            }
            return escaped + "\""
        case .array(let elements):
            return "[" + elements.map(render).joined(separator: ", ") + "]"
        case .object(let members):
            let pairs = members.sorted { $0.key < $1.key }.map { "\(render(.string($0.key))): \(render($0.value))" }
            return "{" + pairs.joined(separator: ", ") + "}"
        }
    }
}
