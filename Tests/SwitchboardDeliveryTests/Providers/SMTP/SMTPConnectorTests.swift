import Foundation
import NIOCore
import NIOPosix
import Testing
import SwitchboardCore
@testable import SwitchboardDelivery

/// What the connector does before and around a session: settings it cannot use, attachments refused by the
/// address guard, and a relay it cannot reach.
@Suite struct SMTPConnectorTests {
    static let password = "relay-password-never-shown"

    static func sender(_ settings: [String: String]) -> ConfiguredSender {
        let stored = Sender(
            sid: "XE" + String(repeating: "2", count: 32), accountSid: "AC" + String(repeating: "0", count: 32), address: "support@example.com",
            channel: .email, connector: .smtp, friendlyName: nil, messagesPerSecond: nil, settings: settings, sealedSecrets: [:],
            dateCreated: Date(timeIntervalSince1970: 0), dateUpdated: Date(timeIntervalSince1970: 0))
        return ConfiguredSender(sender: stored, secrets: ["password": password], inboundURL: "https://switchboard.example.com/unused")
    }

    static func message(media: [String] = []) -> Message {
        OutboundMailTests.message(body: "Hello", subject: "Hi").with { $0.mediaUrls = media }
    }

    /// A loopback port that nothing listens on: bound, then closed.
    static func closedPort() async throws -> Int {
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton).bind(host: "127.0.0.1", port: 0).get()
        let port = try #require(channel.localAddress?.port)
        try await channel.close()
        return port
    }

    @Test func settingsItCannotUseRefuseTheMessage() async throws {
        let connector = SMTPConnector(transport: ScriptedWebhookTransport(), time: TestClock(milliseconds: 0))
        let receipt = try await connector.send(Self.message(), from: Self.sender(["host": "127.0.0.1", "starttls": "sometimes"]))
        #expect(receipt == ConnectorReceipt(.refused(errorCode: 30008, message: "SMTP sender settings: starttls must be required or off; got 'sometimes'")))
        let missing = try await connector.send(Self.message(), from: Self.sender(["host": "127.0.0.1", "ca_file": "/nonexistent/ca.pem"]))
        guard case .refused(30008, let text) = missing.outcome else { Issue.record("expected a refusal, got \(missing)"); return }
        #expect(text.contains("/nonexistent/ca.pem"))
    }

    @Test func anAttachmentTheGuardRefusesFailsTheMessageWithoutASession() async throws {
        let transport = ScriptedWebhookTransport([.refused("private address")])
        let connector = SMTPConnector(transport: transport, time: TestClock(milliseconds: 0))
        let receipt = try await connector.send(Self.message(media: ["http://10.0.0.1/x.pdf"]), from: Self.sender(["host": "127.0.0.1", "starttls": "off"]))
        guard case .refused(21620, let text) = receipt.outcome else { Issue.record("expected 21620, got \(receipt)"); return }
        #expect(text.contains("private address"))
        #expect(transport.requests.map(\.url) == ["http://10.0.0.1/x.pdf"])
        #expect(transport.requests.first?.method == "GET")
    }

    @Test func aRelayThatCannotBeReachedIsRetriedAndThePasswordIsNotInTheReason() async throws {
        let port = try await Self.closedPort()
        let connector = SMTPConnector(transport: ScriptedWebhookTransport(), time: TestClock(milliseconds: 0))
        let sender = Self.sender(["host": "127.0.0.1", "port": String(port), "starttls": "off", "username": "agent"])
        await #expect {
            try await connector.send(Self.message(), from: sender)
        } throws: { error in
            guard let unavailable = error as? ConnectorUnavailable else { return false }
            return unavailable.reason.contains("127.0.0.1:\(port)") && !unavailable.reason.contains(Self.password)
        }
    }

    @Test func theSettingsDefaultToSubmissionWithSTARTTLSRequired() throws {
        let settings = try SMTPSenderSettings(Self.sender(["host": "smtp.example.com", "username": "agent", "from_name": "Support"]))
        #expect((settings.host, settings.port, settings.requireTLS, settings.caFile, settings.fromName) == ("smtp.example.com", 587, true, nil, "Support"))
        #expect(settings.credentials?.username == "agent")
        #expect(settings.credentials?.password == Self.password)
        #expect(String(describing: Self.sender([:])).contains(Self.password) == false)
    }
}

extension Message {
    /// The message with `change` applied.
    func with(_ change: (inout Message) -> Void) -> Message {
        var copy = self
        change(&copy)
        return copy
    }
}
