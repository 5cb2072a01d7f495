import struct Foundation.Date

/// The fields of a recorded TaskRouter event that statistics read, taken out of its `event_data` once.
struct StatisticsEvent {
    let type: String
    let date: Date
    let taskSid: String?
    let workerSid: String?
    let taskQueueSid: String?
    let workflowSid: String?
    let taskChannel: String?
    /// Seconds since the task was created, when the event happened (`TaskAge`).
    let taskAge: Int?
    /// The activity a worker moved to (`WorkerActivitySid`).
    let workerActivitySid: String?
    /// The activity a worker left (`WorkerPreviousActivitySid`).
    let workerPreviousActivitySid: String?
    /// How long the worker had been in the activity they left, in milliseconds (`WorkerTimeInPreviousActivityMs`).
    let workerTimeInPreviousActivityMs: Int?

    init(_ event: TaskRouterEvent) {
        let data = (try? AttributeValue.parseAttributes(event.eventData)) ?? .emptyObject
        func text(_ key: String) -> String? {
            guard case .string(let value) = data.value(at: AttributePath(keys: [key])) else { return nil }
            return value
        }
        type = event.eventType
        date = event.eventDate
        taskSid = event.taskSid
        workerSid = event.workerSid
        taskQueueSid = text("TaskQueueSid")
        workflowSid = text("WorkflowSid")
        taskChannel = text("TaskChannelUniqueName")
        func integer(_ key: String) -> Int? {
            switch data.value(at: AttributePath(keys: [key])) {
            case .string(let value): return Int(value)
            case .number(let value): return Int(value)
            default: return nil
            }
        }
        taskAge = integer("TaskAge")
        workerActivitySid = text("WorkerActivitySid")
        workerPreviousActivitySid = text("WorkerPreviousActivitySid")
        workerTimeInPreviousActivityMs = integer("WorkerTimeInPreviousActivityMs")
    }
}
