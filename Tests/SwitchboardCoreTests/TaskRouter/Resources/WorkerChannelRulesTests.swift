import Foundation
import Testing
@testable import SwitchboardCore

@Suite struct WorkerChannelRulesTests {
    let now = Date(timeIntervalSince1970: 1_470_089_440)
    let later = Date(timeIntervalSince1970: 1_470_089_500)

    func channel(_ uniqueName: String = "chat") -> WorkerChannel {
        WorkerChannelRules.create(
            sid: "WC1", accountSid: "AC1", workspaceSid: "WS1", workerSid: "WK1", taskChannelSid: "TC1",
            taskChannelUniqueName: uniqueName, now: now)
    }

    @Test func aNewChannelHasCapacityOneIsAvailableAndHasNoTasks() {
        let channel = channel()
        #expect(channel.configuredCapacity == 1)
        #expect(channel.available)
        #expect(channel.assignedTasks == 0)
        #expect(channel.availableCapacityPercentage == 100)
        #expect(channel.workerSid == "WK1")
        #expect(channel.taskChannelSid == "TC1")
        #expect(channel.taskChannelUniqueName == "chat")
        #expect(channel.dateCreated == now)
        #expect(channel.dateUpdated == now)
    }

    /// Free capacity as a whole percentage, rounded down; nothing free when unavailable or at capacity 0.
    @Test(arguments: [
        (1, 0, true, 100),
        (1, 1, true, 0),
        (3, 1, true, 66),
        (3, 2, true, 33),
        (4, 1, true, 75),
        (50, 1, true, 98),
        (0, 0, true, 0),
        (2, 0, false, 0),
        (2, 5, true, 0),
    ])
    func availableCapacityPercentageIsTheFreeShareOfCapacity(capacity: Int, assigned: Int, available: Bool, percentage: Int) {
        var channel = channel()
        channel.configuredCapacity = capacity
        channel.assignedTasks = assigned
        channel.available = available
        #expect(channel.availableCapacityPercentage == percentage)
    }

    @Test(arguments: [("chat", 0), ("chat", 50), ("sms", 7), ("default", 3), ("voice", 0), ("voice", 1)])
    func capacityWithinTheChannelsLimitIsAccepted(uniqueName: String, capacity: Int) throws {
        let updated = try WorkerChannelRules.update(channel(uniqueName), capacity: capacity, available: nil, now: later)
        #expect(updated.configuredCapacity == capacity)
        #expect(updated.available)
    }

    @Test(arguments: [("chat", -1), ("chat", 51), ("voice", 2), ("voice", -1)])
    func capacityOutsideTheChannelsLimitIsRefusedWith20001(uniqueName: String, capacity: Int) {
        let error = #expect(throws: TwilioError.self) {
            try WorkerChannelRules.update(channel(uniqueName), capacity: capacity, available: nil, now: later)
        }
        #expect(error?.code == 20001)
        #expect(error?.message.contains("Capacity") == true)
        #expect(error?.message.contains(uniqueName) == true)
    }

    @Test func markingAChannelUnavailableKeepsItsCapacity() throws {
        let raised = try WorkerChannelRules.update(channel(), capacity: 3, available: nil, now: now)
        let updated = try WorkerChannelRules.update(raised, capacity: nil, available: false, now: later)
        #expect(!updated.available)
        #expect(updated.configuredCapacity == 3)
        #expect(updated.availableCapacityPercentage == 0)
        #expect(updated.dateUpdated == later)
        let restored = try WorkerChannelRules.update(updated, capacity: nil, available: true, now: later)
        #expect(restored.availableCapacityPercentage == 100)
    }

    @Test func anUpdateThatChangesNothingKeepsDateUpdated() throws {
        let channel = channel()
        #expect(try WorkerChannelRules.update(channel, capacity: nil, available: nil, now: later) == channel)
        #expect(try WorkerChannelRules.update(channel, capacity: 1, available: true, now: later) == channel)
    }
}
