import Foundation
import Testing
@testable import SwitchboardCore

@Suite struct WorkflowRulesTests {
    let now = Date(timeIntervalSince1970: 1_470_089_440)
    let later = Date(timeIntervalSince1970: 1_470_089_500)
    static let configuration = """
        {"task_routing": {"filters": [{"filter_friendly_name": "Sales", "expression": "type == 'sales'",
          "targets": [{"queue": "WQ1"}]}], "default_filter": {"queue": "WQ2"}}}
        """

    static func changes(_ edit: (inout WorkflowChanges) -> Void) -> WorkflowChanges {
        var changes = WorkflowChanges()
        changes.friendlyName = "Inbound"
        changes.configuration = configuration
        edit(&changes)
        return changes
    }

    func create(_ changes: WorkflowChanges) throws(TwilioError) -> Workflow {
        try WorkflowRules.create(changes, sid: "WW1", accountSid: "AC1", workspaceSid: "WS1", now: now)
    }

    @Test func createAppliesTwiliosDefaultsAndKeepsTheConfigurationTextAsSent() throws {
        let workflow = try create(Self.changes { _ in })
        #expect(workflow.friendlyName == "Inbound")
        #expect(workflow.configuration == Self.configuration)
        #expect(workflow.taskReservationTimeout == 120)
        #expect(workflow.assignmentCallbackUrl == nil)
        #expect(workflow.fallbackAssignmentCallbackUrl == nil)
        #expect(workflow.workspaceSid == "WS1")
        #expect(workflow.dateCreated == now)
        #expect(workflow.dateUpdated == now)
        #expect(try workflow.parsedConfiguration().queueSids == ["WQ1", "WQ2"])
    }

    @Test func createKeepsEverySettingSent() throws {
        let workflow = try create(Self.changes {
            $0.assignmentCallbackUrl = "https://example.com/assign"
            $0.fallbackAssignmentCallbackUrl = "http://backup.example.com:8080/assign?x=1"
            $0.taskReservationTimeout = 86_400
        })
        #expect(workflow.assignmentCallbackUrl == "https://example.com/assign")
        #expect(workflow.fallbackAssignmentCallbackUrl == "http://backup.example.com:8080/assign?x=1")
        #expect(workflow.taskReservationTimeout == 86_400)
    }

    @Test(arguments: [
        (changes { $0.friendlyName = nil }, "FriendlyName"),
        (changes { $0.friendlyName = "" }, "FriendlyName"),
        (changes { $0.configuration = nil }, "Configuration"),
        (changes { $0.configuration = "" }, "Configuration"),
    ])
    func createRequiresFriendlyNameAndConfiguration(_ changes: WorkflowChanges, parameter: String) {
        #expect(throws: TwilioError.missingParameter(parameter)) { try create(changes) }
    }

    /// Only the parameters `edit` sets, for tables of single wrong values.
    static func only(_ edit: (inout WorkflowChanges) -> Void) -> WorkflowChanges {
        var changes = WorkflowChanges()
        edit(&changes)
        return changes
    }

