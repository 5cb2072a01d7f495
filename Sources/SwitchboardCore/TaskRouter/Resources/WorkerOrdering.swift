/// One `order_by` clause of a workflow target: a worker attribute and the direction to sort it in.
public struct WorkerOrdering: Sendable, Hashable, CustomStringConvertible {
    /// The attribute, resolved in the `targetWorkers` scope, where `worker.` is optional.
    public var attribute: AttributePath
    /// The direction.
    public var direction: SortDirection

    /// Creates a clause.
    public init(_ attribute: AttributePath, _ direction: SortDirection) {
        self.attribute = attribute
        self.direction = direction
    }

    /// The clause as written in `order_by`.
    public var description: String { "\(attribute) \(direction.rawValue)" }

    /// Parses an `order_by` value: comma-separated clauses of an attribute and `ASC` or `DESC` (in any case).
    /// Blank text means no ordering.
    static func parseList(_ text: String) throws(OrderByError) -> [WorkerOrdering] {
        guard !text.allSatisfy(\.isWhitespace) else { return [] }
        var clauses = [WorkerOrdering]()
        for (index, clause) in text.split(separator: ",", omittingEmptySubsequences: false).enumerated() {
            let words = clause.split(whereSeparator: \.isWhitespace)
            guard words.count == 2, let attribute = AttributePath.parseReference(String(words[0])),
                  let direction = SortDirection(rawValue: words[1].uppercased())
            else {
                throw OrderByError(
                    message: "clause \(index + 1) ('\(words.joined(separator: " "))') must be a worker attribute followed by ASC or DESC")
            }
            clauses.append(WorkerOrdering(attribute, direction))
        }
        return clauses
    }
}

/// The direction of an `order_by` clause.
public enum SortDirection: String, Sendable, Hashable {
    /// `ASC`: smallest first.
    case ascending = "ASC"
    /// `DESC`: largest first.
    case descending = "DESC"
}

/// Why an `order_by` value was refused.
struct OrderByError: Error {
    let message: String
}
