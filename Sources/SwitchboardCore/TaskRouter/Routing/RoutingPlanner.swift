public import struct Foundation.Date

/// Pure routing decisions: which step of its workflow a task is in, where it goes next, and which worker it
/// is offered to. The engine owns state, time and persistence, and calls these with what it holds.
///
/// Twilio's model, from "Workflows Overview" and "Lifecycle of a Task: Workflows and Assignment": filters are
/// tried top to bottom and the first whose expression matches the task's attributes routes it; the default
/// filter catches only tasks that match none (or skip every one they match). Within a filter the task works
/// through the targets in order, each with its own queue, priority, worker expression and timeout.
public enum RoutingPlanner {
    /// The step a new task enters: the first target of the first filter whose expression matches its
    /// attributes, else the default filter; `nil` when neither.
    ///
    /// `nil` means the task falls out of the workflow at once. Twilio documents that a task falling out of its
    /// workflow is canceled; the engine cancels it with `TaskRules.cancel(_:reason:now:)` and
    /// `TaskRules.workflowTimeoutReason`, as for a task that passes its last step. The same call re-drives a
    /// pending task whose attributes changed, which Twilio documents keeps the task's age.
    public static func initialStep(for attributes: AttributeValue, configuration: WorkflowConfiguration) -> RoutingStep? {
        firstMatchingFilter(after: nil, attributes: attributes, in: configuration)
            ?? (configuration.defaultFilter == nil ? nil : .defaultFilter)
    }

    /// The queue and target of a step; for the default filter, its queue and no target, since Twilio's
    /// default filter names only a queue. `nil` when the step no longer exists, as after the workflow's
    /// configuration changed; the engine then routes the task again from `initialStep`.
    public static func target(of step: RoutingStep, in configuration: WorkflowConfiguration) -> (queueSid: String, target: WorkflowTarget?)? {
        guard let filterIndex = step.filterIndex else {
            guard step.targetIndex == 0, let defaultFilter = configuration.defaultFilter else { return nil }
            return (defaultFilter.queueSid, nil)
        }
        guard configuration.filters.indices.contains(filterIndex) else { return nil }
        let targets = configuration.filters[filterIndex].targets
        guard targets.indices.contains(step.targetIndex) else { return nil }
        let target = targets[step.targetIndex]
        return (target.queueSid, target)
    }

    /// The next target of the same filter, for when the timeout of `step` passes; `nil` after a filter's last
    /// target and for the default filter, which has no timeout.
    ///
    /// After a filter's last target Twilio goes on to the next filter whose expression matches the task, so an
    /// engine that knows the attributes calls `nextStep(after:in:attributes:)`, which does that as well. When
    /// no step follows, Twilio documents that the task "falls out of the Workflow and is canceled"; the default
    /// filter never follows a timeout.
    public static func nextStep(after step: RoutingStep, in configuration: WorkflowConfiguration) -> RoutingStep? {
        guard let filterIndex = step.filterIndex, configuration.filters.indices.contains(filterIndex) else { return nil }
        let next = step.targetIndex + 1
        guard configuration.filters[filterIndex].targets.indices.contains(next) else { return nil }
        return RoutingStep(filterIndex: filterIndex, targetIndex: next)
    }

    /// The step after `step` when its timeout passes, following Twilio through filters as well: the next
    /// target of the same filter, else the first target of the next filter whose expression matches
    /// `attributes`. `nil` when there is none: the engine cancels the task with `TaskRules.workflowTimeoutReason`.
    /// Twilio documents that the default filter "does not count as a subsequent filter for the purposes of a
    /// timeout", so it is never the answer.
    public static func nextStep(after step: RoutingStep, in configuration: WorkflowConfiguration, attributes: AttributeValue) -> RoutingStep? {
        guard let filterIndex = step.filterIndex else { return nil }
        return nextStep(after: step, in: configuration)
            ?? firstMatchingFilter(after: filterIndex, attributes: attributes, in: configuration)
    }

    /// The target's timeout in seconds; `nil` when it has none (the task then waits there until its TTL).
    public static func timeout(of step: RoutingStep, in configuration: WorkflowConfiguration) -> Int? {
        target(of: step, in: configuration)?.target?.timeout
    }

    /// When the task's current target times out: `dateEnteredStep` plus the target's timeout; `nil` when the
    /// task is not in a workflow step or the step has no timeout.
    ///
    /// Twilio counts target timeouts along the task's age ("unlike the Reservation Timeout, which always starts
    /// at zero"), so three 10-second targets end 10, 20 and 30 seconds after creation. The engine gets that by
    /// entering the next step at this deadline rather than at the moment it noticed it (`enter`'s `enteredAt`).
    public static func deadline(of task: TaskRouterTask, in configuration: WorkflowConfiguration) -> Date? {
        guard let step = task.routingStep, let entered = task.dateEnteredStep,
              let seconds = timeout(of: step, in: configuration)
        else { return nil }
        return entered.addingTimeInterval(Double(seconds))
    }

    /// The task in `step`: its queue, its routing step and when it entered it, and the target's priority when
    /// the target sets one (Twilio: "If a target defines a priority, it will update the priority of the Task").
    /// The queue's entered date moves only when the queue changes. `nil` when the step does not exist.
    public static func enter(
        _ step: RoutingStep, task: TaskRouterTask, configuration: WorkflowConfiguration, enteredAt: Date, now: Date
    ) -> TaskRouterTask? {
        guard let (queueSid, target) = target(of: step, in: configuration) else { return nil }
        var entered = task
        entered.routingStep = step
        entered.dateEnteredStep = enteredAt
        if entered.taskQueueSid != queueSid || entered.taskQueueEnteredDate == nil {
            entered.taskQueueSid = queueSid
            entered.taskQueueEnteredDate = enteredAt
        }
        if let priority = target?.priority { entered.priority = priority }
        if entered != task { entered.dateUpdated = now }
        return entered
    }

    /// The priority the task competes with: its target's priority when the target sets one, else its own.
    /// Twilio documents that a priority sent through the API holds "unless it matches a Workflow Target with a
    /// Priority set".
    public static func effectivePriority(of task: TaskRouterTask, in configuration: WorkflowConfiguration?) -> Int {
        guard let configuration, let step = task.routingStep,
              let priority = target(of: step, in: configuration)?.target?.priority
        else { return task.priority }
        return priority
    }

    /// The first target of the first filter after `filterIndex` (or from the top when `nil`) whose expression
    /// matches the task.
    static func firstMatchingFilter(after filterIndex: Int?, attributes: AttributeValue, in configuration: WorkflowConfiguration) -> RoutingStep? {
        let start = filterIndex.map { $0 + 1 } ?? 0
        guard start < configuration.filters.count else { return nil }
        for index in start..<configuration.filters.count where configuration.filters[index].expression.matches(task: attributes) {
            return RoutingStep(filterIndex: index, targetIndex: 0)
        }
        return nil
    }
}
