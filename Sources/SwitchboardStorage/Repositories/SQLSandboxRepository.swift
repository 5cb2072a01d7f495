import SQLKit
import SwitchboardCore

/// ``SandboxRepository`` over SQL.
struct SQLSandboxRepository: SandboxRepository {
    let database: any SQLDatabase
    let flavor: SQLFlavor

    func recordDelivery(_ delivery: SandboxDelivery) async throws {
        try await database.insert(into: "sandbox_deliveries")
            .columns("message_sid", "account_sid", "address", "channel", "from_address", "to_address", "body", "content_sid",
                     "content_variables", "subject", "status", "error_code", "date_created")
            .values(SQLBind(delivery.messageSid), SQLBind(delivery.accountSid), SQLBind(delivery.address), SQLBind(delivery.channel.rawValue),
                    SQLBind(delivery.from), SQLBind(delivery.to), SQLBind(delivery.body), SQLBind(delivery.contentSid),
                    SQLBind(delivery.contentVariables), SQLBind(delivery.subject), SQLBind(delivery.status.rawValue),
                    SQLBind(delivery.errorCode), SQLBind(StoredDate.encode(delivery.dateCreated)))
            .ignoringConflicts(with: ["message_sid"])
            .run()
    }

    func deliveries(accountSid: String, address: String, page: PageRequest) async throws -> Page<SandboxDelivery> {
        let query = database.select().column("*").from("sandbox_deliveries")
            .where("account_sid", .equal, accountSid).where("address", .equal, address)
        return try await KeysetPage.fetch(query, page: page, decode: Self.decodeDelivery)
    }

    func deliveries(accountSid: String, address: String, after position: FeedPosition, limit: Int) async throws
        -> [(position: FeedPosition, delivery: SandboxDelivery)] {
        let query = database.select().column("*").from("sandbox_deliveries")
            .where("account_sid", .equal, accountSid).where("address", .equal, address)
        return try await SQLFeed.after(position, query, flavor: flavor, limit: limit).all().map {
            (try SQLFeed.position(of: $0), try Self.decodeDelivery($0))
        }
    }

    func deliveriesEnd(accountSid: String, address: String) async throws -> FeedPosition {
        let query = database.select().columns("transaction_id", "seq").from("sandbox_deliveries")
            .where("account_sid", .equal, accountSid).where("address", .equal, address)
        return try await SQLFeed.end(query, flavor: flavor)
    }

    func deliveries(accountSid: String, page: PageRequest) async throws -> Page<SandboxDelivery> {
        let query = database.select().column("*").from("sandbox_deliveries").where("account_sid", .equal, accountSid)
        return try await KeysetPage.fetch(query, page: page, order: .newestFirst, decode: Self.decodeDelivery)
    }

    func saveFailureRule(_ rule: SandboxFailureRule) async throws {
        try await database.insert(into: "sandbox_failure_rules")
            .columns("account_sid", "address", "status", "error_code", "date_created")
            .values(SQLBind(rule.accountSid), SQLBind(rule.address), SQLBind(rule.status.rawValue), SQLBind(rule.errorCode),
                    SQLBind(StoredDate.encode(rule.dateCreated)))
            .onConflict(with: ["account_sid", "address"]) {
                $0.set(excludedValueOf: "status").set(excludedValueOf: "error_code").set(excludedValueOf: "date_created")
            }
            .run()
    }

    func failureRule(accountSid: String, address: String) async throws -> SandboxFailureRule? {
        try await database.select().column("*").from("sandbox_failure_rules")
            .where("account_sid", .equal, accountSid).where("address", .equal, address)
            .first().map(Self.decodeRule)
    }

    func failureRules(accountSid: String) async throws -> [SandboxFailureRule] {
        try await database.select().column("*").from("sandbox_failure_rules")
            .where("account_sid", .equal, accountSid).orderBy("seq").all().map(Self.decodeRule)
    }

    func deleteFailureRule(accountSid: String, address: String) async throws -> Bool {
        !(try await database.delete(from: "sandbox_failure_rules")
            .where("account_sid", .equal, accountSid).where("address", .equal, address)
            .returning("seq").all()).isEmpty
    }

    static func decodeDelivery(_ row: any SQLRow) throws -> SandboxDelivery {
        SandboxDelivery(
            messageSid: try row.decode(column: "message_sid", as: String.self),
            accountSid: try row.decode(column: "account_sid", as: String.self),
            address: try row.decode(column: "address", as: String.self),
            channel: try StoredEnum.decode(DeliveryChannel.self, row, "channel"),
            from: try row.decode(column: "from_address", as: String.self),
            to: try row.decode(column: "to_address", as: String.self),
            body: try row.decode(column: "body", as: String.self),
            contentSid: try row.decode(column: "content_sid", as: String?.self),
            contentVariables: try row.decode(column: "content_variables", as: String?.self),
            subject: try row.decode(column: "subject", as: String?.self),
            status: try StoredEnum.decode(MessageStatus.self, row, "status"),
            errorCode: try row.decode(column: "error_code", as: Int?.self),
            dateCreated: StoredDate.decode(try row.decode(column: "date_created", as: Int64.self)))
    }

    static func decodeRule(_ row: any SQLRow) throws -> SandboxFailureRule {
        SandboxFailureRule(
            accountSid: try row.decode(column: "account_sid", as: String.self),
            address: try row.decode(column: "address", as: String.self),
            status: try StoredEnum.decode(MessageStatus.self, row, "status"),
            errorCode: try row.decode(column: "error_code", as: Int.self),
            dateCreated: StoredDate.decode(try row.decode(column: "date_created", as: Int64.self)))
    }
}
