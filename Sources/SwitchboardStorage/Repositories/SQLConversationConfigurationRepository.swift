import SQLKit
import SwitchboardCore

/// ``ConversationConfigurationRepository`` over SQL. Filter lists are stored comma-separated: event names and
/// trigger words never contain commas.
struct SQLConversationConfigurationRepository: ConversationConfigurationRepository {
    let database: any SQLDatabase

    // MARK: Addresses

    func insertAddress(_ address: ConversationAddress) async throws {
        let columns = Self.columns(of: address)
        try await database.insert(into: "conversation_addresses")
            .columns(["sid", "account_sid", "type", "address"] + columns.map(\.0))
            .values([SQLBind(address.sid), SQLBind(address.accountSid), SQLBind(address.type), SQLBind(address.address)] + columns.map(\.1))
            .run()
    }

    func findAddress(sid: String, accountSid: String) async throws -> ConversationAddress? {
        try await database.findRow(in: "conversation_addresses", sid: sid, scopeColumn: "account_sid", scope: accountSid, decode: Self.decodeAddress)
    }

    func findAddress(type: String, address: String, accountSid: String) async throws -> ConversationAddress? {
        try await database.select().column("*").from("conversation_addresses")
            .where("account_sid", .equal, accountSid).where("type", .equal, type).where("address", .equal, address)
            .orderBy("seq").first().map(Self.decodeAddress)
    }

    func updateAddress(_ address: ConversationAddress) async throws {
        let update = database.update("conversation_addresses")
        for (column, value) in Self.columns(of: address) { update.set(SQLIdentifier(column), to: value) }
        try await update.where("sid", .equal, address.sid).run()
    }

    func deleteAddress(sid: String, accountSid: String) async throws -> Bool {
        try await database.deleteRow(from: "conversation_addresses", sid: sid, scopeColumn: "account_sid", scope: accountSid)
    }

    func listAddresses(accountSid: String, type: String?, page: PageRequest) async throws -> Page<ConversationAddress> {
        let query = database.select().column("*").from("conversation_addresses").where("account_sid", .equal, accountSid)
        if let type { query.where("type", .equal, type) }
        return try await KeysetPage.fetch(query, page: page, decode: Self.decodeAddress)
    }

    static func columns(of address: ConversationAddress) -> [(String, SQLBind)] {
        [
            ("friendly_name", SQLBind(address.friendlyName)),
            ("auto_creation_enabled", SQLBind(address.autoCreationEnabled)),
            ("auto_creation_type", SQLBind(address.autoCreationType)),
            ("conversation_service_sid", SQLBind(address.conversationServiceSid)),
            ("webhook_url", SQLBind(address.webhookURL)),
            ("webhook_method", SQLBind(address.webhookMethod)),
            ("webhook_filters", SQLBind(address.webhookFilters.joined(separator: ","))),
            ("studio_flow_sid", SQLBind(address.studioFlowSid)),
            ("studio_retry_count", SQLBind(address.studioRetryCount)),
            ("date_created", SQLBind(StoredDate.encode(address.dateCreated))),
            ("date_updated", SQLBind(StoredDate.encode(address.dateUpdated))),
        ]
    }

    static func decodeAddress(_ row: any SQLRow) throws -> ConversationAddress {
        ConversationAddress(
            sid: try row.decode(column: "sid", as: String.self),
            accountSid: try row.decode(column: "account_sid", as: String.self),
            type: try row.decode(column: "type", as: String.self),
            address: try row.decode(column: "address", as: String.self),
            friendlyName: try row.decode(column: "friendly_name", as: String?.self),
            autoCreationEnabled: try row.decode(column: "auto_creation_enabled", as: Bool.self),
            autoCreationType: try row.decode(column: "auto_creation_type", as: String.self),
            conversationServiceSid: try row.decode(column: "conversation_service_sid", as: String?.self),
            webhookURL: try row.decode(column: "webhook_url", as: String?.self),
            webhookMethod: try row.decode(column: "webhook_method", as: String?.self),
            webhookFilters: Self.list(try row.decode(column: "webhook_filters", as: String.self)),
            studioFlowSid: try row.decode(column: "studio_flow_sid", as: String?.self),
            studioRetryCount: try row.decode(column: "studio_retry_count", as: Int?.self),
            dateCreated: StoredDate.decode(try row.decode(column: "date_created", as: Int64.self)),
            dateUpdated: StoredDate.decode(try row.decode(column: "date_updated", as: Int64.self)))
    }

    static func list(_ text: String) -> [String] {
        text.split(separator: ",").map(String.init)
    }

    // MARK: Account and service configuration

    func holdAccountConfiguration(accountSid: String) async throws {
        guard database.dialect.name == "postgresql" else { return }
        let key = "conversation configuration \(accountSid)"
        try await database.raw("SELECT pg_advisory_xact_lock(hashtextextended(\(bind: key), 0))").run()
    }

    func shareAccountConfiguration(accountSid: String) async throws {
        guard database.dialect.name == "postgresql" else { return }
        let key = "conversation configuration \(accountSid)"
        try await database.raw("SELECT pg_advisory_xact_lock_shared(hashtextextended(\(bind: key), 0))").run()
    }

    func accountConfiguration(accountSid: String) async throws -> ConversationAccountConfiguration? {
        try await accountTable.first([("sid", SQLBind(accountSid))])
    }

