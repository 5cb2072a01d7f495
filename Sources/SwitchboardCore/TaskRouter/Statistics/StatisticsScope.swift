/// Which events a statistics resource counts: those of the whole workspace, of one queue, one workflow or some
/// workers, on every task channel or on one.
public struct StatisticsScope: Sendable, Equatable {
    /// Only events of tasks in this queue (their `TaskQueueSid` when the event happened).
    public var taskQueueSid: String?
    /// Only events of tasks of this workflow.
    public var workflowSid: String?
    /// Only reservation events of these workers; task events then count for nobody.
    public var workerSids: Set<String>?
    /// Only events of tasks on this channel, by unique name (`TaskChannel`).
    public var taskChannel: String?

    /// A scope; the whole workspace on every channel by default.
    public init(taskQueueSid: String? = nil, workflowSid: String? = nil, workerSids: Set<String>? = nil, taskChannel: String? = nil) {
        self.taskQueueSid = taskQueueSid
        self.workflowSid = workflowSid
        self.workerSids = workerSids
        self.taskChannel = taskChannel
    }

    /// Whether an event with these fields counts.
    func includes(_ event: StatisticsEvent) -> Bool {
        if let taskQueueSid, event.taskQueueSid != taskQueueSid { return false }
        if let workflowSid, event.workflowSid != workflowSid { return false }
        if let taskChannel, event.taskChannel != taskChannel { return false }
        if let workerSids {
            guard let worker = event.workerSid, workerSids.contains(worker) else { return false }
        }
        return true
    }
}
