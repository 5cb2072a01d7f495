import Foundation
import Testing
@testable import SwitchboardCore

@Suite struct TaskQueueRulesTests {
    let now = Date(timeIntervalSince1970: 1_470_089_440)
    let later = Date(timeIntervalSince1970: 1_470_089_500)

    static func changes(_ edit: (inout TaskQueueChanges) -> Void) -> TaskQueueChanges {
        var changes = TaskQueueChanges()
        changes.friendlyName = "Support"
        edit(&changes)
        return changes
    }

    func create(_ changes: TaskQueueChanges) throws(TwilioError) -> TaskQueue {
        try TaskQueueRules.create(changes, sid: "WQ1", accountSid: "AC1", workspaceSid: "WS1", now: now)
    }

    @Test func createAppliesTwiliosDefaults() throws {
        let queue = try create(Self.changes { _ in })
        #expect(queue.friendlyName == "Support")
        #expect(queue.targetWorkers == "1==1")
        #expect(queue.maxReservedWorkers == 1)
        #expect(queue.taskOrder == .fifo)
        #expect(queue.reservationActivitySid == nil)
        #expect(queue.assignmentActivitySid == nil)
        #expect(queue.workspaceSid == "WS1")
        #expect(queue.dateCreated == now)
        #expect(queue.dateUpdated == now)
        #expect(try queue.parsedTargetWorkers() == TaskRouterExpression.parse("1==1"))
    }

    @Test(arguments: [nil, ""])
    func createRequiresAFriendlyName(_ friendlyName: String?) {
        let changes = Self.changes { $0.friendlyName = friendlyName }
        #expect(throws: TwilioError.missingParameter("FriendlyName")) { try create(changes) }
    }

    @Test func createKeepsEverySettingSent() throws {
        let queue = try create(Self.changes {
            $0.targetWorkers = "skills HAS 'support'  AND level >= 2"
            $0.maxReservedWorkers = 50
            $0.taskOrder = "LIFO"
            $0.reservationActivitySid = "WAXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"
            $0.assignmentActivitySid = "WAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
        })
        #expect(queue.targetWorkers == "skills HAS 'support'  AND level >= 2", "the text is stored exactly as sent")
        #expect(try queue.parsedTargetWorkers()?.description == #"(skills HAS "support" AND level >= 2)"#)
        #expect(queue.maxReservedWorkers == 50)
        #expect(queue.taskOrder == .lifo)
        #expect(queue.reservationActivitySid == "WAXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX")
        #expect(queue.assignmentActivitySid == "WAaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa")
    }

    /// Twilio documents that with empty TargetWorkers tasks wait in the queue: accepted, and no worker matches.
    @Test(arguments: ["", "   "])
    func blankTargetWorkersIsAcceptedAndMatchesNoWorker(_ text: String) throws {
        let queue = try create(Self.changes { $0.targetWorkers = text })
        #expect(queue.targetWorkers == text)
        #expect(try queue.parsedTargetWorkers() == nil)
    }

    /// Only the parameters `edit` sets, for tables of single wrong values.
    static func only(_ edit: (inout TaskQueueChanges) -> Void) -> TaskQueueChanges {
        var changes = TaskQueueChanges()
        edit(&changes)
        return changes
    }

    /// Each refused parameter value, sent alone, and the parameter the 20001 names.
    static let refused: [(TaskQueueChanges, String)] = [
        (only { $0.targetWorkers = "skills HAS" }, "TargetWorkers"),
        (only { $0.targetWorkers = "language == 'en' AND" }, "TargetWorkers"),
        (only { $0.targetWorkers = "first-name == 'Bob'" }, "TargetWorkers"),
        (only { $0.targetWorkers = "(level > 1" }, "TargetWorkers"),
        (only { $0.maxReservedWorkers = 0 }, "MaxReservedWorkers"),
        (only { $0.maxReservedWorkers = 51 }, "MaxReservedWorkers"),
        (only { $0.maxReservedWorkers = -1 }, "MaxReservedWorkers"),
        (only { $0.taskOrder = "fifo" }, "TaskOrder"),
        (only { $0.taskOrder = "RANDOM" }, "TaskOrder"),
        (only { $0.reservationActivitySid = "WK0123456789abcdef0123456789abcdef" }, "ReservationActivitySid"),
        (only { $0.reservationActivitySid = "WA" }, "ReservationActivitySid"),
        (only { $0.assignmentActivitySid = "WQ0123456789abcdef0123456789abcdef" }, "AssignmentActivitySid"),
    ]

