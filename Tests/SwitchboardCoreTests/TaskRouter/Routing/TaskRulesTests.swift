import Foundation
import Testing
@testable import SwitchboardCore

@Suite struct TaskRulesTests {
    typealias F = RoutingFixtures
    static let workflow = "WW11111111111111111111111111111111"

    func create(_ changes: TaskChanges = TaskChanges(), workflowSid: String? = workflow, taskQueueSid: String? = nil) throws -> TaskRouterTask {
        try TaskRules.create(
            changes, sid: "WT1", accountSid: "AC1", workspaceSid: "WS1", workflowSid: workflowSid, taskQueueSid: taskQueueSid,
            taskChannelSid: F.voice, taskChannelUniqueName: "voice", now: F.now)
    }

    func changes(status: String? = nil, reason: String? = nil, attributes: String? = nil) -> TaskChanges {
        var changes = TaskChanges()
        changes.assignmentStatus = status
        changes.reason = reason
        changes.attributes = attributes
        return changes
    }

    @Test func aTaskCreatedWithNothingButAWorkflowTakesTwiliosDefaults() throws {
        let task = try create()
        #expect(task.attributes == "{}")
        #expect(task.priority == 0)
        #expect(task.timeout == 86_400)
        #expect(task.assignmentStatus == .pending)
        #expect(task.workflowSid == Self.workflow)
        #expect(task.taskQueueSid == nil)
        #expect(task.taskQueueEnteredDate == nil)
        #expect(task.routingStep == nil)
        #expect(task.reason == nil)
        #expect(task.dateCreated == F.now)
        #expect(task.dateUpdated == F.now)
    }

    @Test func aTaskSentStraightToAQueueIsInItFromCreation() throws {
        let task = try create(workflowSid: nil, taskQueueSid: F.support)
        #expect(task.workflowSid == nil)
        #expect(task.taskQueueSid == F.support)
        #expect(task.taskQueueEnteredDate == F.now)
    }

    @Test func createKeepsTheParametersSent() throws {
        var changes = TaskChanges()
        changes.attributes = #"{"type": "support", "skills": ["a"]}"#
        changes.priority = 7
        changes.timeout = 600
        let task = try create(changes)
        #expect(task.attributes == #"{"type": "support", "skills": ["a"]}"#)
        #expect(try task.parsedAttributes() == F.attributes(#"{"skills": ["a"], "type": "support"}"#))
        #expect(task.priority == 7)
        #expect(task.timeout == 600)
    }

    @Test(arguments: [
        ("Attributes", "not json"), ("Attributes", "[1, 2]"), ("Attributes", "\"text\""),
        ("Priority", "-1"), ("Priority", "2147483648"),
        ("Timeout", "0"), ("Timeout", "-5"), ("Timeout", "1209601"),
    ])
    func createRefusesValuesTwilioRefuses(_ name: String, _ value: String) {
        var changes = TaskChanges()
        switch name {
        case "Attributes": changes.attributes = value
        case "Priority": changes.priority = Int(value)
        default: changes.timeout = Int(value)
        }
        let error = #expect(throws: TwilioError.self) { try create(changes) }
        #expect(error?.code == 20001)
        #expect(error?.httpStatus == 400)
        #expect(error?.message.contains(name) == true)
    }

    @Test(arguments: [(1, 1), (1_209_600, 1_209_600)])
    func timeoutsFromOneSecondToTwoWeeksAreAccepted(_ timeout: Int, _ expected: Int) throws {
        var changes = TaskChanges()
        changes.timeout = timeout
        #expect(try create(changes).timeout == expected)
    }

    @Test func priorityUpToTwoToTheThirtyFirstMinusOneIsAccepted() throws {
        var changes = TaskChanges()
        changes.priority = 2_147_483_647
        #expect(try create(changes).priority == 2_147_483_647)
    }

    @Test func aTaskNeedsAWorkflowOrAQueue() {
        #expect(throws: TwilioError.missingParameter("WorkflowSid")) { try create(workflowSid: nil, taskQueueSid: nil) }
    }

