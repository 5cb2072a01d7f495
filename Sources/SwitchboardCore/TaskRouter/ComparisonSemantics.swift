extension ComparisonOperator {
    /// Twilio's answer for `left <operator> right`. Missing attributes arrive as `.null`.
    ///
    /// Twilio documents that scalar operators on arrays and array operators on two scalars are false, and
    /// that a missing key is NULL. So `==`, ordering and `CONTAINS` are false across types or with NULL,
    /// while `!=` is the negation of `==` between any two scalars: `worker.flag != true` holds for a worker
    /// without `flag`, which Flex deployments rely on to exclude only the workers that set it.
    public func holds(_ left: AttributeValue, _ right: AttributeValue) -> Bool {
        switch self {
        case .equal:
            return Self.scalarsEqual(left, right) ?? false
        case .notEqual:
            return Self.scalarsEqual(left, right).map(!) ?? false
        case .greater, .greaterOrEqual, .less, .lessOrEqual:
            return order(left, right)
        case .contains:
            guard case .string(let haystack) = left, case .string(let needle) = right else { return false }
            return needle.isEmpty || haystack.contains(needle)
        case .has:
            guard case .array(let elements) = left, right.isScalar else { return false }
            return Self.elements(elements, include: right)
        case .in:
            guard left.isScalar, case .array(let elements) = right else { return false }
            return Self.elements(elements, include: left)
        case .notIn:
            guard left.isScalar, case .array(let elements) = right else { return false }
            return !Self.elements(elements, include: left)
        }
    }

    /// Whether two scalars are equal, or `nil` when either is an array or object. Values of different
    /// types are never equal; `null` equals only `null`, so `attribute == null` tests for a missing attribute.
    static func scalarsEqual(_ left: AttributeValue, _ right: AttributeValue) -> Bool? {
        switch (left, right) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.number(let a), .number(let b)): a == b
        case (.string(let a), .string(let b)): a == b
        case (.array, _), (.object, _), (_, .array), (_, .object): nil
        default: false
        }
    }

    static func elements(_ elements: [AttributeValue], include value: AttributeValue) -> Bool {
        elements.contains { scalarsEqual($0, value) == true }
    }

    /// Numbers order by value and strings by their characters; anything else is not ordered.
    private func order(_ left: AttributeValue, _ right: AttributeValue) -> Bool {
        switch (left, right) {
        case (.number(let a), .number(let b)): compare(a, b)
        case (.string(let a), .string(let b)): compare(a, b)
        default: false
        }
    }

    private func compare<Value: Comparable>(_ a: Value, _ b: Value) -> Bool {
        switch self {
        case .greater: a > b
        case .greaterOrEqual: a >= b
        case .less: a < b
        case .lessOrEqual: a <= b
        default: false
        }
    }
}
