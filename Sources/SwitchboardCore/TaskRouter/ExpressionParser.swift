extension TaskRouterExpression {
    /// How deeply parentheses may nest; deeper expressions are refused so that nothing recurses without bound.
    public static let maximumNesting = 50

    /// How many comparisons one expression may hold. Twilio documents no number; every task is matched against
    /// every worker through these, so a conservative ceiling keeps one queue from slowing a whole workspace.
    public static let maximumComparisons = 500

    /// Parses expression text, refusing anything Twilio's syntax does not allow with a 20001 that names the
    /// problem and its 1-based character position, so a bad expression is caught when a queue or workflow is
    /// saved and never while routing.
    public static func parse(_ text: String) throws(TwilioError) -> TaskRouterExpression {
        // Checked before anything else, and without echoing the text, so an oversized expression costs nothing.
        try TextLimit.expression.check(text, parameter: "TaskRouter expression")
        do {
            var lexer = ExpressionLexer(text)
            var parser = ExpressionParser(tokens: try lexer.tokenize())
            return try parser.parseExpression()
        } catch {
            let position = TextScanning.characterPosition(ofUTF8Offset: error.offset, in: text)
            throw .invalidParameter("Invalid TaskRouter expression '\(text)': \(error.message) at position \(position)")
        }
    }
}

/// A recursive-descent parser over tokens. `AND` binds tighter than `OR`.
///
///     expression := or
///     or         := and (("OR" | "||") and)*
///     and        := primary (("AND" | "&&") primary)*
///     primary    := "(" or ")" | operand operator operand
///     operand    := string | number | true | false | null | array | attribute
///     operator   := "==" | "=" | "!=" | ">" | ">=" | "<" | "<=" | "HAS" | "IN" | "NOT" "IN" | "CONTAINS"
struct ExpressionParser {
    private let tokens: [ExpressionToken]
    private var index = 0
    private var nesting = 0
    private var comparisons = 0

    init(tokens: [ExpressionToken]) {
        self.tokens = tokens
    }

    private var current: ExpressionToken { tokens[index] }
    private var previous: ExpressionToken? { index > 0 ? tokens[index - 1] : nil }

    mutating func parseExpression() throws(ExpressionSyntaxError) -> TaskRouterExpression {
        guard current.kind != .end else { throw ExpressionSyntaxError(message: "the expression is empty", offset: 0) }
        let expression = try parseOr()
        switch current.kind {
        case .end:
            return expression
        case .rightParenthesis:
            throw ExpressionSyntaxError(message: "')' has no matching '('", offset: current.offset)
        default:
            throw ExpressionSyntaxError(message: "expected AND or OR before '\(current.text)'", offset: current.offset)
        }
    }

    private mutating func parseOr() throws(ExpressionSyntaxError) -> TaskRouterExpression {
        var operands = [try parseAnd()]
        while current.kind == .keyword(.or) || current.kind == .symbol("||") {
            index += 1
            operands.append(try parseAnd())
        }
        return operands.count == 1 ? operands[0] : .or(operands)
    }

    private mutating func parseAnd() throws(ExpressionSyntaxError) -> TaskRouterExpression {
        var operands = [try parsePrimary()]
        while current.kind == .keyword(.and) || current.kind == .symbol("&&") {
            index += 1
            operands.append(try parsePrimary())
        }
        return operands.count == 1 ? operands[0] : .and(operands)
    }

    private mutating func parsePrimary() throws(ExpressionSyntaxError) -> TaskRouterExpression {
        guard current.kind == .leftParenthesis else { return .comparison(try parseComparison()) }
        let opening = current
        guard nesting < TaskRouterExpression.maximumNesting else {
            throw ExpressionSyntaxError(message: "parentheses nest deeper than \(TaskRouterExpression.maximumNesting) levels", offset: opening.offset)
        }
        index += 1
        nesting += 1
        let expression = try parseOr()
        nesting -= 1
        guard current.kind == .rightParenthesis else {
            if current.kind == .end {
                throw ExpressionSyntaxError(message: "'(' is never closed with ')'", offset: opening.offset)
            }
            throw ExpressionSyntaxError(message: "expected ')' or AND or OR before '\(current.text)'", offset: current.offset)
        }
        index += 1
        return expression
    }

