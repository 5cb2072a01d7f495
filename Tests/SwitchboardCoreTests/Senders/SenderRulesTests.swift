import Foundation
import Testing
import SwitchboardCore

/// Creating and changing senders: connector and channel, the address, the pace, and the write-only secrets.
@Suite struct SenderRulesTests {
    let now = Date(timeIntervalSince1970: 1_700_000_000)
    let box = SecretBox()

    /// Complete settings for each kind, every secret distinctive so a leak is easy to spot.
    static let completeSettings: [ConnectorKind: String] = [
        .twilio: #"{"account_sid": "ACremote", "auth_token": "tw-token-secret"}"#,
        .whatsappCloud: #"{"phone_number_id": "1055", "waba_id": "2077", "access_token": "wa-access-secret", "app_secret": "wa-app-secret", "verify_token": "wa-verify-secret"}"#,
        .messenger: #"{"page_id": "3099", "page_access_token": "ms-page-secret", "app_secret": "ms-app-secret", "verify_token": "ms-verify-secret"}"#,
        .smtp: #"{"host": "smtp.example.com", "port": "587", "username": "desk", "password": "smtp-password-secret"}"#,
        .smpp: #"{"host": "smsc.example.com", "port": 2775, "system_id": "desk", "password": "smpp-password-secret"}"#,
    ]

    /// An address on each kind's default channel.
    static let addresses: [ConnectorKind: String] = [
        .twilio: "+18005555555", .whatsappCloud: "whatsapp:+18005555555", .messenger: "messenger:3099",
        .smtp: "desk@example.com", .smpp: "+18005555555",
    ]

    func changes(_ kind: ConnectorKind, channel: String? = nil, address: String? = nil, settings: String? = nil) -> SenderChanges {
        var changes = SenderChanges()
        changes.connector = kind.rawValue
        changes.channel = channel ?? (kind == .twilio ? "sms" : nil)
        changes.address = address ?? Self.addresses[kind]
        changes.settings = settings ?? Self.completeSettings[kind]
        return changes
    }

    func create(_ changes: SenderChanges) throws(TwilioError) -> Sender {
        try SenderRules.sender(changes, sid: "XE1", accountSid: "AC1", seal: box.seal, now: now)
    }

    /// The 400 `body` throws, whose message must name `parameter`.
    func refusal(naming parameter: String, _ body: () throws -> Sender) {
        let error = #expect(throws: TwilioError.self) { try body() }
        #expect(error?.code == 20001)
        #expect(error?.httpStatus == 400)
        #expect(error?.message.contains(parameter) == true, "\(error?.message ?? "") should name \(parameter)")
    }

    @Test(arguments: ConnectorKind.allCases)
    func aSenderOfEveryKindIsCreatedWithItsDefaultChannel(_ kind: ConnectorKind) throws {
        let sender = try create(changes(kind))
        #expect(sender.sid == "XE1" && sender.accountSid == "AC1")
        #expect(sender.connector == kind)
        #expect(sender.channel == (kind == .twilio ? .sms : kind.channels.first))
        #expect(sender.address == Self.addresses[kind])
        #expect(sender.health == SenderHealth())
        #expect(sender.dateCreated == now && sender.dateUpdated == now)
    }

    @Test(arguments: [ConnectorKind.whatsappCloud, .messenger, .smtp, .smpp])
    func theChannelOfAOneChannelConnectorIsInferred(_ kind: ConnectorKind) throws {
        var request = changes(kind)
        request.channel = nil
        #expect(try create(request).channel == kind.channels.first)
    }

    @Test func twilioCarriesTwoChannelsSoItsChannelIsRequired() throws {
        var request = changes(.twilio)
        request.channel = nil
        refusal(naming: "Channel") { try create(request) }
        let whatsapp = try create(changes(.twilio, channel: "whatsapp", address: "whatsapp:+18005555555"))
        #expect(whatsapp.channel == .whatsapp)
    }

    @Test(arguments: [(ConnectorKind.whatsappCloud, "sms"), (.messenger, "whatsapp"), (.twilio, "messenger"), (.smtp, "sms"),
                      (.smpp, "email"), (.twilio, "chat"), (.twilio, "pigeon")])
    func aChannelTheConnectorDoesNotCarryIsRefusedNamingChannel(_ kind: ConnectorKind, _ channel: String) {
        refusal(naming: "Channel") { try create(changes(kind, channel: channel)) }
    }

