import Foundation
import Testing
@testable import SwitchboardCore

@Suite struct ChatRoleRulesTests {
    let now = Date(timeIntervalSince1970: 1_700_000_000)
    let service = ChatService(sid: "IS" + String(repeating: "0", count: 32), accountSid: "AC" + String(repeating: "0", count: 32),
                              friendlyName: "s", dateCreated: Date(timeIntervalSince1970: 0), dateUpdated: Date(timeIntervalSince1970: 0))

    @Test func theDefaultsAreTwiliosFourRolesTwoOfEachScope() {
        #expect(ChatRoleRules.defaults.map(\.friendlyName) == ["service admin", "service user", "channel admin", "channel user"])
        #expect(ChatRoleRules.defaults.map(\.type) == ["deployment", "deployment", "channel", "channel"])
        #expect(ChatRoleRules.channelUser.permissions == ["sendMessage", "leaveChannel", "editOwnMessage", "deleteOwnMessage"])
        #expect(Set(ChatRoleRules.serviceUser.permissions).isSubset(of: ChatRoleRules.serviceAdmin.permissions))
        #expect(Set(ChatRoleRules.channelUser.permissions).isSubset(of: ChatRoleRules.channelAdmin.permissions))
    }

    @Test func aRoleNeedsANameATypeAndPermissionsEachKeptOnce() throws {
        let role = try ChatRoleRules.role(friendlyName: "lead", type: "channel", permissions: ["sendMessage", "addMember", "sendMessage"],
                                          sid: "RL1", service: service, now: now)
        #expect(role.permissions == ["sendMessage", "addMember"])
        #expect(role.serviceSid == service.sid && role.accountSid == service.accountSid && role.dateCreated == now)
        #expect(throws: TwilioError.missingParameter("FriendlyName")) {
            try ChatRoleRules.role(friendlyName: "", type: "channel", permissions: ["a"], sid: "RL1", service: service, now: now)
        }
        #expect(throws: TwilioError.missingParameter("Type")) {
            try ChatRoleRules.role(friendlyName: "x", type: nil, permissions: ["a"], sid: "RL1", service: service, now: now)
        }
        #expect(throws: TwilioError.missingParameter("Permission")) {
            try ChatRoleRules.role(friendlyName: "x", type: "channel", permissions: [], sid: "RL1", service: service, now: now)
        }
        let error = #expect(throws: TwilioError.self) {
            try ChatRoleRules.role(friendlyName: "x", type: "conversation", permissions: ["a"], sid: "RL1", service: service, now: now)
        }
        #expect(error?.code == 50105 && error?.httpStatus == 400)
        #expect(throws: TwilioError.invalidParameter("FriendlyName exceeds the 64 character limit")) {
            try ChatRoleRules.role(friendlyName: String(repeating: "x", count: 65), type: "channel", permissions: ["a"], sid: "RL1",
                                   service: service, now: now)
        }
    }
}

@Suite struct PushCredentialRulesTests {
    let now = Date(timeIntervalSince1970: 1_700_000_000)
    let seal: (String) -> String = { "sealed:" + $0 }

    func changes(_ type: String?, certificate: String? = nil, privateKey: String? = nil, apiKey: String? = nil,
                 secret: String? = nil) -> PushCredentialChanges {
        var changes = PushCredentialChanges()
        changes.type = type
        changes.certificate = certificate
        changes.privateKey = privateKey
        changes.apiKey = apiKey
        changes.secret = secret
        return changes
    }

    @Test func eachTypeNeedsItsOwnSecretsAndKeepsThemOnlySealed() throws {
        let apn = try PushCredentialRules.credential(changes("apn", certificate: "c", privateKey: "k"), sid: "CR1", accountSid: "AC1", seal: seal, now: now)
        #expect(apn.sealedCertificate == "sealed:c" && apn.sealedPrivateKey == "sealed:k" && apn.sealedSecret == nil && !apn.sandbox)
        #expect(throws: TwilioError.missingParameter("PrivateKey")) {
            try PushCredentialRules.credential(changes("apn", certificate: "c"), sid: "CR1", accountSid: "AC1", seal: seal, now: now)
        }
        #expect(throws: TwilioError.missingParameter("ApiKey")) {
            try PushCredentialRules.credential(changes("gcm", secret: "s"), sid: "CR1", accountSid: "AC1", seal: seal, now: now)
        }
        #expect(throws: TwilioError.missingParameter("Secret")) {
            try PushCredentialRules.credential(changes("fcm"), sid: "CR1", accountSid: "AC1", seal: seal, now: now)
        }
        #expect(throws: TwilioError.missingParameter("Type")) {
            try PushCredentialRules.credential(changes(nil, secret: "s"), sid: "CR1", accountSid: "AC1", seal: seal, now: now)
        }
        #expect(throws: TwilioError.self) {
            try PushCredentialRules.credential(changes("sms", secret: "s"), sid: "CR1", accountSid: "AC1", seal: seal, now: now)
        }
    }

    @Test func anUpdateKeepsWhatItDoesNotChange() throws {
        let fcm = try PushCredentialRules.credential(changes("fcm", secret: "s"), sid: "CR1", accountSid: "AC1", seal: seal, now: now)
        var rename = PushCredentialChanges()
        rename.friendlyName = "android"
        let later = now.addingTimeInterval(60)
        let renamed = try PushCredentialRules.apply(rename, to: fcm, seal: seal, now: later)
        #expect(renamed.friendlyName == "android" && renamed.sealedSecret == "sealed:s" && renamed.dateUpdated == later)
        #expect(throws: TwilioError.missingParameter("ApiKey")) { try PushCredentialRules.apply(changes("gcm"), to: fcm, seal: seal, now: later) }
    }
}
