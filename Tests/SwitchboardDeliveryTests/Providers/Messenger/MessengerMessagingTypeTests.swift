import Foundation
import Testing
import SwitchboardCore
@testable import SwitchboardDelivery

/// The Send API's `messaging_type` follows the customer's last message: `RESPONSE` for 24 hours, the
/// `HUMAN_AGENT` tag for a person's answer until 7 days, and 63016 otherwise.
@Suite struct MessengerMessagingTypeTests {
    let now = Date(timeIntervalSince1970: 1_800_000_000)

    func ago(hours: Double) -> Date { now.addingTimeInterval(-hours * 3600) }

    @Test func withinTwentyFourHoursItIsAResponseWhoeverWrites() throws {
        #expect(try MessengerMessagingType.choose(lastInbound: ago(hours: 1), now: now, byAgent: false) == .response)
        #expect(try MessengerMessagingType.choose(lastInbound: ago(hours: 23.9), now: now, byAgent: true) == .response)
    }

    @Test func afterTwentyFourHoursAPersonsAnswerCarriesTheHumanAgentTag() throws {
        #expect(try MessengerMessagingType.choose(lastInbound: ago(hours: 24), now: now, byAgent: true) == .humanAgent)
        #expect(try MessengerMessagingType.choose(lastInbound: ago(hours: 6 * 24 + 23), now: now, byAgent: true) == .humanAgent)
        #expect(MessengerMessagingType.humanAgent.fields == ["messaging_type": "MESSAGE_TAG", "tag": "HUMAN_AGENT"])
        #expect(MessengerMessagingType.response.fields == ["messaging_type": "RESPONSE"])
    }

    @Test func afterTwentyFourHoursAnAutomatedMessageIsRefused() {
        do throws(TwilioError) {
            let type = try MessengerMessagingType.choose(lastInbound: ago(hours: 25), now: now, byAgent: false)
            Issue.record("expected 63016, got \(type)")
        } catch {
            #expect(error.code == 63016)
        }
    }

    @Test func afterSevenDaysOrWithoutAnyMessageFromTheCustomerEvenAPersonIsRefused() {
        for lastInbound in [ago(hours: 7 * 24), ago(hours: 30 * 24), nil] {
            do throws(TwilioError) {
                let type = try MessengerMessagingType.choose(lastInbound: lastInbound, now: now, byAgent: true)
                Issue.record("expected 63016, got \(type)")
            } catch {
                #expect(error.code == 63016)
                #expect(error.message.contains("Messenger"))
            }
        }
    }

    @Test func aPersonWroteWhatAConversationOrAProxyInteractionRelayed() {
        func message(origin: String) -> Message {
            Message(sid: "SM1", accountSid: "AC1", channel: .messenger, direction: .outboundAPI, from: MessengerFixtures.business,
                    to: MessengerFixtures.customer, body: "hi", status: .queued, origin: origin,
                    dateCreated: now, dateUpdated: now)
        }
        #expect(MessengerMessagingType.isByAgent(message(origin: "IM" + String(repeating: "a", count: 32))))
        #expect(MessengerMessagingType.isByAgent(message(origin: "KI" + String(repeating: "a", count: 32))))
        #expect(!MessengerMessagingType.isByAgent(message(origin: "api")))
        #expect(!MessengerMessagingType.isByAgent(message(origin: "twiml")))
    }
}
