extension TaskRouterExpression {
    /// Whether the expression holds in `context`.
    public func matches(in context: ExpressionContext) -> Bool {
        switch self {
        case .comparison(let comparison):
            comparison.operator.holds(context.value(of: comparison.left), context.value(of: comparison.right))
        case .and(let operands):
            operands.allSatisfy { $0.matches(in: context) }
        case .or(let operands):
            operands.contains { $0.matches(in: context) }
        }
    }

    /// Whether a workflow filter matches a task with these attributes.
    public func matches(task: AttributeValue) -> Bool {
        matches(in: .workflowFilter(task: task))
    }

    /// Whether a queue's `TargetWorkers` matches a worker with these attributes.
    public func matches(worker: AttributeValue) -> Bool {
        matches(in: .targetWorkers(worker: worker))
    }

    /// Whether a workflow target expression matches this worker for this task.
    public func matches(task: AttributeValue, worker: AttributeValue) -> Bool {
        matches(in: .workflowTarget(task: task, worker: worker))
    }
}
