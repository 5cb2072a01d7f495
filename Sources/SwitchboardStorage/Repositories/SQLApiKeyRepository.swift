import SQLKit
import SwitchboardCore

/// ``ApiKeyRepository`` over SQL.
struct SQLApiKeyRepository: ApiKeyRepository {
    let database: any SQLDatabase

    func insert(_ key: ApiKey) async throws {
        try await database.insert(into: "api_keys")
            .columns("sid", "account_sid", "friendly_name", "secret_digest", "sealed_secret", "date_created", "date_updated")
            .values(
                SQLBind(key.sid), SQLBind(key.accountSid), SQLBind(key.friendlyName), SQLBind(key.secretDigest), SQLBind(key.sealedSecret),
                SQLBind(StoredDate.encode(key.dateCreated)), SQLBind(StoredDate.encode(key.dateUpdated))
            )
            .run()
    }

    func find(sid: String) async throws -> ApiKey? {
        try await database.select().column("*").from("api_keys").where("sid", .equal, sid).first().map(Self.decode)
    }

    func find(sid: String, accountSid: String) async throws -> ApiKey? {
        try await database.select().column("*").from("api_keys")
            .where("sid", .equal, sid).where("account_sid", .equal, accountSid)
            .first().map(Self.decode)
    }

    func list(accountSid: String, page: PageRequest) async throws -> Page<ApiKey> {
        let query = database.select().column("*").from("api_keys").where("account_sid", .equal, accountSid)
        return try await KeysetPage.fetch(query, page: page, decode: Self.decode)
    }

    func update(_ key: ApiKey) async throws {
        try await database.update("api_keys")
            .set("friendly_name", to: key.friendlyName)
            .set("date_updated", to: StoredDate.encode(key.dateUpdated))
            .where("sid", .equal, key.sid)
            .run()
    }

    func delete(sid: String, accountSid: String) async throws -> Bool {
        try await database.deleteRow(from: "api_keys", sid: sid, scopeColumn: "account_sid", scope: accountSid)
    }

    static func decode(_ row: any SQLRow) throws -> ApiKey {
        ApiKey(
            sid: try row.decode(column: "sid", as: String.self),
            accountSid: try row.decode(column: "account_sid", as: String.self),
            friendlyName: try row.decode(column: "friendly_name", as: String.self),
            secretDigest: try row.decode(column: "secret_digest", as: String.self),
            sealedSecret: try row.decode(column: "sealed_secret", as: String?.self),
            dateCreated: StoredDate.decode(try row.decode(column: "date_created", as: Int64.self)),
            dateUpdated: StoredDate.decode(try row.decode(column: "date_updated", as: Int64.self))
        )
    }
}
