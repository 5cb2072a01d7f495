import Foundation
import Testing
import SwitchboardCore

@Suite struct ProxyRulesTests {
    let now = Date(timeIntervalSince1970: 1_700_000_000)

    func service(defaultTtl: Int = 0) throws -> ProxyService {
        var changes = ProxyServiceChanges()
        changes.uniqueName = "flex"
        changes.defaultTtl = defaultTtl
        return try ProxyRules.createService(changes, sid: "KS" + String(repeating: "a", count: 32), accountSid: "AC1", now: now)
    }

    @Test func participantKeysAreAcceptedInEitherCaseAsTheSeedWritesThem() throws {
        let requests = try ProxyRules.participantRequests([
            #"{"Identifier":"+18001231234"}"#,
            #"{"identifier":"CH123","proxyIdentifier":"+15005550006","friendlyName":"Jane"}"#,
        ])
        #expect(requests == [
            ParticipantRequest(identifier: "+18001231234", friendlyName: nil, proxyIdentifier: nil, proxyIdentifierSid: nil),
            ParticipantRequest(identifier: "CH123", friendlyName: "Jane", proxyIdentifier: "+15005550006", proxyIdentifierSid: nil),
        ])
    }

    @Test func aThirdParticipantIsRefusedWithTwilioCode80609() {
        #expect(throws: ProxyRules.tooManyParticipants) {
            try ProxyRules.participantRequests([#"{"Identifier":"+1"}"#, #"{"Identifier":"+2"}"#, #"{"Identifier":"+3"}"#])
        }
    }

    @Test func aSessionWhoseDateExpiryHasPassedIsRefused() throws {
        for past in [now, now.addingTimeInterval(-1)] {
            #expect(throws: TwilioError.invalidParameter("DateExpiry must be in the future")) {
                try ProxyRules.createSession(uniqueName: nil, ttl: nil, dateExpiry: past, mode: nil, status: nil, sid: "KC1",
                                             service: try service(), now: now)
            }
        }
        let future = try ProxyRules.createSession(uniqueName: nil, ttl: nil, dateExpiry: now.addingTimeInterval(1), mode: nil, status: nil,
                                                  sid: "KC1", service: try service(), now: now)
        #expect(future.status == "open")
    }

    @Test func participantsNestedPastTheJSONDepthLimitAreRefusedAsInvalidJSON() {
        let deep = String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000)
        let error = #expect(throws: TwilioError.self) { try ProxyRules.participantRequests([#"{"Identifier":"# + deep + "}"]) }
        #expect(error?.message.hasPrefix("Participants must be valid JSON: nesting deeper than 100 levels") == true)
    }

    @Test func participantsThatAreNotJSONObjectsAreRefused() {
        #expect(throws: TwilioError.self) { try ProxyRules.participantRequests(["+18001231234"]) }
    }

    @Test func aSessionWithoutTtlTakesTheServiceDefaultAndExpiresThatLongAfterItsLastInteraction() throws {
        var session = try ProxyRules.createSession(uniqueName: nil, ttl: nil, dateExpiry: nil, mode: "message-only", status: nil,
                                                   sid: "KC1", service: try service(defaultTtl: 600), now: now)
        #expect(session.ttl == 600)
        #expect(session.expiresAt == now.addingTimeInterval(600))
        session.dateLastInteraction = now.addingTimeInterval(100)
        #expect(session.expiresAt == now.addingTimeInterval(700))
        session.dateExpiry = now.addingTimeInterval(300)
        #expect(session.expiresAt == now.addingTimeInterval(300))
    }

    @Test func aSessionWithTtlZeroAndNoExpiryNeverExpires() throws {
        let session = try ProxyRules.createSession(uniqueName: nil, ttl: 0, dateExpiry: nil, mode: nil, status: nil, sid: "KC1", service: try service(), now: now)
        #expect(session.expiresAt == nil)
        #expect(session.mode == "voice-and-message")
    }

    @Test func closingRecordsTheReasonOnceAndAClosedSessionStaysAsItClosed() throws {
        let open = try ProxyRules.createSession(uniqueName: nil, ttl: 0, dateExpiry: nil, mode: nil, status: nil, sid: "KC1", service: try service(), now: now)
        let closed = ProxyRules.close(open, reason: "ttl", now: now.addingTimeInterval(5))
        #expect(closed.status == "closed" && closed.closedReason == "ttl" && closed.dateEnded == now.addingTimeInterval(5))
        #expect(ProxyRules.close(closed, reason: "api", now: now.addingTimeInterval(9)) == closed)
    }

    @Test func anUnknownModeOrGeoMatchLevelIsA20001() throws {
        #expect(throws: TwilioError.self) {
            try ProxyRules.createSession(uniqueName: nil, ttl: nil, dateExpiry: nil, mode: "video", status: nil, sid: "KC1", service: try service(), now: now)
        }
        var changes = ProxyServiceChanges()
        changes.geoMatchLevel = "planet"
        #expect(throws: TwilioError.self) { try ProxyRules.updateService(try service(), with: changes, now: now) }
    }

    @Test func channelAttributesNameTheProxySessionTheSeedStoresThere() {
        let channel = ChatChannel(sid: "CH1", accountSid: "AC1", serviceSid: "IS1", friendlyName: nil, uniqueName: nil,
                                  attributes: #"{"proxySession":"KC123","status":"ACTIVE"}"#, type: "private", createdBy: "system",
                                  dateCreated: now, dateUpdated: now)
        #expect(channel.proxySessionSid == "KC123")
        #expect(ChatAttributes.string("status", in: ChatAttributes.setting("status", to: "INACTIVE", in: channel.attributes)) == "INACTIVE")
        #expect(ChatAttributes.string("proxySession", in: ChatAttributes.setting("status", to: "INACTIVE", in: channel.attributes)) == "KC123")
    }
}

