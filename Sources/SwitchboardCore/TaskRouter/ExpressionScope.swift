/// Which attribute document a name in an expression refers to.
public enum ExpressionRoot: String, Sendable, Hashable {
    /// The task's attributes.
    case task
    /// The worker's attributes.
    case worker
}

/// Where an expression is used, which decides what its attribute names refer to.
public enum ExpressionScope: Sendable, Hashable, CaseIterable {
    /// A workflow filter, evaluated against one task: names are task attributes, and `task.` may prefix them.
    case workflowFilter
    /// A queue's `TargetWorkers`, evaluated against each worker: names are worker attributes, and `worker.` may prefix them.
    case targetWorkers
    /// A workflow target, evaluated for one task against each worker: `task.` names a task attribute,
    /// `worker.` or no prefix a worker attribute, so `task.targetWorker == worker.contact_uri` pairs them.
    case workflowTarget

    /// The document a name without a recognized prefix refers to.
    public var defaultRoot: ExpressionRoot {
        switch self {
        case .workflowFilter: .task
        case .targetWorkers, .workflowTarget: .worker
        }
    }

    /// Whether `root.` at the start of a name selects that document here.
    public func recognizesPrefix(_ root: ExpressionRoot) -> Bool {
        switch self {
        case .workflowFilter: root == .task
        case .targetWorkers: root == .worker
        case .workflowTarget: true
        }
    }

    /// The document `path` refers to and the steps into it. A prefix with nothing after it, or one this
    /// scope does not recognize, is an ordinary attribute name of the default document.
    public func locate(_ path: AttributePath) -> (root: ExpressionRoot, steps: ArraySlice<AttributePath.Segment>) {
        if path.segments.count > 1, case .key(let first) = path.segments[0],
           let root = ExpressionRoot(rawValue: first), recognizesPrefix(root) {
            return (root, path.segments.dropFirst())
        }
        return (defaultRoot, path.segments[...])
    }
}

/// The scope of an evaluation and the attribute documents it sees.
public struct ExpressionContext: Sendable {
    /// Where the expression is used.
    public var scope: ExpressionScope
    /// The task's attributes; an empty object where no task is in scope.
    public var task: AttributeValue
    /// The worker's attributes; an empty object where no worker is in scope.
    public var worker: AttributeValue

    /// Creates a context from its parts.
    public init(scope: ExpressionScope, task: AttributeValue = .emptyObject, worker: AttributeValue = .emptyObject) {
        self.scope = scope
        self.task = task
        self.worker = worker
    }

    /// A workflow filter evaluated against `task`.
    public static func workflowFilter(task: AttributeValue) -> ExpressionContext {
        ExpressionContext(scope: .workflowFilter, task: task)
    }

    /// A queue's `TargetWorkers` evaluated against `worker`.
    public static func targetWorkers(worker: AttributeValue) -> ExpressionContext {
        ExpressionContext(scope: .targetWorkers, worker: worker)
    }

    /// A workflow target evaluated for `task` against `worker`.
    public static func workflowTarget(task: AttributeValue, worker: AttributeValue) -> ExpressionContext {
        ExpressionContext(scope: .workflowTarget, task: task, worker: worker)
    }

    /// The value of an operand here; an attribute that does not exist is `.null`.
    public func value(of operand: Operand) -> AttributeValue {
        switch operand {
        case .constant(let value):
            return value
        case .attribute(let path):
            let (root, steps) = scope.locate(path)
            return (root == .task ? task : worker).value(at: steps)
        }
    }
}
