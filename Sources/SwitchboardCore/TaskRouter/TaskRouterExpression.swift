/// A parsed TaskRouter expression: comparisons joined by `AND` and `OR`, as in a queue's `TargetWorkers`
/// or a workflow's filter and target expressions.
///
/// A run of `AND`s (or `OR`s) at one level is a single node, so a long chain of conditions stays shallow
/// and only parentheses add depth, which the parser limits.
public indirect enum TaskRouterExpression: Sendable, Hashable, CustomStringConvertible {
    /// A single comparison such as `skills HAS 'support'`.
    case comparison(Comparison)
    /// True when every operand is; the parser always gives it at least two.
    case and([TaskRouterExpression])
    /// True when any operand is; the parser always gives it at least two.
    case or([TaskRouterExpression])

    /// The expression with every `AND` and `OR` group in parentheses, so the grouping the parser chose is visible.
    public var description: String {
        switch self {
        case .comparison(let comparison): comparison.description
        case .and(let operands): "(" + operands.map(\.description).joined(separator: " AND ") + ")"
        case .or(let operands): "(" + operands.map(\.description).joined(separator: " OR ") + ")"
        }
    }
}
