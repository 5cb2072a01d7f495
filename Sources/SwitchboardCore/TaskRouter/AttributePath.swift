/// A reference to an attribute in an expression, such as `task.customer.tier` or `object.array[2]`.
public struct AttributePath: Sendable, Hashable, CustomStringConvertible {
    /// One step into a JSON document.
    public enum Segment: Sendable, Hashable {
        /// A key of an object, written after a dot.
        case key(String)
        /// A position in an array, written in square brackets and counted from zero.
        case index(Int)
    }

    /// The steps, in order; the first is always a key.
    public var segments: [Segment]

    /// Creates a path from its steps.
    public init(_ segments: [Segment]) {
        self.segments = segments
    }

    /// A path of keys only, as in `["customer", "tier"]` for `customer.tier`.
    public init(keys: [String]) {
        self.segments = keys.map(Segment.key)
    }

    /// The path as written in an expression.
    public var description: String {
        var text = ""
        for segment in segments {
            switch segment {
            case .key(let key): text += text.isEmpty ? key : ".\(key)"
            case .index(let index): text += "[\(index)]"
            }
        }
        return text
    }

    /// The keys of the path, or `nil` when it steps into an array: only such paths are in the worker index.
    var keys: [String]? {
        var keys = [String]()
        keys.reserveCapacity(segments.count)
        for segment in segments {
            guard case .key(let key) = segment else { return nil }
            keys.append(key)
        }
        return keys
    }
}