    @Test(arguments: refused)
    func createRefusesAWrongValueWith20001NamingTheParameter(_ wrong: TaskQueueChanges, parameter: String) {
        var changes = wrong
        changes.friendlyName = "Support"
        let error = #expect(throws: TwilioError.self) { try create(changes) }
        #expect(error?.code == 20001)
        #expect(error?.httpStatus == 400)
        #expect(error?.message.contains(parameter) == true, "\(error?.message ?? "")")
    }

    @Test(arguments: refused)
    func updateRefusesAWrongValueWith20001NamingTheParameter(_ changes: TaskQueueChanges, parameter: String) throws {
        let queue = try create(Self.changes { _ in })
        let error = #expect(throws: TwilioError.self) { try TaskQueueRules.update(queue, with: changes, now: later) }
        #expect(error?.code == 20001)
        #expect(error?.message.contains(parameter) == true, "\(error?.message ?? "")")
    }

    @Test func aBadTargetWorkersExpressionIsReportedWithItsPosition() {
        let error = #expect(throws: TwilioError.self) { try create(Self.changes { $0.targetWorkers = "level >> 2" }) }
        #expect(error?.message == "TargetWorkers: Invalid TaskRouter expression 'level >> 2': unknown operator '>>' at position 7")
    }

    @Test func updateKeepsWhatWasNotSentAndMovesDateUpdated() throws {
        let queue = try create(Self.changes {
            $0.targetWorkers = "skills HAS 'sales'"
            $0.reservationActivitySid = "WA11111111111111111111111111111111"
        })
        var changes = TaskQueueChanges()
        changes.maxReservedWorkers = 3
        let updated = try TaskQueueRules.update(queue, with: changes, now: later)
        #expect(updated.maxReservedWorkers == 3)
        #expect(updated.friendlyName == "Support")
        #expect(updated.targetWorkers == "skills HAS 'sales'")
        #expect(updated.reservationActivitySid == "WA11111111111111111111111111111111")
        #expect(updated.taskOrder == .fifo)
        #expect(updated.dateCreated == now)
        #expect(updated.dateUpdated == later)
    }

    @Test func updateThatChangesNothingKeepsDateUpdated() throws {
        let queue = try create(Self.changes { $0.taskOrder = "LIFO" })
        #expect(try TaskQueueRules.update(queue, with: TaskQueueChanges(), now: later) == queue)
        var same = TaskQueueChanges()
        same.taskOrder = "LIFO"
        same.friendlyName = "Support"
        #expect(try TaskQueueRules.update(queue, with: same, now: later).dateUpdated == now)
    }

    @Test func updateReplacesTargetWorkersAndTaskOrder() throws {
        let queue = try create(Self.changes { _ in })
        var changes = TaskQueueChanges()
        changes.targetWorkers = "languages HAS 'es'"
        changes.taskOrder = "LIFO"
        let updated = try TaskQueueRules.update(queue, with: changes, now: later)
        #expect(updated.targetWorkers == "languages HAS 'es'")
        #expect(try updated.parsedTargetWorkers()?.matches(worker: .object(["languages": .array([.string("es")])])) == true)
        #expect(updated.taskOrder == .lifo)
    }

    @Test func updateWithAnEmptyActivitySidClearsIt() throws {
        let queue = try create(Self.changes {
            $0.reservationActivitySid = "WA11111111111111111111111111111111"
            $0.assignmentActivitySid = "WA22222222222222222222222222222222"
        })
        var changes = TaskQueueChanges()
        changes.reservationActivitySid = ""
        let updated = try TaskQueueRules.update(queue, with: changes, now: later)
        #expect(updated.reservationActivitySid == nil)
        #expect(updated.assignmentActivitySid == "WA22222222222222222222222222222222")
        #expect(updated.dateUpdated == later)
    }

    @Test func updateRefusesAnEmptyFriendlyName() throws {
        let queue = try create(Self.changes { _ in })
        var changes = TaskQueueChanges()
        changes.friendlyName = ""
        let error = #expect(throws: TwilioError.self) { try TaskQueueRules.update(queue, with: changes, now: later) }
        #expect(error?.message.contains("FriendlyName") == true)
    }
}
