import Foundation
import Testing
@testable import SwitchboardCore

@Suite struct AssignmentCallbackTests {
    @Test(arguments: [
        ("", nil),
        ("  \n", nil),
        (#"{"instruction":"accept"}"#, AssignmentCallback.Instruction.accept),
        (#"{"instruction":"Accept"}"#, .accept),
        (#"{"instruction":"reject"}"#, .reject(activitySid: nil)),
        (#"{"instruction":"reject","activity_sid":"WA1"}"#, .reject(activitySid: "WA1")),
        (#"{"instruction":"dequeue","from":"+14155550100"}"#, .unsupported("dequeue")),
        (#"{"instruction":"fly"}"#, .unsupported("fly")),
        ("accept", .unreadable),
        (#"{"action":"accept"}"#, .unreadable),
        (#"["accept"]"#, .unreadable),
    ] as [(String, AssignmentCallback.Instruction?)])
    func theAnswerBodyNamesTheInstruction(_ body: String, _ expected: AssignmentCallback.Instruction?) {
        #expect(AssignmentCallback.instruction(in: Array(body.utf8)) == expected)
    }

    @Test func theParametersAreTwiliosAndLeaveOutAQueueTheTaskIsNotIn() {
        let created = Date(timeIntervalSince1970: 1_700_000_000)
        let task = TaskRouterTask(
            sid: "WT1", accountSid: "AC1", workspaceSid: "WS1", workflowSid: "WW1", taskQueueSid: nil, taskChannelSid: "TC1",
            taskChannelUniqueName: "sms", attributes: #"{"a":1}"#, priority: 5, timeout: 3600, assignmentStatus: .reserved,
            reason: nil, routingStep: nil, dateEnteredStep: nil, taskQueueEnteredDate: nil, dateCreated: created, dateUpdated: created)
        let worker = Worker(sid: "WK1", accountSid: "AC1", workspaceSid: "WS1", friendlyName: "kate", attributes: #"{"skill":"x"}"#,
                            activitySid: "WA1", dateStatusChanged: created, dateCreated: created, dateUpdated: created)
        let reservation = ReservationRules.create(sid: "WR1", task: task, workerSid: "WK1", workerName: "kate", reservationTimeout: 120, now: created)
        let pairs = AssignmentCallback.parameters(task: task, reservation: reservation, worker: worker, now: created.addingTimeInterval(42))
        #expect(pairs.map(\.name) == ["AccountSid", "WorkspaceSid", "WorkflowSid", "TaskSid", "ReservationSid", "WorkerSid",
                                      "TaskAge", "TaskPriority", "TaskAttributes", "WorkerAttributes"])
        #expect(pairs.first { $0.name == "TaskAge" }?.value == "42")
        #expect(pairs.first { $0.name == "WorkerAttributes" }?.value == #"{"skill":"x"}"#)
    }
}