@Suite struct ChatChannelWebhookTests {
    let now = Date(timeIntervalSince1970: 1_700_000_000)

    func webhook(type: String, filters: [String] = [], triggers: [String] = []) throws -> ChatChannelWebhook {
        let channel = ChatChannel(sid: "CH1", accountSid: "AC1", serviceSid: "IS1", friendlyName: nil, uniqueName: nil, attributes: "{}",
                                  type: "private", createdBy: "system", dateCreated: now, dateUpdated: now)
        var changes = ChatChannelWebhookChanges()
        changes.type = type
        changes.url = "https://example.com/hook"
        changes.filters = filters
        changes.triggers = triggers
        return try ChatRules.webhook(changes, sid: "WH1", channel: channel, now: now)
    }

    @Test func aWebhookFiresOnlyOnTheEventsItFilters() throws {
        let hook = try webhook(type: "webhook", filters: ["onMessageSent"])
        #expect(hook.fires(on: "onMessageSent", body: "hi"))
        #expect(!hook.fires(on: "onChannelUpdated", body: nil))
    }

    @Test func aTriggerFiresOnAMessageHoldingOneOfItsWordsInAnyCase() throws {
        let hook = try webhook(type: "trigger", triggers: ["refund"])
        #expect(hook.fires(on: "onMessageSent", body: "I want a REFUND, please"))
        #expect(!hook.fires(on: "onMessageSent", body: "refunds are slow"))
    }

    @Test func aWebhookWithoutUrlAndAStudioWebhookWithoutFlowAreRefused() throws {
        let channel = ChatChannel(sid: "CH1", accountSid: "AC1", serviceSid: "IS1", friendlyName: nil, uniqueName: nil, attributes: "{}",
                                  type: "private", createdBy: "system", dateCreated: now, dateUpdated: now)
        var changes = ChatChannelWebhookChanges()
        changes.type = "webhook"
        #expect(throws: TwilioError.missingParameter("Configuration.Url")) { try ChatRules.webhook(changes, sid: "WH1", channel: channel, now: now) }
        changes.type = "studio"
        #expect(throws: TwilioError.missingParameter("Configuration.FlowSid")) { try ChatRules.webhook(changes, sid: "WH1", channel: channel, now: now) }
    }
}
