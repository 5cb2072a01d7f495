@testable import SwitchboardCore

/// SplitMix64: a small seeded generator, so that a failing case can be reproduced from its seed.
struct RoutingRandom: RandomNumberGenerator {
    var state: UInt64

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var mixed = state
        mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
        mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
        return mixed ^ (mixed >> 31)
    }
}

/// Random workers, tasks and expressions drawn from small pools, so that values collide and matches happen.
struct RoutingSampler {
    var generator: RoutingRandom

    static let scalars: [AttributeValue] = [
        .string("blue"), .string("red"), .string("a"), .string("3"), .string("client:1"),
        .number(0), .number(-0.0), .number(1), .number(1.5), .number(3),
        .bool(true), .bool(false), .null,
    ]
    static let workerPaths = [
        "team", "level", "skills", "flag", "address.city", "address.tags", "address", "contact_uri", "missing",
        "skills[0]", "address.tags[1]",
    ]
    static let taskPaths = ["task.team", "task.targetWorker", "task.level", "task.needed", "task.missing"]

    mutating func chance(_ probability: Double) -> Bool { Double.random(in: 0..<1, using: &generator) < probability }
    mutating func pick<Element>(_ elements: [Element]) -> Element { elements.randomElement(using: &generator)! }

    mutating func scalar() -> AttributeValue { pick(Self.scalars) }

    mutating func array(allowingNull: Bool = true) -> AttributeValue {
        let count = Int.random(in: 0...3, using: &generator)
        let elements = (0..<count).map { _ in scalar() }
        return .array(allowingNull ? elements : elements.filter { $0 != .null })
    }

    mutating func scalarOrArray() -> AttributeValue { chance(0.6) ? scalar() : array() }

    mutating func document() -> AttributeValue {
        var members = [String: AttributeValue]()
        func maybe(_ key: String, _ value: AttributeValue) {
            if !chance(0.2) { members[key] = value }
        }
        maybe("team", scalarOrArray())
        maybe("level", scalar())
        maybe("skills", chance(0.8) ? array() : scalar())
        maybe("flag", scalar())
        maybe("contact_uri", pick([.string("client:1"), .string("client:2"), .string("blue")]))
        maybe("targetWorker", pick([.string("client:1"), .string("client:2")]))
        maybe("needed", scalar())
        maybe("address", chance(0.8) ? .object(["city": scalar(), "tags": array()]) : scalar())
        return .object(members)
    }

    /// An attribute, or a constant shaped for the operator: arrays where `IN` wants one, scalars elsewhere.
    mutating func operand(scope: ExpressionScope, attributeChance: Double, wantsArray: Bool) -> Operand {
        if chance(attributeChance) {
            if scope == .workflowTarget, chance(0.3) {
                return .attribute(path(pick(Self.taskPaths)))
            }
            let name = pick(Self.workerPaths)
            return .attribute(path(chance(0.3) ? "worker.\(name)" : name))
        }
        return .constant(chance(0.85) == wantsArray ? array() : scalar())
    }

    func path(_ text: String) -> AttributePath {
        var segments = [AttributePath.Segment]()
        for part in text.split(separator: ".") {
            if let bracket = part.firstIndex(of: "[") {
                segments.append(.key(String(part[..<bracket])))
                segments.append(.index(Int(part[part.index(after: bracket)..<part.index(before: part.endIndex)])!))
            } else {
                segments.append(.key(String(part)))
            }
        }
        return AttributePath(segments)
    }

    mutating func expression(scope: ExpressionScope, depth: Int = 0) -> TaskRouterExpression {
        if depth >= 3 || chance(0.55) {
            // Half the comparisons use the operators the index answers, so that plans often narrow.
            let comparisonOperator = chance(0.5) ? pick([.equal, .has, .in]) : pick(ComparisonOperator.allCases)
            let arrayOnLeft = comparisonOperator == .has
            let arrayOnRight = comparisonOperator == .in || comparisonOperator == .notIn
            let left = operand(scope: scope, attributeChance: 0.75, wantsArray: arrayOnLeft)
            let right = operand(scope: scope, attributeChance: 0.3, wantsArray: arrayOnRight)
            return .comparison(Comparison(left, comparisonOperator, right))
        }
        let operands = (0..<Int.random(in: 2...3, using: &generator)).map { _ in expression(scope: scope, depth: depth + 1) }
        return chance(0.5) ? .and(operands) : .or(operands)
    }
}