    /// Each refused parameter value, sent alone, and the parameter the 20001 names.
    static let refused: [(WorkflowChanges, String)] = [
        (only { $0.taskReservationTimeout = 0 }, "TaskReservationTimeout"),
        (only { $0.taskReservationTimeout = 86_401 }, "TaskReservationTimeout"),
        (only { $0.taskReservationTimeout = -120 }, "TaskReservationTimeout"),
        (only { $0.assignmentCallbackUrl = "ftp://example.com/assign" }, "AssignmentCallbackUrl"),
        (only { $0.assignmentCallbackUrl = "/assign" }, "AssignmentCallbackUrl"),
        (only { $0.assignmentCallbackUrl = "example.com" }, "AssignmentCallbackUrl"),
        (only { $0.fallbackAssignmentCallbackUrl = "https://" }, "FallbackAssignmentCallbackUrl"),
        (only { $0.configuration = "not json" }, "Configuration"),
        (only { $0.configuration = #"{"task_routing": {"filters": [{"expression": "1==1", "targets": [{"queue": "WK1"}]}]}}"# },
         "task_routing.filters[0].targets[0].queue"),
    ]

    @Test(arguments: refused)
    func createRefusesAWrongValueWith20001NamingTheParameter(_ wrong: WorkflowChanges, parameter: String) {
        var changes = wrong
        changes.friendlyName = "Inbound"
        changes.configuration = wrong.configuration ?? Self.configuration
        let error = #expect(throws: TwilioError.self) { try create(changes) }
        #expect(error?.code == 20001)
        #expect(error?.httpStatus == 400)
        #expect(error?.message.contains(parameter) == true, "\(error?.message ?? "")")
    }

    @Test(arguments: refused)
    func updateRefusesAWrongValueWith20001NamingTheParameter(_ changes: WorkflowChanges, parameter: String) throws {
        let workflow = try create(Self.changes { _ in })
        let error = #expect(throws: TwilioError.self) { try WorkflowRules.update(workflow, with: changes, now: later) }
        #expect(error?.code == 20001)
        #expect(error?.message.contains(parameter) == true, "\(error?.message ?? "")")
    }

    @Test func updateKeepsWhatWasNotSentAndMovesDateUpdated() throws {
        let workflow = try create(Self.changes { $0.assignmentCallbackUrl = "https://example.com/assign" })
        var changes = WorkflowChanges()
        changes.taskReservationTimeout = 30
        let updated = try WorkflowRules.update(workflow, with: changes, now: later)
        #expect(updated.taskReservationTimeout == 30)
        #expect(updated.friendlyName == "Inbound")
        #expect(updated.configuration == Self.configuration)
        #expect(updated.assignmentCallbackUrl == "https://example.com/assign")
        #expect(updated.dateCreated == now)
        #expect(updated.dateUpdated == later)
    }

    @Test func updateReplacesTheConfigurationWithTheNewText() throws {
        let workflow = try create(Self.changes { _ in })
        let replacement = #"{"task_routing": {"default_filter": {"queue": "WQ9"}}}"#
        var changes = WorkflowChanges()
        changes.configuration = replacement
        let updated = try WorkflowRules.update(workflow, with: changes, now: later)
        #expect(updated.configuration == replacement)
        #expect(try updated.parsedConfiguration().queueSids == ["WQ9"])
    }

    @Test func updateThatChangesNothingKeepsDateUpdated() throws {
        let workflow = try create(Self.changes { _ in })
        #expect(try WorkflowRules.update(workflow, with: WorkflowChanges(), now: later) == workflow)
        let same = Self.changes { $0.taskReservationTimeout = 120 }
        #expect(try WorkflowRules.update(workflow, with: same, now: later).dateUpdated == now)
    }

    @Test func anEmptyCallbackUrlClearsIt() throws {
        let workflow = try create(Self.changes {
            $0.assignmentCallbackUrl = "https://example.com/assign"
            $0.fallbackAssignmentCallbackUrl = "https://example.com/fallback"
        })
        var changes = WorkflowChanges()
        changes.assignmentCallbackUrl = ""
        let updated = try WorkflowRules.update(workflow, with: changes, now: later)
        #expect(updated.assignmentCallbackUrl == nil)
        #expect(updated.fallbackAssignmentCallbackUrl == "https://example.com/fallback")
        #expect(updated.dateUpdated == later)
    }

    @Test func updateRefusesAnEmptyFriendlyName() throws {
        let workflow = try create(Self.changes { _ in })
        var changes = WorkflowChanges()
        changes.friendlyName = ""
        let error = #expect(throws: TwilioError.self) { try WorkflowRules.update(workflow, with: changes, now: later) }
        #expect(error?.message.contains("FriendlyName") == true)
    }
}
