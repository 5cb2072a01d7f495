/// Where a task is in its workflow: one target of one filter, or the default filter.
///
/// Stored with the task so that a timeout, a rejection or a restart resumes from the same place.
public struct RoutingStep: Sendable, Equatable, Codable {
    /// The position of the filter in `task_routing.filters`; `nil` for `default_filter`.
    public var filterIndex: Int?
    /// The position of the target in the filter's `targets`; always 0 for the default filter.
    public var targetIndex: Int

    /// Creates a step from its positions.
    public init(filterIndex: Int?, targetIndex: Int) {
        self.filterIndex = filterIndex
        self.targetIndex = targetIndex
    }

    /// The default filter, which has a single target.
    public static let defaultFilter = RoutingStep(filterIndex: nil, targetIndex: 0)

    /// Whether this is the default filter.
    public var isDefaultFilter: Bool { filterIndex == nil }
}
