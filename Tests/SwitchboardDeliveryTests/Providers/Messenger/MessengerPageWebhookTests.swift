import Foundation
import Testing
import SwitchboardCore
@testable import SwitchboardDelivery

/// Page webhooks as Meta documents them become customers' messages and watermark receipts; echoes, other
/// pages' events and other kinds are skipped.
@Suite struct MessengerPageWebhookTests {
    func events(_ event: String, entryPage: String = MessengerFixtures.pageID) throws -> [ProviderEvent] {
        try MessengerPageWebhook.events(
            in: Array(MessengerFixtures.webhook(event, entryPage: entryPage).utf8), pageID: MessengerFixtures.pageID, business: MessengerFixtures.business)
    }

    @Test func aTextMessageIsTheCustomersMessageToTheSender() throws {
        let expected = try InboundMessage(
            channel: .messenger, from: MessengerFixtures.customer, to: MessengerFixtures.business, body: "hello, world!",
            providerMessageID: "mid.1457764197618:41d102a3e1ae206a38")
        #expect(try events(MessengerFixtures.textMessage) == [.message(expected)])
    }

    @Test func attachmentsAreMediaByURL() throws {
        let expected = try InboundMessage(
            channel: .messenger, from: MessengerFixtures.customer, to: MessengerFixtures.business, body: "",
            providerMessageID: "mid.1458696618141:b4ef9d19ec21086067",
            mediaUrls: ["https://scontent.example.com/photo.jpg", "https://cdn.example.com/invoice.pdf"])
        #expect(try events(MessengerFixtures.attachmentMessage) == [.message(expected)])
    }

    @Test func echoesAndOtherPagesEventsAreSkipped() throws {
        #expect(try events(MessengerFixtures.echo).isEmpty)
        #expect(try events(MessengerFixtures.textMessage, entryPage: "999").isEmpty)
        #expect(try events(#"{"sender":{"id":"24681357"},"recipient":{"id":"1234567890"},"postback":{"title":"Go","payload":"GO"}}"#).isEmpty)
    }

    @Test func aDeliveryIsAWatermarkNamingItsMessages() throws {
        let expected = ReceiptWatermark(
            status: .delivered, channel: .messenger, business: MessengerFixtures.business, customer: MessengerFixtures.customer,
            through: Date(timeIntervalSince1970: 1_458_668_856.253), providerMessageIDs: ["mid.1458668856218:ed81099e15d3f4f233"])
        #expect(try events(MessengerFixtures.delivery) == [.watermark(expected)])
    }

    @Test func aReadIsAWatermark() throws {
        let expected = ReceiptWatermark(
            status: .read, channel: .messenger, business: MessengerFixtures.business, customer: MessengerFixtures.customer,
            through: Date(timeIntervalSince1970: 1_458_668_856.253))
        #expect(try events(MessengerFixtures.read) == [.watermark(expected)])
    }

    @Test func aBodyThatIsNotAPageWebhookIsRefused() {
        #expect(throws: TwilioError.self) {
            try MessengerPageWebhook.events(in: Array(#"{"object":"whatsapp_business_account","entry":[]}"#.utf8), pageID: "1", business: "messenger:1")
        }
        #expect(throws: TwilioError.self) { try MessengerPageWebhook.events(in: Array("not json".utf8), pageID: "1", business: "messenger:1") }
    }
}
