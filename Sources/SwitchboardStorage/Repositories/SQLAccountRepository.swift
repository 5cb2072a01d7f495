import SQLKit
import SwitchboardCore

/// ``AccountRepository`` over SQL.
struct SQLAccountRepository: AccountRepository {
    let database: any SQLDatabase

    func insert(_ account: Account) async throws {
        try await database.insert(into: "accounts")
            .columns("sid", "owner_account_sid", "friendly_name", "status", "type", "auth_token", "date_created", "date_updated")
            .values(
                SQLBind(account.sid), SQLBind(account.ownerAccountSid), SQLBind(account.friendlyName),
                SQLBind(account.status.rawValue), SQLBind(account.type.rawValue), SQLBind(account.authToken),
                SQLBind(StoredDate.encode(account.dateCreated)), SQLBind(StoredDate.encode(account.dateUpdated))
            )
            .run()
    }

    func find(sid: String) async throws -> Account? {
        try await database.select().column("*").from("accounts").where("sid", .equal, sid).first().map(Self.decode)
    }

    func list(visibleTo ownerSid: String, friendlyName: String?, status: AccountStatus?, page: PageRequest) async throws -> Page<Account> {
        let query = database.select().column("*").from("accounts")
            .where { $0.where("sid", .equal, ownerSid).orWhere("owner_account_sid", .equal, ownerSid) }
        if let friendlyName { query.where("friendly_name", .equal, friendlyName) }
        if let status { query.where("status", .equal, status.rawValue) }
        return try await KeysetPage.fetch(query, page: page, decode: Self.decode)
    }

    func update(_ account: Account) async throws {
        try await database.update("accounts")
            .set("friendly_name", to: account.friendlyName)
            .set("status", to: account.status.rawValue)
            .set("auth_token", to: account.authToken)
            .set("date_updated", to: StoredDate.encode(account.dateUpdated))
            .where("sid", .equal, account.sid)
            .run()
    }

    func count() async throws -> Int {
        try await database.raw("SELECT COUNT(*) AS n FROM accounts").first()?.decode(column: "n", as: Int.self) ?? 0
    }

    static func decode(_ row: any SQLRow) throws -> Account {
        Account(
            sid: try row.decode(column: "sid", as: String.self),
            ownerAccountSid: try row.decode(column: "owner_account_sid", as: String.self),
            friendlyName: try row.decode(column: "friendly_name", as: String.self),
            status: AccountStatus(rawValue: try row.decode(column: "status", as: String.self)) ?? .active,
            type: AccountType(rawValue: try row.decode(column: "type", as: String.self)) ?? .full,
            authToken: try row.decode(column: "auth_token", as: String.self),
            dateCreated: StoredDate.decode(try row.decode(column: "date_created", as: Int64.self)),
            dateUpdated: StoredDate.decode(try row.decode(column: "date_updated", as: Int64.self))
        )
    }
}