    @Test func connectorAndAddressAreRequiredAndAnUnknownConnectorIsRefused() {
        var request = changes(.twilio)
        request.connector = nil
        refusal(naming: "Connector") { try create(request) }
        request.connector = "carrier-pigeon"
        refusal(naming: "Connector") { try create(request) }
        refusal(naming: "Address") { try create(changes(.twilio, address: "")) }
    }

    @Test(arguments: [
        (ConnectorKind.twilio, "sms", "+1 (800) 555-5555", "+18005555555"),
        (.twilio, "whatsapp", "+18005555555", "whatsapp:+18005555555"),
        (.twilio, "whatsapp", "WhatsApp:+1 800 555 5555", "whatsapp:+18005555555"),
        (.whatsappCloud, "whatsapp", "+18005555555", "whatsapp:+18005555555"),
        (.messenger, "messenger", "3099", "messenger:3099"),
        (.messenger, "messenger", "messenger:3099", "messenger:3099"),
        (.smtp, "email", "Desk@Example.COM", "Desk@example.com"),
    ])
    func theAddressIsNormalisedForTheChannel(_ kind: ConnectorKind, _ channel: String, _ given: String, _ stored: String) throws {
        #expect(try create(changes(kind, channel: channel, address: given)).address == stored)
    }

    @Test(arguments: [
        (ConnectorKind.twilio, "sms", "18005555555"), (.twilio, "sms", "+1800CALLNOW"), (.twilio, "sms", "whatsapp:+18005555555"),
        (.whatsappCloud, "whatsapp", "whatsapp:+1"), (.messenger, "messenger", "messenger:page 3099"), (.smtp, "email", "not-an-email"),
    ])
    func anInvalidAddressIsRefusedNamingAddress(_ kind: ConnectorKind, _ channel: String, _ address: String) {
        refusal(naming: "Address") { try create(changes(kind, channel: channel, address: address)) }
    }

    @Test(arguments: ConnectorKind.allCases)
    func secretsAreSealedNeverVisibleAndOpenWithTheSameBox(_ kind: ConnectorKind) throws {
        let sender = try create(changes(kind))
        let schema = SenderSettingsSchema.of(kind)
        #expect(Set(sender.settings.keys).isDisjoint(with: schema.secret))
        #expect(Set(sender.sealedSecrets.keys).isSubset(of: schema.secret))
        #expect(!sender.sealedSecrets.isEmpty)
        let given = try #require(JSONSerialization.jsonObject(with: Data(Self.completeSettings[kind]!.utf8)) as? [String: Any])
        for (key, sealed) in sender.sealedSecrets {
            let secret = try #require(given[key] as? String)
            #expect(!sealed.contains(secret))
            #expect(box.open(sealed) == secret)
            #expect(SecretBox().open(sealed) == nil)
        }
        for (key, value) in sender.settings {
            #expect(schema.visible.contains(key))
            #expect("\(given[key]!)" == value)
        }
    }

    @Test func anUpdateKeepsSecretsNotGivenAndReplacesThoseGiven() throws {
        let sender = try create(changes(.whatsappCloud))
        var update = SenderChanges()
        update.settings = #"{"access_token": "wa-rotated-secret", "api_version": "v23.0"}"#
        let later = now.addingTimeInterval(60)
        let updated = try SenderRules.apply(update, to: sender, seal: box.seal, now: later)
        #expect(box.open(updated.sealedSecrets["access_token"]!) == "wa-rotated-secret")
        #expect(updated.sealedSecrets["app_secret"] == sender.sealedSecrets["app_secret"])
        #expect(updated.sealedSecrets["verify_token"] == sender.sealedSecrets["verify_token"])
        #expect(updated.settings == ["phone_number_id": "1055", "waba_id": "2077", "api_version": "v23.0"])
        #expect(updated.dateUpdated == later && updated.dateCreated == now)
        #expect(updated.address == sender.address && updated.channel == sender.channel)
    }

