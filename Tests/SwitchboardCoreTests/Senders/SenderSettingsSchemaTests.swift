import Foundation
import Testing
import SwitchboardCore

/// Each connector's `Settings`: which keys it takes, which are secret, and every refusal a 400 naming the key.
@Suite struct SenderSettingsSchemaTests {
    let box = SecretBox()

    /// `text` parsed and merged into an empty sender's settings, as a create does.
    func settings(_ kind: ConnectorKind, _ text: String) throws(TwilioError) -> (visible: [String: String], sealed: [String: String]) {
        let schema = SenderSettingsSchema.of(kind)
        return try schema.merge(try schema.parse(text), seal: box.seal)
    }

    /// Settings of `kind` that must be refused with a 400 whose message names `Settings.<key>`.
    func refusal(_ kind: ConnectorKind, _ text: String, naming key: String) {
        let error = #expect(throws: TwilioError.self) { try settings(kind, text) }
        #expect(error?.code == 20001)
        #expect(error?.httpStatus == 400)
        #expect(error?.message.contains("Settings.\(key)") == true, "\(error?.message ?? "") should name Settings.\(key)")
    }

    @Test func theIssuesKeysAreKnownAndExactlyTheCredentialsAreSecret() {
        #expect(SenderSettingsSchema.of(.twilio).known == ["base_url", "account_sid", "auth_token", "api_key_sid", "api_key_secret"])
        #expect(SenderSettingsSchema.of(.twilio).secret == ["auth_token", "api_key_secret"])
        #expect(SenderSettingsSchema.of(.whatsappCloud).known
                == ["graph_url", "api_version", "phone_number_id", "waba_id", "access_token", "app_secret", "verify_token"])
        #expect(SenderSettingsSchema.of(.whatsappCloud).secret == ["access_token", "app_secret", "verify_token"])
        #expect(SenderSettingsSchema.of(.messenger).known
                == ["graph_url", "api_version", "page_id", "page_access_token", "app_secret", "verify_token"])
        #expect(SenderSettingsSchema.of(.messenger).secret == ["page_access_token", "app_secret", "verify_token"])
        for kind in ConnectorKind.allCases {
            let schema = SenderSettingsSchema.of(kind)
            #expect(schema.visible.isDisjoint(with: schema.secret), "\(kind)")
            #expect(schema.urls.union(schema.integers).isSubset(of: schema.visible), "\(kind)")
            #expect(Set(schema.required.joined()).isSubset(of: schema.known), "\(kind)")
        }
    }

    @Test(arguments: [
        (ConnectorKind.twilio, "password"), (.twilio, "access_token"), (.whatsappCloud, "page_id"), (.messenger, "phone_number_id"),
        (.smtp, "auth_token"), (.smpp, "Host"),
    ])
    func aKeyTheConnectorDoesNotTakeIsRefusedNamingIt(_ kind: ConnectorKind, _ key: String) {
        refusal(kind, #"{"\#(key)": "x"}"#, naming: key)
    }

    @Test(arguments: [#"["auth_token"]"#, #""auth_token""#, "not json", ""])
    func settingsThatAreNoJSONObjectAreRefusedNamingSettings(_ text: String) {
        let error = #expect(throws: TwilioError.self) { try settings(.twilio, text) }
        #expect(error?.httpStatus == 400)
        #expect(error?.message.contains("Settings") == true)
    }

    @Test(arguments: [#"{"auth_token": ["a"]}"#, #"{"auth_token": {"v": "a"}}"#])
    func aValueThatIsNoStringIsRefusedNamingItsKey(_ text: String) {
        refusal(.twilio, text, naming: "auth_token")
    }

    @Test func numbersAreTakenAsTheirText() throws {
        let (visible, _) = try settings(.smpp, #"{"host": "smsc.example.com", "port": 2775, "system_id": "desk", "password": "p", "window": 10}"#)
        #expect(visible["port"] == "2775" && visible["window"] == "10")
    }

    @Test(arguments: [
        (ConnectorKind.twilio, #"{"auth_token": "t"}"#, "account_sid"),
        (.twilio, #"{"account_sid": "AC1"}"#, "auth_token"),
        (.twilio, #"{"account_sid": "AC1", "api_key_sid": "SK1"}"#, "api_key_secret"),
        (.whatsappCloud, #"{"access_token": "a", "app_secret": "s", "verify_token": "v"}"#, "phone_number_id"),
        (.whatsappCloud, #"{"phone_number_id": "1", "app_secret": "s", "verify_token": "v"}"#, "access_token"),
        (.whatsappCloud, #"{"phone_number_id": "1", "access_token": "a", "verify_token": "v"}"#, "app_secret"),
        (.whatsappCloud, #"{"phone_number_id": "1", "access_token": "a", "app_secret": "s"}"#, "verify_token"),
        (.messenger, #"{"page_access_token": "a", "app_secret": "s", "verify_token": "v"}"#, "page_id"),
        (.messenger, #"{"page_id": "1", "app_secret": "s", "verify_token": "v"}"#, "page_access_token"),
        (.messenger, #"{"page_id": "1", "page_access_token": "a", "verify_token": "v"}"#, "app_secret"),
        (.messenger, #"{"page_id": "1", "page_access_token": "a", "app_secret": "s"}"#, "verify_token"),
        (.smtp, #"{"port": "25"}"#, "host"),
        (.smpp, #"{"port": "2775", "system_id": "desk", "password": "p"}"#, "host"),
        (.smpp, #"{"host": "smsc.example.com", "system_id": "desk", "password": "p"}"#, "port"),
        (.smpp, #"{"host": "smsc.example.com", "port": "2775", "password": "p"}"#, "system_id"),
        (.smpp, #"{"host": "smsc.example.com", "port": "2775", "system_id": "desk"}"#, "password"),
    ])
    func eachRequiredGroupMustBeGiven(_ kind: ConnectorKind, _ text: String, _ missing: String) {
        refusal(kind, text, naming: missing)
    }

    @Test func twilioTakesAnAuthTokenOrAnAPIKeyWithItsSecret() throws {
        let token = try settings(.twilio, #"{"account_sid": "AC1", "auth_token": "tw-token"}"#)
        #expect(box.open(token.sealed["auth_token"]!) == "tw-token")
        let key = try settings(.twilio, #"{"account_sid": "AC1", "api_key_sid": "SK1", "api_key_secret": "tw-key"}"#)
        #expect(key.visible == ["account_sid": "AC1", "api_key_sid": "SK1"])
        #expect(box.open(key.sealed["api_key_secret"]!) == "tw-key")
        // A key's secret is useless without the key's SID, which Basic auth names.
        refusal(.twilio, #"{"account_sid": "AC1", "api_key_secret": "tw-key"}"#, naming: "api_key_sid")
    }

    @Test func anEmptySecretCountsAsNotGiven() {
        refusal(.twilio, #"{"account_sid": "AC1", "auth_token": ""}"#, naming: "auth_token")
        refusal(.smpp, #"{"host": "smsc.example.com", "port": "2775", "system_id": "desk", "password": ""}"#, naming: "password")
    }

    @Test(arguments: [
        (ConnectorKind.twilio, "base_url"), (.whatsappCloud, "graph_url"), (.messenger, "graph_url"),
    ])
    func aURLSettingMustBeAnAbsoluteHTTPURL(_ kind: ConnectorKind, _ key: String) throws {
        let complete: [ConnectorKind: [String: String]] = [
            .twilio: ["account_sid": "AC1", "auth_token": "t"],
            .whatsappCloud: ["phone_number_id": "1", "access_token": "a", "app_secret": "s", "verify_token": "v"],
            .messenger: ["page_id": "1", "page_access_token": "a", "app_secret": "s", "verify_token": "v"],
        ]
        func text(_ url: String) throws -> String {
            String(decoding: try JSONSerialization.data(withJSONObject: complete[kind]!.merging([key: url]) { $1 }), as: UTF8.self)
        }
        #expect(try settings(kind, try text("http://127.0.0.1:8081/base")).visible[key] == "http://127.0.0.1:8081/base")
        #expect(try settings(kind, try text("https://graph.facebook.com")).visible[key] == "https://graph.facebook.com")
        for bad in ["graph.facebook.com", "ftp://graph.facebook.com", "https://", "/v23.0", "not a url", ""] {
            refusal(kind, try text(bad), naming: key)
        }
    }

    @Test(arguments: [(ConnectorKind.smtp, "port"), (.smpp, "port"), (.smpp, "window"), (.smpp, "source_ton"), (.smpp, "source_npi")])
    func anIntegerSettingMustBeAWholeNumber(_ kind: ConnectorKind, _ key: String) throws {
        let complete: [String: Any] = kind == .smtp
            ? ["host": "smtp.example.com"] : ["host": "smsc.example.com", "port": "2775", "system_id": "d", "password": "p"]
        func text(_ value: Any) throws -> String {
            String(decoding: try JSONSerialization.data(withJSONObject: complete.merging([key: value]) { $1 }), as: UTF8.self)
        }
        #expect(try settings(kind, try text("25")).visible[key] == "25")
        for bad in ["2.5", "twenty", 2.5, ""] as [Any] {
            refusal(kind, try text(bad), naming: key)
        }
    }

    @Test func mergingKeepsWhatIsNotMentionedAndRemovesWhatIsNull() throws {
        let schema = SenderSettingsSchema.of(.messenger)
        let (visible, sealed) = try settings(.messenger, #"{"page_id": "1", "api_version": "v23.0", "page_access_token": "a", "app_secret": "s", "verify_token": "v"}"#)
        let merged = try schema.merge(
            try schema.parse(#"{"api_version": null, "app_secret": "s2"}"#), visible: visible, sealed: sealed, seal: box.seal)
        #expect(merged.visible == ["page_id": "1"])
        #expect(merged.sealed["page_access_token"] == sealed["page_access_token"])
        #expect(merged.sealed["verify_token"] == sealed["verify_token"])
        #expect(box.open(merged.sealed["app_secret"]!) == "s2")
    }

    @Test func noRefusalRepeatsASecretValue() {
        let secret = "do-not-echo-this-secret"
        let attempts: [(ConnectorKind, String)] = [
            (.twilio, #"{"account_sid": "AC1", "auth_token": "\#(secret)", "base_url": "\#(secret)"}"#),
            (.twilio, #"{"auth_token": "\#(secret)"}"#),
            (.whatsappCloud, #"{"access_token": ["\#(secret)"]}"#),
            (.messenger, #"{"page_access_token": "\#(secret)", "secret_key": "\#(secret)"}"#),
            (.smtp, #"{"host": "h.example.com", "password": "\#(secret)", "port": "\#(secret)"}"#),
        ]
        for (kind, text) in attempts {
            let error = #expect(throws: TwilioError.self) { try settings(kind, text) }
            #expect(error?.message.contains(secret) == false, "\(error?.message ?? "")")
        }
    }
}
