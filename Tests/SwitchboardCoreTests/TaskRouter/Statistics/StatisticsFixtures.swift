import Foundation
@testable import SwitchboardCore

/// Recorded events and workers for the statistics tests, on a 15-minute window starting at `start`.
enum StatisticsFixtures {
    static let start = Date(timeIntervalSince1970: 1_700_000_000)
    static let window = StatisticsWindow(start: start, end: start.addingTimeInterval(900))

    /// An event `seconds` after the window's start, with the fields `EventLog` records.
    static func event(
        _ type: String, at seconds: Double, task: String? = "WT1", worker: String? = nil, queue: String? = "WQsupport",
        workflow: String? = "WWmain", channel: String = "sms", age: Int? = nil, activity: String? = nil,
        leaving previous: (activity: String, milliseconds: Int)? = nil
    ) -> TaskRouterEvent {
        var data: [String: String] = ["TaskChannelUniqueName": channel]
        if let queue { data["TaskQueueSid"] = queue }
        if let workflow { data["WorkflowSid"] = workflow }
        if let age { data["TaskAge"] = String(age) }
        if let worker { data["WorkerSid"] = worker }
        if let activity { data["WorkerActivitySid"] = activity }
        if let previous {
            data["WorkerPreviousActivitySid"] = previous.activity
            data["WorkerTimeInPreviousActivityMs"] = String(previous.milliseconds)
        }
        let json = String(decoding: try! JSONSerialization.data(withJSONObject: data, options: [.sortedKeys]), as: UTF8.self)
        return TaskRouterEvent(
            sid: "EV\(type)\(seconds)", accountSid: "AC1", workspaceSid: "WS1", eventType: type, resourceType: "task",
            resourceSid: task ?? worker ?? "", taskSid: task, workerSid: worker, description: type, eventData: json,
            eventDateMilliseconds: Int64((start.timeIntervalSince1970 + seconds) * 1000))
    }

    static func worker(_ sid: String, activity: String, createdSecondsAfterStart created: Double) -> Worker {
        let date = start.addingTimeInterval(created)
        return Worker(sid: sid, accountSid: "AC1", workspaceSid: "WS1", friendlyName: sid, attributes: "{}", activitySid: activity,
                      dateStatusChanged: date, dateCreated: date, dateUpdated: date)
    }
}
