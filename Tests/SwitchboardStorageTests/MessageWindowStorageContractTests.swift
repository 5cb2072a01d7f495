import Foundation
import Testing
import SwitchboardCore
import SwitchboardStorage

/// The storage contract for when a customer last wrote, which opens WhatsApp's and Messenger's window.
@Suite struct MessageWindowStorageContractTests {
    @Test(arguments: TestBackend.available)
    func lastInboundIsTheNewestMessageFromTheCustomerToThatAddressOnThatChannel(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let account = try await DeliveryFixtures.storedAccount(in: storage)
            let other = try await DeliveryFixtures.storedAccount(in: storage)
            let customer = "whatsapp:+14155550101", desk = "whatsapp:+14155550199"
            func inbound(_ accountSid: String, from: String = customer, to: String = desk, channel: DeliveryChannel = .whatsapp,
                         at seconds: TimeInterval) -> Message {
                var message = DeliveryFixtures.message(accountSid: accountSid, to: to, from: from)
                message.channel = channel
                message.direction = .inbound
                message.status = .received
                message.dateCreated = DeliveryFixtures.now.addingTimeInterval(seconds)
                return message
            }
            var reply = DeliveryFixtures.message(accountSid: account.sid, to: customer, from: desk)
            reply.channel = .whatsapp
            reply.dateCreated = DeliveryFixtures.now.addingTimeInterval(50)
            let rows = [
                inbound(account.sid, at: 10), inbound(account.sid, at: 20), reply,
                inbound(account.sid, to: "whatsapp:+14155550198", at: 30), inbound(account.sid, from: "+14155550101", to: "+14155550199", channel: .sms, at: 40),
                inbound(other.sid, at: 60),
            ]
            try await storage.write { session in
                for row in rows { try await session.messages.insert(row) }
            }
            let found = try await storage.read {
                try await $0.messages.lastInbound(accountSid: account.sid, channel: .whatsapp, customer: customer, business: desk)
            }
            #expect(found == DeliveryFixtures.now.addingTimeInterval(20))
            let never = try await storage.read {
                try await $0.messages.lastInbound(accountSid: account.sid, channel: .messenger, customer: customer, business: desk)
            }
            #expect(never == nil)
        }
    }
}
