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

    /// The workers of a queue: those its `TargetWorkers` matches, whatever their activity. `skip_if` counts
    /// these; a blank `TargetWorkers` has none.
    public static func members(of queue: RoutingQueue, index: WorkerIndex) -> Set<String> {
        guard let targetWorkers = queue.targetWorkers else { return [] }
        return index.matchingWorkers(for: targetWorkers)
    }
}
