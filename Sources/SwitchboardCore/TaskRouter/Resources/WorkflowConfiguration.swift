/// A Workflow's `Configuration`, parsed: filters tried in order against each task, and where a task that
/// matches none of them goes.
public struct WorkflowConfiguration: Sendable, Hashable {
    /// `task_routing.filters`, in the order they are tried.
    public var filters: [WorkflowFilter]
    /// `task_routing.default_filter`: the catch-all route for tasks no filter matches, if there is one.
    public var defaultFilter: WorkflowTarget?

    /// Creates a configuration from its parts.
    public init(filters: [WorkflowFilter], defaultFilter: WorkflowTarget?) {
        self.filters = filters
        self.defaultFilter = defaultFilter
    }

    /// Every TaskQueue SID the configuration routes to, each once, in the order they first appear, so the
    /// API can check that they exist.
    public var queueSids: [String] {
        var seen = Set<String>()
        let targets = filters.flatMap(\.targets) + (defaultFilter.map { [$0] } ?? [])
        return targets.map(\.queueSid).filter { seen.insert($0).inserted }
    }
}

/// One entry of `task_routing.filters`: the tasks it matches and the routing steps they go through.
public struct WorkflowFilter: Sendable, Hashable {
    /// `filter_friendly_name`, which Twilio treats as optional; `nil` when the filter has none.
    public var friendlyName: String?
    /// `expression`, evaluated in the `workflowFilter` scope against the task's attributes.
    public var expression: TaskRouterExpression
    /// `targets`: the routing steps, tried in order; never empty.
    public var targets: [WorkflowTarget]

    /// Creates a filter from its parts.
    public init(friendlyName: String?, expression: TaskRouterExpression, targets: [WorkflowTarget]) {
        self.friendlyName = friendlyName
        self.expression = expression
        self.targets = targets
    }
}
