import Foundation
import Testing
@testable import SwitchboardCore

@Suite struct WorkerRulesTests {
    let now = Date(timeIntervalSince1970: 1_470_089_440)
    let later = Date(timeIntervalSince1970: 1_470_089_500)
    static let offline = "WA00000000000000000000000000000000"
    static let available = "WA11111111111111111111111111111111"

    static func changes(_ edit: (inout WorkerChanges) -> Void) -> WorkerChanges {
        var changes = WorkerChanges()
        changes.friendlyName = "alice"
        edit(&changes)
        return changes
    }

    func create(_ changes: WorkerChanges) throws(TwilioError) -> Worker {
        try WorkerRules.create(changes, sid: "WK1", accountSid: "AC1", workspaceSid: "WS1", defaultActivitySid: Self.offline, now: now)
    }

    @Test func createStartsInTheWorkspacesDefaultActivityWithEmptyAttributes() throws {
        let worker = try create(Self.changes { _ in })
        #expect(worker.friendlyName == "alice")
        #expect(worker.attributes == "{}")
        #expect(try worker.parsedAttributes() == .emptyObject)
        #expect(worker.activitySid == Self.offline)
        #expect(worker.workspaceSid == "WS1")
        #expect(worker.dateStatusChanged == now)
        #expect(worker.dateCreated == now)
        #expect(worker.dateUpdated == now)
    }

    @Test func createKeepsTheActivityAndAttributesSent() throws {
        let attributes = #"{ "contact_uri": "client:alice", "skills": ["support"], "level": 3 }"#
        let worker = try create(Self.changes {
            $0.activitySid = Self.available
            $0.attributes = attributes
        })
        #expect(worker.activitySid == Self.available)
        #expect(worker.attributes == attributes, "the text is stored exactly as sent")
        #expect(try worker.parsedAttributes().value(at: AttributePath(keys: ["contact_uri"])) == .string("client:alice"))
    }

    @Test(arguments: [nil, ""])
    func createRequiresAFriendlyName(_ friendlyName: String?) {
        let changes = Self.changes { $0.friendlyName = friendlyName }
        #expect(throws: TwilioError.missingParameter("FriendlyName")) { try create(changes) }
    }

    @Test func aFriendlyNameOfSixtyFourCharactersIsAccepted() throws {
        #expect(try create(Self.changes { $0.friendlyName = String(repeating: "a", count: 64) }).friendlyName.count == 64)
        #expect(try create(Self.changes { $0.friendlyName = String(repeating: "é", count: 64) }).friendlyName.count == 64)
    }

    /// Only the parameters `edit` sets, for tables of single wrong values.
    static func only(_ edit: (inout WorkerChanges) -> Void) -> WorkerChanges {
        var changes = WorkerChanges()
        edit(&changes)
        return changes
    }

    /// Each refused parameter value, sent alone, and the parameter the 20001 names.
    static let refused: [(WorkerChanges, String)] = [
        (only { $0.friendlyName = String(repeating: "a", count: 65) }, "FriendlyName"),
        (only { $0.attributes = "" }, "Attributes"),
        (only { $0.attributes = "not json" }, "Attributes"),
        (only { $0.attributes = #"{"level": }"# }, "Attributes"),
        (only { $0.attributes = "[1, 2]" }, "Attributes"),
        (only { $0.attributes = #""alice""# }, "Attributes"),
        (only { $0.attributes = "null" }, "Attributes"),
        (only { $0.activitySid = "WK0123456789abcdef0123456789abcdef" }, "ActivitySid"),
        (only { $0.activitySid = "" }, "ActivitySid"),
    ]

    @Test(arguments: refused)
    func createRefusesAWrongValueWith20001NamingTheParameter(_ wrong: WorkerChanges, parameter: String) {
        var changes = wrong
        changes.friendlyName = wrong.friendlyName ?? "alice"
        let error = #expect(throws: TwilioError.self) { try create(changes) }
        #expect(error?.code == 20001)
        #expect(error?.httpStatus == 400)
        #expect(error?.message.contains(parameter) == true, "\(error?.message ?? "")")
    }

    @Test(arguments: refused)
    func updateRefusesAWrongValueWith20001NamingTheParameter(_ changes: WorkerChanges, parameter: String) throws {
        let worker = try create(Self.changes { _ in })
        let error = #expect(throws: TwilioError.self) { try WorkerRules.update(worker, with: changes, now: later) }
        #expect(error?.code == 20001)
        #expect(error?.message.contains(parameter) == true, "\(error?.message ?? "")")
    }

    @Test func changingTheActivityMovesDateStatusChangedAndDateUpdated() throws {
        let worker = try create(Self.changes { $0.attributes = #"{"level": 1}"# })
        var changes = WorkerChanges()
        changes.activitySid = Self.available
        let updated = try WorkerRules.update(worker, with: changes, now: later)
        #expect(updated.activitySid == Self.available)
        #expect(updated.dateStatusChanged == later)
        #expect(updated.dateUpdated == later)
        #expect(updated.attributes == #"{"level": 1}"#)
        #expect(updated.friendlyName == "alice")
        #expect(updated.dateCreated == now)
    }

    @Test func changingOnlyAttributesLeavesDateStatusChangedAlone() throws {
        let worker = try create(Self.changes { _ in })
        var changes = WorkerChanges()
        changes.attributes = #"{"skills": ["sales"]}"#
        let updated = try WorkerRules.update(worker, with: changes, now: later)
        #expect(updated.attributes == #"{"skills": ["sales"]}"#)
        #expect(updated.activitySid == Self.offline)
        #expect(updated.dateStatusChanged == now)
        #expect(updated.dateUpdated == later)
    }

    @Test func sendingTheCurrentActivityOrNothingChangesNoDate() throws {
        let worker = try create(Self.changes { _ in })
        #expect(try WorkerRules.update(worker, with: WorkerChanges(), now: later) == worker)
        var same = WorkerChanges()
        same.activitySid = Self.offline
        same.friendlyName = "alice"
        same.attributes = "{}"
        #expect(try WorkerRules.update(worker, with: same, now: later) == worker)
    }

    @Test func updateRefusesAnEmptyFriendlyName() throws {
        let worker = try create(Self.changes { _ in })
        var changes = WorkerChanges()
        changes.friendlyName = ""
        let error = #expect(throws: TwilioError.self) { try WorkerRules.update(worker, with: changes, now: later) }
        #expect(error?.message.contains("FriendlyName") == true)
    }

    @Test func rejectPendingReservationsRejectsOnlyWhenTheNewActivityIsUnavailable() throws {
        var changes = WorkerChanges()
        #expect(try !WorkerRules.rejectsPendingReservations(changes, activityAvailable: false))
        #expect(try !WorkerRules.rejectsPendingReservations(changes, activityAvailable: true))
        changes.rejectPendingReservations = false
        #expect(try !WorkerRules.rejectsPendingReservations(changes, activityAvailable: true))
        changes.rejectPendingReservations = true
        #expect(try WorkerRules.rejectsPendingReservations(changes, activityAvailable: false))
        let error = #expect(throws: TwilioError.self) { try WorkerRules.rejectsPendingReservations(changes, activityAvailable: true) }
        #expect(error?.code == 20001)
        #expect(error?.message.contains("RejectPendingReservations") == true)
    }
}