    @Test func aNullRemovesASettingButNotOneThatIsRequired() throws {
        let sender = try create(changes(.whatsappCloud))
        var update = SenderChanges()
        update.settings = #"{"waba_id": null}"#
        #expect(try SenderRules.apply(update, to: sender, seal: box.seal, now: now).settings["waba_id"] == nil)
        update.settings = #"{"access_token": null}"#
        refusal(naming: "Settings.access_token") { try SenderRules.apply(update, to: sender, seal: box.seal, now: now) }
        update.settings = #"{"access_token": ""}"#
        refusal(naming: "Settings.access_token") { try SenderRules.apply(update, to: sender, seal: box.seal, now: now) }
    }

    @Test func twilioMaySwitchFromAnAuthTokenToAnAPIKeyByRemovingTheToken() throws {
        let sender = try create(changes(.twilio))
        var update = SenderChanges()
        update.settings = #"{"auth_token": null, "api_key_sid": "SKremote", "api_key_secret": "tw-key-secret"}"#
        let updated = try SenderRules.apply(update, to: sender, seal: box.seal, now: now)
        #expect(updated.sealedSecrets["auth_token"] == nil)
        #expect(box.open(updated.sealedSecrets["api_key_secret"]!) == "tw-key-secret")
        #expect(updated.settings == ["account_sid": "ACremote", "api_key_sid": "SKremote"])
    }

    @Test func connectorAndChannelCannotChangeButRepeatingThemIsAccepted() throws {
        let sender = try create(changes(.twilio))
        var update = SenderChanges()
        update.connector = "whatsapp-cloud"
        refusal(naming: "Connector") { try SenderRules.apply(update, to: sender, seal: box.seal, now: now) }
        update.connector = nil
        update.channel = "whatsapp"
        refusal(naming: "Channel") { try SenderRules.apply(update, to: sender, seal: box.seal, now: now) }
        update.connector = "TWILIO"
        update.channel = "sms"
        update.friendlyName = "Support line"
        let same = try SenderRules.apply(update, to: sender, seal: box.seal, now: now)
        #expect(same.connector == .twilio && same.channel == .sms && same.friendlyName == "Support line")
    }

    @Test func anUpdatedAddressIsNormalisedOnTheSendersChannelAndAnEmptyNameRemovesTheName() throws {
        var request = changes(.whatsappCloud)
        request.friendlyName = "WhatsApp line"
        let sender = try create(request)
        var update = SenderChanges()
        update.address = "+1 800 555 0000"
        update.friendlyName = ""
        let updated = try SenderRules.apply(update, to: sender, seal: box.seal, now: now)
        #expect(updated.address == "whatsapp:+18005550000")
        #expect(updated.friendlyName == nil)
        update.address = "+1"
        refusal(naming: "Address") { try SenderRules.apply(update, to: sender, seal: box.seal, now: now) }
    }

    @Test(arguments: [("1", 1.0), ("80", 80.0), ("0.5", 0.5), ("10000", 10_000.0)])
    func messagesPerSecondWithinItsBoundsIsKept(_ text: String, _ rate: Double) throws {
        var request = changes(.twilio)
        request.messagesPerSecond = text
        #expect(try create(request).messagesPerSecond == rate)
    }

    @Test(arguments: ["0", "-1", "10000.5", "fast", "nan", "inf", "1e400"])
    func messagesPerSecondOutsideItsBoundsIsRefusedNamingIt(_ text: String) {
        var request = changes(.twilio)
        request.messagesPerSecond = text
        refusal(naming: "MessagesPerSecond") { try create(request) }
    }

    @Test func anEmptyMessagesPerSecondRemovesThePace() throws {
        var request = changes(.twilio)
        request.messagesPerSecond = "1"
        let paced = try create(request)
        var update = SenderChanges()
        update.messagesPerSecond = ""
        #expect(try SenderRules.apply(update, to: paced, seal: box.seal, now: now).messagesPerSecond == nil)
        #expect(try SenderRules.apply(SenderChanges(), to: paced, seal: box.seal, now: now).messagesPerSecond == 1)
    }

    @Test func aTakenAddressIsA409() {
        let error = SenderRules.addressTaken("+18005555555")
        #expect(error.httpStatus == 409)
        #expect(error.message.contains("+18005555555"))
    }
}
