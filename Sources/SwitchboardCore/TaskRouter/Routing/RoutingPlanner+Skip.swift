public import struct Foundation.Date

extension RoutingPlanner {
    /// Whether the task skips `step` at once. Twilio skips a step only when both hold: no reservation was
    /// created as the task entered it (the engine's to know, so it asks only then) and the target's `skip_if`
    /// is true for the counts of the step's queue's workers. A step without `skip_if` is never skipped.
    public static func shouldSkip(_ step: RoutingStep, in configuration: WorkflowConfiguration, counts: QueueWorkerCounts) -> Bool {
        guard let skipIf = target(of: step, in: configuration)?.target?.skipIf else { return false }
        return skipIf.matches(task: counts.document)
    }

    /// Where a task that skips `step` goes: the next target of the same filter, else the next filter whose
    /// expression matches, else the default filter, since Twilio documents that "Tasks that skip a named filter
    /// still qualify for the default_filter". `nil` when nothing follows (the default filter itself was
    /// skipped): the task stays where it is until a timeout or its TTL.
    public static func stepAfterSkipping(_ step: RoutingStep, in configuration: WorkflowConfiguration, attributes: AttributeValue) -> RoutingStep? {
        guard let filterIndex = step.filterIndex else { return nil }
        return nextStep(after: step, in: configuration)
            ?? firstMatchingFilter(after: filterIndex, attributes: attributes, in: configuration)
            ?? (configuration.defaultFilter == nil ? nil : .defaultFilter)
    }

    /// The task after it enters `step` at `enteredAt`, having skipped at once every target Twilio skips on the
    /// way: Twilio evaluates `skip_if` only as a task enters a target, and skips the target only if no worker can
    /// be offered the task there then (`canOffer`) and `skip_if` holds for the workers of the target's queue
    /// (`counts`, by queue SID). Each skip moves on as `stepAfterSkipping` says, and the next target is entered
    /// at the same moment, so target timeouts keep adding up along the task's age. When nothing follows a
    /// skipped target the task stays in it. `nil` when `step` does not exist in the configuration.
    public static func enterSkipping(
        _ step: RoutingStep, task: TaskRouterTask, configuration: WorkflowConfiguration, attributes: AttributeValue,
        enteredAt: Date, now: Date, counts: (String) -> QueueWorkerCounts, canOffer: (TaskRouterTask) -> Bool
    ) -> TaskRouterTask? {
        guard var entered = enter(step, task: task, configuration: configuration, enteredAt: enteredAt, now: now) else { return nil }
        // Skipping only ever moves forward (a later target or filter, then the default filter, which has no
        // `skip_if`), so this ends.
        while let current = entered.routingStep, let queueSid = entered.taskQueueSid,
              target(of: current, in: configuration)?.target?.skipIf != nil,
              !canOffer(entered), shouldSkip(current, in: configuration, counts: counts(queueSid)),
              let next = stepAfterSkipping(current, in: configuration, attributes: attributes),
              let moved = enter(next, task: entered, configuration: configuration, enteredAt: enteredAt, now: now) {
            entered = moved
        }
        return entered
    }

    /// The workers of a queue: those its `TargetWorkers` matches, whatever their activity. `skip_if` counts
    /// these; a blank `TargetWorkers` has none.
    public static func members(of queue: RoutingQueue, index: WorkerIndex) -> Set<String> {
        guard let targetWorkers = queue.targetWorkers else { return [] }
        return index.matchingWorkers(for: targetWorkers)
    }
}