    private mutating func parseComparison() throws(ExpressionSyntaxError) -> Comparison {
        comparisons += 1
        guard comparisons <= TaskRouterExpression.maximumComparisons else {
            throw ExpressionSyntaxError(message: "more than \(TaskRouterExpression.maximumComparisons) comparisons", offset: current.offset)
        }
        let left = try parseOperand(expecting: "a comparison")
        let leftToken = previous
        let comparisonOperator = try parseOperator(after: leftToken)
        let right = try parseOperand(expecting: "a value")
        return Comparison(left, comparisonOperator, right)
    }

    private mutating func parseOperator(after operand: ExpressionToken?) throws(ExpressionSyntaxError) -> ComparisonOperator {
        let token = current
        index += 1
        switch token.kind {
        case .symbol("=="), .symbol("="): return .equal
        case .symbol("!="): return .notEqual
        case .symbol(">"): return .greater
        case .symbol(">="): return .greaterOrEqual
        case .symbol("<"): return .less
        case .symbol("<="): return .lessOrEqual
        case .keyword(.has): return .has
        case .keyword(.in): return .in
        case .keyword(.contains): return .contains
        case .keyword(.not):
            guard current.kind == .keyword(.in) else {
                throw ExpressionSyntaxError(message: "NOT is only supported as NOT IN", offset: token.offset)
            }
            index += 1
            return .notIn
        case .attribute:
            throw ExpressionSyntaxError(message: "unknown operator '\(token.text)'", offset: token.offset)
        default:
            index -= 1
            let subject = operand.map { "'\($0.text)'" } ?? "the value"
            let found = token.kind == .end ? "" : ", found '\(token.text)'"
            throw ExpressionSyntaxError(message: "expected a comparison operator after \(subject)\(found)", offset: token.offset)
        }
    }

    /// Reads a constant, array or attribute; `expecting` says what was wanted when there is none.
    private mutating func parseOperand(expecting: String) throws(ExpressionSyntaxError) -> Operand {
        let token = current
        if case .attribute(let path) = token.kind {
            index += 1
            return .attribute(path)
        }
        if token.kind == .leftBracket {
            return .constant(try parseArray())
        }
        if let value = constant(token) {
            index += 1
            return .constant(value)
        }
        let after = previous.map { " after '\($0.text)'" } ?? ""
        let found = token.kind == .end ? "" : ", found '\(token.text)'"
        throw ExpressionSyntaxError(message: "expected \(expecting)\(after)\(found)", offset: token.offset)
    }

    private mutating func parseArray() throws(ExpressionSyntaxError) -> AttributeValue {
        let opening = current
        index += 1
        var elements = [AttributeValue]()
        if current.kind == .rightBracket {
            index += 1
            return .array(elements)
        }
        while true {
            let token = current
            guard let element = constant(token) else {
                switch token.kind {
                case .end:
                    throw ExpressionSyntaxError(message: "'[' is never closed with ']'", offset: opening.offset)
                case .attribute, .leftBracket:
                    throw ExpressionSyntaxError(
                        message: "array elements must be strings, numbers, booleans or null; found '\(token.text)'", offset: token.offset)
                default:
                    throw ExpressionSyntaxError(message: "expected an array element, found '\(token.text)'", offset: token.offset)
                }
            }
            elements.append(element)
            index += 1
            switch current.kind {
            case .comma:
                index += 1
            case .rightBracket:
                index += 1
                return .array(elements)
            case .end:
                throw ExpressionSyntaxError(message: "'[' is never closed with ']'", offset: opening.offset)
            default:
                throw ExpressionSyntaxError(message: "expected ',' or ']' in the array, found '\(current.text)'", offset: current.offset)
            }
        }
    }

    private func constant(_ token: ExpressionToken) -> AttributeValue? {
        switch token.kind {
        case .string(let text): .string(text)
        case .number(let number): .number(number)
        case .keyword(.true): .bool(true)
        case .keyword(.false): .bool(false)
        case .keyword(.null): .null
        default: nil
        }
    }
}
