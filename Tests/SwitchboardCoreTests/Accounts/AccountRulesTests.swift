import Foundation
import Testing
@testable import SwitchboardCore

@Suite struct AccountRulesTests {
    let parent = "AC" + String(repeating: "1", count: 32)
    func subaccount(_ status: AccountStatus) -> Account {
        Account(sid: "AC" + String(repeating: "2", count: 32), ownerAccountSid: parent, friendlyName: "sub", status: status,
                type: .full, authToken: "t", dateCreated: Date(), dateUpdated: Date())
    }

    @Test func parentCanSuspendAndReactivateASubaccount() throws {
        #expect(try AccountRules.newStatus(from: .active, requested: "suspended", requestedBy: parent, account: subaccount(.active)) == .suspended)
        #expect(try AccountRules.newStatus(from: .suspended, requested: "active", requestedBy: parent, account: subaccount(.suspended)) == .active)
    }

    @Test func aClosedAccountCannotBeReopened() {
        #expect(throws: TwilioError.self) {
            try AccountRules.newStatus(from: .closed, requested: "active", requestedBy: parent, account: subaccount(.closed))
        }
    }

    @Test func anAccountCannotChangeItsOwnStatus() {
        let sub = subaccount(.active)
        #expect(throws: TwilioError.self) { try AccountRules.newStatus(from: .active, requested: "closed", requestedBy: sub.sid, account: sub) }
    }

    @Test func unknownStatusIsRefused() {
        #expect(throws: TwilioError.self) { try AccountRules.newStatus(from: .active, requested: "gone", requestedBy: parent, account: subaccount(.active)) }
    }
}

@Suite struct SecretsTests {
    @Test func digestIsSHA256Hex() {
        #expect(Secrets.digest("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    @Test func constantTimeEqualsComparesWholeStrings() {
        #expect(Secrets.constantTimeEquals("secret", "secret"))
        #expect(!Secrets.constantTimeEquals("secret", "secreT"))
        #expect(!Secrets.constantTimeEquals("secret", "secret2"))
    }

    @Test func authTokensAre32HexDigits() {
        let token = Secrets.makeAuthToken()
        #expect(token.count == 32)
        #expect(token.allSatisfy { $0.isHexDigit })
    }
}
