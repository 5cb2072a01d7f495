import Foundation
import Testing
@testable import SwitchboardCore

@Suite struct FlexFlowRulesTests {
    let now = Date(timeIntervalSince1970: 1_470_089_440)

    func seedTaskFlow() -> FlexFlowChanges {
        var changes = FlexFlowChanges()
        changes.friendlyName = "Outbound SMS"
        changes.chatServiceSid = "ISXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXNone"
        changes.channelType = "sms"
        changes.contactIdentity = "+12XXXXXXXXX"
        changes.integrationType = "task"
        changes.workflowSid = "WWXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"
        changes.workspaceSid = "WSXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"
        changes.channel = "TCXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"
        changes.enabled = false
        return changes
    }

    @Test func seedTaskFlowIsAcceptedWithTwiliosDefaults() throws {
        let flow = try FlexFlowRules.create(seedTaskFlow(), sid: "FO1", accountSid: "AC1", now: now)
        #expect(flow.enabled == false)
        #expect(flow.longLived == false)
        #expect(flow.janitorEnabled == false)
        #expect(flow.chatServiceSid == "ISXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXNone")
        #expect(flow.integration == .task(TaskIntegration(
            workspaceSid: "WSXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", workflowSid: "WWXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX",
            channel: "TCXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX", timeout: 86_400, priority: 0, creationOnMessage: false)))
    }

    @Test(arguments: ["FriendlyName", "ChatServiceSid", "ChannelType"])
    func createRequiresEachRequiredParameter(_ name: String) {
        var changes = seedTaskFlow()
        switch name {
        case "FriendlyName": changes.friendlyName = nil
        case "ChatServiceSid": changes.chatServiceSid = nil
        default: changes.channelType = nil
        }
        #expect(throws: TwilioError.missingParameter(name)) {
            try FlexFlowRules.create(changes, sid: "FO1", accountSid: "AC1", now: now)
        }
    }

    @Test func unknownChannelTypeIsRefusedWith20001() {
        var changes = seedTaskFlow()
        changes.channelType = "carrier-pigeon"
        let error = #expect(throws: TwilioError.self) { try FlexFlowRules.create(changes, sid: "FO1", accountSid: "AC1", now: now) }
        #expect(error?.code == 20001)
        #expect(error?.httpStatus == 400)
    }

    @Test func unknownIntegrationTypeIsRefused() {
        var changes = seedTaskFlow()
        changes.integrationType = "carrier"
        #expect(throws: TwilioError.self) { try FlexFlowRules.create(changes, sid: "FO1", accountSid: "AC1", now: now) }
    }

    @Test(arguments: [
        ("task", "Integration.WorkspaceSid"),
        ("studio", "Integration.FlowSid"),
        ("external", "Integration.Url"),
    ])
    func eachIntegrationTypeRequiresItsSettings(type: String, missing: String) {
        var changes = FlexFlowChanges()
        changes.friendlyName = "f"
        changes.chatServiceSid = "IS11111111111111111111111111111111"
        changes.channelType = "sms"
        changes.integrationType = type
        let error = #expect(throws: TwilioError.self) { try FlexFlowRules.create(changes, sid: "FO1", accountSid: "AC1", now: now) }
        #expect(error?.message.contains(missing) == true)
    }

    @Test func taskIntegrationRequiresWorkflowSid() {
        var changes = seedTaskFlow()
        changes.workflowSid = nil
        let error = #expect(throws: TwilioError.self) { try FlexFlowRules.create(changes, sid: "FO1", accountSid: "AC1", now: now) }
        #expect(error?.message.contains("Integration.WorkflowSid") == true)
    }

    @Test func studioAndExternalDefaultToThreeRetriesAndRefuseMoreThanThree() throws {
        var changes = FlexFlowChanges()
        changes.friendlyName = "f"
        changes.chatServiceSid = "IS11111111111111111111111111111111"
        changes.channelType = "web"
        changes.integrationType = "external"
        changes.url = "https://example.com/hook"
        let flow = try FlexFlowRules.create(changes, sid: "FO1", accountSid: "AC1", now: now)
        #expect(flow.integration == .external(url: "https://example.com/hook", retryCount: 3))
        changes.retryCount = 4
        #expect(throws: TwilioError.self) { try FlexFlowRules.create(changes, sid: "FO1", accountSid: "AC1", now: now) }
    }

    @Test func externalIntegrationRefusesANonHTTPURL() {
        var changes = FlexFlowChanges()
        changes.friendlyName = "f"
        changes.chatServiceSid = "IS11111111111111111111111111111111"
        changes.channelType = "web"
        changes.integrationType = "external"
        changes.url = "ftp://example.com"
        #expect(throws: TwilioError.self) { try FlexFlowRules.create(changes, sid: "FO1", accountSid: "AC1", now: now) }
    }

    @Test func withoutIntegrationTypeTheTypeFollowsTheSettingsSent() throws {
        var changes = FlexFlowChanges()
        changes.friendlyName = "f"
        changes.chatServiceSid = "IS11111111111111111111111111111111"
        changes.channelType = "web"
        changes.flowSid = "FW11111111111111111111111111111111"
        #expect(try FlexFlowRules.create(changes, sid: "FO1", accountSid: "AC1", now: now).integration.type == .studio)
        changes.flowSid = nil
        changes.workspaceSid = "WS11111111111111111111111111111111"
        changes.workflowSid = "WW11111111111111111111111111111111"
        #expect(try FlexFlowRules.create(changes, sid: "FO1", accountSid: "AC1", now: now).integration.type == .task)
    }

    @Test func referencedSidsMustCarryTheirPrefix() {
        var changes = seedTaskFlow()
        changes.workspaceSid = "WW123"
        #expect(throws: TwilioError.self) { try FlexFlowRules.create(changes, sid: "FO1", accountSid: "AC1", now: now) }
    }

    @Test(arguments: ["IS" + String(repeating: "a", count: 31), "IS" + String(repeating: "a", count: 33), "IS" + String(repeating: "z", count: 32)])
    func aChatServiceSidOfTheWrongLengthOrCharactersIsRefused(_ reference: String) {
        var changes = seedTaskFlow()
        changes.chatServiceSid = reference
        let error = #expect(throws: TwilioError.self) { try FlexFlowRules.create(changes, sid: "FO1", accountSid: "AC1", now: now) }
        #expect(error?.message.hasPrefix("ChatServiceSid must be a SID of IS and 32 hex digits") == true)
    }

    @Test func updateKeepsWhatWasNotSentAndMovesDateUpdated() throws {
        let flow = try FlexFlowRules.create(seedTaskFlow(), sid: "FO1", accountSid: "AC1", now: now)
        var changes = FlexFlowChanges()
        changes.priority = 5
        changes.creationOnMessage = true
        let later = now.addingTimeInterval(60)
        let updated = try FlexFlowRules.update(flow, with: changes, now: later)
        guard case .task(let task) = updated.integration else { Issue.record("integration type changed"); return }
        #expect(task.priority == 5)
        #expect(task.creationOnMessage)
        #expect(task.workspaceSid == "WSXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX")
        #expect(updated.friendlyName == "Outbound SMS")
        #expect(updated.dateUpdated == later)
        #expect(updated.dateCreated == now)
    }

    @Test func updateToAnotherIntegrationTypeNeedsThatTypesSettings() throws {
        let flow = try FlexFlowRules.create(seedTaskFlow(), sid: "FO1", accountSid: "AC1", now: now)
        var changes = FlexFlowChanges()
        changes.integrationType = "studio"
        #expect(throws: TwilioError.self) { try FlexFlowRules.update(flow, with: changes, now: now) }
        changes.flowSid = "FW12300000000000000000000000000000"
        #expect(try FlexFlowRules.update(flow, with: changes, now: now).integration == .studio(flowSid: "FW12300000000000000000000000000000", retryCount: 3))
    }

    @Test func updateWithNothingChangedKeepsDateUpdated() throws {
        let flow = try FlexFlowRules.create(seedTaskFlow(), sid: "FO1", accountSid: "AC1", now: now)
        #expect(try FlexFlowRules.update(flow, with: FlexFlowChanges(), now: now.addingTimeInterval(5)).dateUpdated == now)
    }

    @Test func taskTimeoutOutsideTaskRoutersRangeIsRefused() {
        var changes = seedTaskFlow()
        changes.timeout = 0
        #expect(throws: TwilioError.self) { try FlexFlowRules.create(changes, sid: "FO1", accountSid: "AC1", now: now) }
        changes.timeout = FlexFlowRules.maximumTaskTimeout + 1
        #expect(throws: TwilioError.self) { try FlexFlowRules.create(changes, sid: "FO1", accountSid: "AC1", now: now) }
    }
}
