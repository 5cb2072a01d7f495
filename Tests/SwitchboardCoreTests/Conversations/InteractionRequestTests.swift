import Foundation
import Testing
import SwitchboardCore

@Suite struct InteractionRequestTests {
    let routing = #"{"properties":{"workspace_sid":"WSXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX","workflow_sid":"WWXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX","worker_sid":"WKXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX","task_channel_unique_name":"sms","attributes":{"customerName":"silly name"}}}"#

    @Test func theSeedsSmsChannelAndRoutingAreRead() throws {
        let channel = #"{"type":"sms","initiated_by":"agent","properties":{"type":"sms"},"participants":[{"address":"+13115552368","proxy_address":"+192555512345","type":"sms"}]}"#
        let request = try InteractionRequest.parse(channel: channel, routing: routing)
        #expect(request.type == .sms)
        #expect(request.initiatedBy == "agent")
        #expect(request.participant == InteractionParticipantRequest(address: "+13115552368", proxyAddress: "+192555512345"))
        #expect(request.routing.workspaceSid == "WSXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX")
        #expect(request.routing.workerSid == "WKXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX")
        #expect(request.routing.taskChannelUniqueName == "sms")
    }

    @Test func theTaskAttributesCarryTheConversationTheInteractionAndTheDirection() throws {
        let channel = #"{"type":"whatsapp","initiated_by":"agent","participants":[{"address":"whatsapp:+13115552368","proxy_address":"whatsapp:+19251235555"}]}"#
        let request = try InteractionRequest.parse(channel: channel, routing: routing)
        let attributes = InteractionRules.taskAttributes(request, conversationSid: "CH1", interactionSid: "KD1", channelSid: "UO1", inviteSid: "KG1")
        #expect(attributes[member: "conversationSid"] == .string("CH1"))
        #expect(attributes[member: "flexInteractionSid"] == .string("KD1"))
        #expect(attributes[member: "flexInteractionChannelSid"] == .string("UO1"))
        #expect(attributes[member: "initiatedBy"] == .string("agent"))
        #expect(attributes[member: "direction"] == .string("outbound"))
        #expect(attributes[member: "customerName"] == .string("silly name"))
        #expect(attributes[member: "worker_sid"] == .string("WKXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXXX"))
        #expect(attributes[member: "flexChannelInviteSid"] == .string("KG1"))
        let conversations = attributes[member: "conversations"]
        #expect(conversations?[member: "initiated_by"] == .string("Agent"))
        #expect(conversations?[member: "communication_channel"] == .string("Whatsapp"))
        #expect(conversations?[member: "direction"] == .string("Outbound"))
        #expect(conversations?[member: "conversation_id"] == .string("KD1"))
        #expect(conversations?[member: "media"] == .array([.object(["type": .string("ChatTranscript"), "sid": .string("CH1"), "conversation_sid": .string("CH1")])]))
    }

    @Test func aChannelWithoutAKnownTypeOrACustomerIsRefused() {
        #expect(throws: TwilioError.self) { try InteractionRequest.parse(channel: #"{"type":"fax","participants":[{"address":"+13115552368"}]}"#, routing: routing) }
        #expect(throws: TwilioError.self) { try InteractionRequest.parse(channel: #"{"type":"sms","participants":[]}"#, routing: routing) }
        #expect(throws: TwilioError.self) { try InteractionRequest.parse(channel: #"{"type":"sms","participants":[{"address":"+13115552368"}]}"#, routing: routing) }
        #expect(throws: TwilioError.self) { try InteractionRequest.parse(channel: nil, routing: routing) }
        #expect(throws: TwilioError.self) { try InteractionRequest.parse(channel: #"{"type":"chat","participants":[{"address":"ann"}]}"#, routing: #"{"properties":{}}"#) }
    }

    @Test func onlyClosedAndInactiveAreStatusesAClientMaySet() throws {
        #expect(try InteractionRules.requestedStatus("closed") == .closed)
        #expect(try InteractionRules.requestedStatus("inactive") == .inactive)
        #expect(throws: TwilioError.self) { try InteractionRules.requestedStatus("active") }
        #expect(throws: TwilioError.self) { try InteractionRules.requestedStatus(nil) }
    }

    @Test func timersAreReadAsISO8601Durations() throws {
        #expect(try ConversationRules.duration("PT10M", parameter: "Timers.Inactive") == 600)
        #expect(try ConversationRules.duration("P1DT1H", parameter: "Timers.Closed") == 90_000)
        #expect(throws: TwilioError.self) { try ConversationRules.duration("10 minutes", parameter: "Timers.Closed") }
    }

    @Test(arguments: ["P99999999999999999999D", "PT1\(String(repeating: "0", count: 400))S", "P3651D"])
    func aTimerTooLongToEverFireIsRefusedWith20001(_ text: String) {
        let error = #expect(throws: TwilioError.self) { try ConversationRules.duration(text, parameter: "Timers.Inactive") }
        #expect(error?.code == 20001)
    }
}
