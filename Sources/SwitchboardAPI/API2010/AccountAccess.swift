import Hummingbird
import SwitchboardCore
import SwitchboardStorage

/// Who may address an account under `/2010-04-01/Accounts/{Sid}`: the account itself and its parent.
/// Everyone else gets the same 20404 as for an account that does not exist.
enum AccountAccess {
    /// The account named in the path (with or without `.json`), if the principal may address it.
    static func account(_ pathSid: String, principal: Principal, session: any StorageSession) async throws -> Account? {
        let sid = stripJSON(pathSid)
        if sid == principal.account.sid { return principal.account }
        guard let account = try await session.accounts.find(sid: sid),
              account.ownerAccountSid == principal.account.sid
        else { return nil }
        return account
    }

    /// The account named by the path's `accountSid`, if the caller may address it; 20404 otherwise.
    static func pathAccount(_ context: SwitchboardRequestContext, storage: any Storage) async throws -> Account {
        let principal = try context.requirePrincipal()
        let pathSid = try context.parameters.require("accountSid")
        guard let account = try await storage.read({ try await account(pathSid, principal: principal, session: $0) }) else {
            throw context.notFound
        }
        return account
    }

    /// Standard API keys may not manage accounts or keys, as on Twilio.
    static func requireAccountCredentials(_ principal: Principal) throws(TwilioError) {
        if principal.apiKeySid != nil {
            throw .authenticationFailed("API keys cannot access the Accounts or Keys resources; use the account's auth token")
        }
    }

    /// `AC….json` → `AC…`.
    static func stripJSON(_ segment: String) -> String {
        segment.hasSuffix(".json") ? String(segment.dropLast(5)) : segment
    }
}
