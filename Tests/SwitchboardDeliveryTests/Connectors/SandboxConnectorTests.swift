import Testing
import SwitchboardCore
@testable import SwitchboardDelivery

@Suite struct SandboxConnectorTests {
    /// What the sandbox makes of a simulated customer's request with these parameters.
    func inbound(_ parameters: [FormPair]) async throws -> Result<InboundMessage, TwilioError> {
        var result: Result<InboundMessage, TwilioError>?
        try await DeliveryHarness.run { harness in
            let connector = SandboxConnector(storage: harness.storage, time: harness.clock)
            result = Result { () throws(TwilioError) in try connector.inboundMessage(from: ProviderRequest(parameters: parameters)) }
        }
        return try #require(result)
    }

    @Test func theChannelComesFromTheCustomersAddressAndBothAddressesAreNormalisedForIt() async throws {
        let message = try await inbound([FormPair("From", "whatsapp:+1 415 555 0100"), FormPair("To", "+14155550199"), FormPair("Body", "Hi")]).get()
        #expect(message == (try InboundMessage(channel: .whatsapp, from: "whatsapp:+14155550100", to: "whatsapp:+14155550199", body: "Hi")))
    }

    @Test func aNamedChannelWinsInAnyCase() async throws {
        let message = try await inbound([FormPair("Channel", "Messenger"), FormPair("From", "42"), FormPair("To", "1001")]).get()
        #expect(message.channel == .messenger)
        #expect(message.from == "messenger:42")
        #expect(message.body == "")
    }

    @Test(arguments: [
        ([FormPair("To", "+14155550199")], TwilioError.missingParameter("From")),
        ([FormPair("From", "+14155550100"), FormPair("To", "")], .missingParameter("To")),
        ([FormPair("Channel", "fax"), FormPair("From", "+14155550100"), FormPair("To", "+14155550199")],
         .invalidParameter("Channel must be one of sms, whatsapp, messenger, email, chat; got 'fax'")),
        ([FormPair("From", "+1415"), FormPair("To", "+14155550199")], .invalidToPhoneNumber("+1415")),
    ])
    func aRequestTheSandboxCannotReadIsRefused(_ parameters: [FormPair], _ error: TwilioError) async throws {
        #expect(try await inbound(parameters) == .failure(error))
    }
}

@Suite struct ConnectorDirectoryTests {
    @Test func eachChannelGoesToTheFirstConnectorThatDeliversIt() async throws {
        try await DeliveryHarness.run { harness in
            let scripted = ScriptedConnector([])
            let directory = ConnectorDirectory([scripted, SandboxConnector(storage: harness.storage, time: harness.clock)])
            #expect(directory.connector(for: .sms) as? ScriptedConnector === scripted)
            for channel in DeliveryChannel.allCases where channel != .sms {
                #expect(directory.connector(for: channel) is SandboxConnector)
            }
            #expect(ConnectorDirectory([scripted]).connector(for: .email) == nil)
        }
    }
}