    @Test func workflowAndQueueReferencesMustCarryTheirPrefixes() {
        #expect(throws: TwilioError.self) { try create(workflowSid: "WQ11111111111111111111111111111111") }
        #expect(throws: TwilioError.self) { try create(workflowSid: nil, taskQueueSid: "WW11111111111111111111111111111111") }
    }

    @Test func updateAppliesAttributesPriorityAndTimeout() throws {
        var changes = TaskChanges()
        changes.attributes = #"{"type": "sales"}"#
        changes.priority = 3
        changes.timeout = 120
        let later = F.now.addingTimeInterval(5)
        let updated = try TaskRules.update(F.task(), with: changes, now: later)
        #expect(updated.attributes == #"{"type": "sales"}"#)
        #expect(updated.priority == 3)
        #expect(updated.timeout == 120)
        #expect(updated.assignmentStatus == .pending)
        #expect(updated.dateUpdated == later)
    }

    @Test func anUpdateThatChangesNothingKeepsDateUpdated() throws {
        let task = F.task(priority: 2)
        var changes = TaskChanges()
        changes.priority = 2
        #expect(try TaskRules.update(task, with: changes, now: F.now.addingTimeInterval(9)) == task)
    }

    @Test(arguments: [("Attributes", "[]"), ("Priority", "-3"), ("Timeout", "0")])
    func updateRefusesValuesTwilioRefuses(_ name: String, _ value: String) {
        var changes = TaskChanges()
        switch name {
        case "Attributes": changes.attributes = value
        case "Priority": changes.priority = Int(value)
        default: changes.timeout = Int(value)
        }
        let error = #expect(throws: TwilioError.self) { try TaskRules.update(F.task(), with: changes, now: F.now) }
        #expect(error?.code == 20001)
    }

    /// Every status a task can be in, against every status a client can ask for: the allowed moves are
    /// exactly canceled from pending or reserved, wrapping from assigned, completed from assigned or wrapping.
    static let transitions: [(TaskAssignmentStatus, TaskAssignmentStatus, Bool)] = TaskAssignmentStatus.allCases.flatMap { from in
        TaskAssignmentStatus.allCases.map { to in
            let allowed = switch (from, to) {
            case (.pending, .canceled), (.reserved, .canceled), (.assigned, .wrapping), (.assigned, .completed), (.wrapping, .completed): true
            default: false
            }
            return (from, to, allowed)
        }
    }

    @Test(arguments: transitions)
    func assignmentStatusMovesExactlyAsTwilioAllows(_ from: TaskAssignmentStatus, _ to: TaskAssignmentStatus, _ allowed: Bool) throws {
        let task = F.task(status: from)
        let request = changes(status: to.rawValue, reason: "done")
        if allowed {
            let updated = try TaskRules.update(task, with: request, now: F.now.addingTimeInterval(1))
            #expect(updated.assignmentStatus == to)
            #expect(updated.dateUpdated == F.now.addingTimeInterval(1))
        } else {
            let error = #expect(throws: TwilioError.self) { try TaskRules.update(task, with: request, now: F.now) }
            #expect(error?.code == 20001)
            #expect(error?.httpStatus == 400)
        }
    }