    func saveAccountConfiguration(_ configuration: ConversationAccountConfiguration) async throws {
        if try await accountConfiguration(accountSid: configuration.accountSid) == nil {
            try await accountTable.insert(configuration, sid: configuration.accountSid, accountSid: configuration.accountSid, keys: [])
        } else {
            try await accountTable.update(configuration, sid: configuration.accountSid, keys: [])
        }
    }

    func serviceConfiguration(serviceSid: String) async throws -> ConversationServiceConfiguration? {
        try await serviceTable.first([("sid", SQLBind(serviceSid))])
    }

    func saveServiceConfiguration(_ configuration: ConversationServiceConfiguration) async throws {
        if try await serviceConfiguration(serviceSid: configuration.chatServiceSid) == nil {
            try await serviceTable.insert(configuration, sid: configuration.chatServiceSid, accountSid: configuration.accountSid, keys: [])
        } else {
            try await serviceTable.update(configuration, sid: configuration.chatServiceSid, keys: [])
        }
    }

    func deleteServiceConfiguration(serviceSid: String) async throws {
        try await database.delete(from: "conversation_service_configurations").where("sid", .equal, serviceSid).run()
    }

    /// The account's `Configuration`, one document per account keyed by the account SID.
    var accountTable: DocumentTable<ConversationAccountConfiguration> { DocumentTable(database: database, name: "conversation_account_configurations") }
    /// Each service's settings, one document per service keyed by the service SID.
    var serviceTable: DocumentTable<ConversationServiceConfiguration> { DocumentTable(database: database, name: "conversation_service_configurations") }

    // MARK: Webhooks

    func accountWebhook(accountSid: String) async throws -> ConversationWebhook? {
        try await database.select().column("*").from("conversation_webhooks")
            .where("account_sid", .equal, accountSid).where("conversation_sid", .is, SQLLiteral.null)
            .first().map(Self.decodeWebhook)
    }

    func saveAccountWebhook(_ webhook: ConversationWebhook) async throws {
        if try await accountWebhook(accountSid: webhook.accountSid) == nil {
            try await insertWebhook(webhook)
        } else {
            let update = database.update("conversation_webhooks")
            for (column, value) in Self.columns(of: webhook) { update.set(SQLIdentifier(column), to: value) }
            try await update.where("account_sid", .equal, webhook.accountSid).where("conversation_sid", .is, SQLLiteral.null).run()
        }
    }

    func insertWebhook(_ webhook: ConversationWebhook) async throws {
        let columns = Self.columns(of: webhook)
        try await database.insert(into: "conversation_webhooks")
            .columns(["sid", "account_sid", "conversation_sid"] + columns.map(\.0))
            .values([SQLBind(webhook.sid), SQLBind(webhook.accountSid), SQLBind(webhook.conversationSid)] + columns.map(\.1))
            .run()
    }

    func findWebhook(sid: String, conversationSid: String, accountSid: String) async throws -> ConversationWebhook? {
        try await database.select().column("*").from("conversation_webhooks")
            .where("sid", .equal, sid).where("conversation_sid", .equal, conversationSid).where("account_sid", .equal, accountSid)
            .first().map(Self.decodeWebhook)
    }

    func updateWebhook(_ webhook: ConversationWebhook) async throws {
        let update = database.update("conversation_webhooks")
        for (column, value) in Self.columns(of: webhook) { update.set(SQLIdentifier(column), to: value) }
        try await update.where("sid", .equal, webhook.sid).run()
    }

    func deleteWebhook(sid: String, conversationSid: String, accountSid: String) async throws -> Bool {
        !(try await database.delete(from: "conversation_webhooks")
            .where("sid", .equal, sid).where("conversation_sid", .equal, conversationSid).where("account_sid", .equal, accountSid)
            .returning("sid").all()).isEmpty
    }

    func webhooks(conversationSid: String, accountSid: String) async throws -> [ConversationWebhook] {
        try await database.select().column("*").from("conversation_webhooks")
            .where("conversation_sid", .equal, conversationSid).where("account_sid", .equal, accountSid)
            .orderBy("seq").all().map(Self.decodeWebhook)
    }

    static func columns(of webhook: ConversationWebhook) -> [(String, SQLBind)] {
        [
            ("target", SQLBind(webhook.target)),
            ("url", SQLBind(webhook.url)),
            ("pre_url", SQLBind(webhook.preURL)),
            ("method", SQLBind(webhook.method)),
            ("filters", SQLBind(webhook.filters.joined(separator: ","))),
            ("triggers", SQLBind(webhook.triggers.joined(separator: ","))),
            ("date_created", SQLBind(StoredDate.encode(webhook.dateCreated))),
            ("date_updated", SQLBind(StoredDate.encode(webhook.dateUpdated))),
        ]
    }

    static func decodeWebhook(_ row: any SQLRow) throws -> ConversationWebhook {
        ConversationWebhook(
            sid: try row.decode(column: "sid", as: String.self),
            accountSid: try row.decode(column: "account_sid", as: String.self),
            conversationSid: try row.decode(column: "conversation_sid", as: String?.self),
            target: try row.decode(column: "target", as: String.self),
            url: try row.decode(column: "url", as: String?.self),
            preURL: try row.decode(column: "pre_url", as: String?.self),
            method: try row.decode(column: "method", as: String.self),
            filters: Self.list(try row.decode(column: "filters", as: String.self)),
            triggers: Self.list(try row.decode(column: "triggers", as: String.self)),
            dateCreated: StoredDate.decode(try row.decode(column: "date_created", as: Int64.self)),
            dateUpdated: StoredDate.decode(try row.decode(column: "date_updated", as: Int64.self)))
    }
}