    @Test func refusalsUseTwiliosWording() {
        let cancel = #expect(throws: TwilioError.self) {
            try TaskRules.update(F.task(status: .assigned), with: changes(status: "canceled", reason: "x"), now: F.now)
        }
        #expect(cancel?.message == "Cannot cancel task WT1 in workspace WS1 for account AC1 because it is not pending or reserved")
        let wrap = #expect(throws: TwilioError.self) {
            try TaskRules.update(F.task(status: .reserved), with: changes(status: "wrapping"), now: F.now)
        }
        #expect(wrap?.message == "Cannot wrap up task WT1 in workspace WS1 for account AC1 because it's not currently assigned")
    }

    @Test func anUnknownAssignmentStatusIsRefused() {
        let error = #expect(throws: TwilioError.self) { try TaskRules.update(F.task(), with: changes(status: "done"), now: F.now) }
        #expect(error?.code == 20001)
        #expect(error?.message.contains("AssignmentStatus") == true)
    }

    @Test(arguments: [
        (TaskAssignmentStatus.pending, "canceled"), (.reserved, "canceled"), (.assigned, "completed"), (.wrapping, "completed"),
    ])
    func cancelingOrCompletingRequiresAReasonAndKeepsIt(_ from: TaskAssignmentStatus, _ to: String) throws {
        for missing in [nil, "", "  "] {
            let error = #expect(throws: TwilioError.self) {
                try TaskRules.update(F.task(status: from), with: changes(status: to, reason: missing), now: F.now)
            }
            #expect(error?.message.contains("Reason") == true)
        }
        let updated = try TaskRules.update(F.task(status: from), with: changes(status: to, reason: "waiting too long"), now: F.now)
        #expect(updated.reason == "waiting too long")
    }

    @Test func wrappingNeedsNoReasonAndStoresNone() throws {
        let updated = try TaskRules.update(F.task(status: .assigned), with: changes(status: "wrapping", reason: "ignored"), now: F.now)
        #expect(updated.assignmentStatus == .wrapping)
        #expect(updated.reason == nil)
    }

    @Test(arguments: ["wrapping", "completed"])
    func attributesCannotChangeInTheRequestThatWrapsOrCompletes(_ status: String) {
        let request = changes(status: status, reason: "done", attributes: #"{"a": 1}"#)
        let error = #expect(throws: TwilioError.self) { try TaskRules.update(F.task(status: .assigned), with: request, now: F.now) }
        #expect(error?.code == 20001)
    }

    @Test func attributesCanChangeInTheRequestThatCancels() throws {
        let request = changes(status: "canceled", reason: "gone", attributes: #"{"a": 1}"#)
        let updated = try TaskRules.update(F.task(), with: request, now: F.now)
        #expect(updated.assignmentStatus == .canceled)
        #expect(updated.attributes == #"{"a": 1}"#)
    }

    @Test(arguments: [TaskAssignmentStatus.canceled, .completed])
    func aTaskThatEndedCannotBeUpdated(_ status: TaskAssignmentStatus) {
        var changes = TaskChanges()
        changes.priority = 4
        let error = #expect(throws: TwilioError.self) { try TaskRules.update(F.task(status: status), with: changes, now: F.now) }
        #expect(error?.code == 20001)
    }

    @Test(arguments: [TaskAssignmentStatus.pending, .reserved])
    func anUnassignedTaskIsCanceledWhenItsTTLRunsOut(_ status: TaskAssignmentStatus) throws {
        let later = F.now.addingTimeInterval(86_400)
        let canceled = try #require(TaskRules.cancel(F.task(status: status), reason: TaskRules.ttlExceededReason, now: later))
        #expect(canceled.assignmentStatus == .canceled)
        #expect(canceled.reason == "Task TTL Exceeded")
        #expect(canceled.dateUpdated == later)
    }

    @Test(arguments: [TaskAssignmentStatus.assigned, .wrapping, .completed, .canceled])
    func taskRouterNeverCancelsATaskOnceAssigned(_ status: TaskAssignmentStatus) {
        #expect(TaskRules.cancel(F.task(status: status), reason: TaskRules.workflowTimeoutReason, now: F.now) == nil)
    }

    @Test func ageCountsWholeSecondsSinceCreationAndTheTTLEndsAtCreationPlusTimeout() {
        let task = F.task(createdSecondsAgo: 90.7)
        #expect(task.age(at: F.now) == 90)
        #expect(task.age(at: F.now.addingTimeInterval(-1_000)) == 0)
        #expect(task.expiresAt == task.dateCreated.addingTimeInterval(86_400))
    }

    @Test func terminalAndUnassignedStatusesAreNamed() {
        #expect(TaskAssignmentStatus.allCases.filter(\.isTerminal) == [.canceled, .completed])
        #expect(TaskAssignmentStatus.allCases.filter(\.isUnassigned) == [.pending, .reserved])
    }
}
