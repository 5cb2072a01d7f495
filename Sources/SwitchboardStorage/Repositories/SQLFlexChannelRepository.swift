import SQLKit
import SwitchboardCore

/// ``FlexChannelRepository`` over SQL.
struct SQLFlexChannelRepository: FlexChannelRepository {
    let table: DocumentTable<FlexChannel>

    init(database: any SQLDatabase) { table = DocumentTable(database: database, name: "flex_channels") }

    func insert(_ channel: FlexChannel) async throws {
        try await table.insert(channel, sid: channel.sid, accountSid: channel.accountSid, keys: [
            ("flex_flow_sid", SQLBind(channel.flexFlowSid)), ("identity", SQLBind(channel.identity)), ("task_sid", SQLBind(channel.taskSid)),
        ])
    }
    func find(sid: String, accountSid: String) async throws -> FlexChannel? {
        try await table.first([("sid", SQLBind(sid)), ("account_sid", SQLBind(accountSid))])
    }
    func all(flexFlowSid: String, identity: String, accountSid: String) async throws -> [FlexChannel] {
        try await table.all([("flex_flow_sid", SQLBind(flexFlowSid)), ("identity", SQLBind(identity)), ("account_sid", SQLBind(accountSid))])
    }
    func all(taskSid: String, accountSid: String) async throws -> [FlexChannel] {
        try await table.all([("task_sid", SQLBind(taskSid)), ("account_sid", SQLBind(accountSid))])
    }
    func list(accountSid: String, page: PageRequest) async throws -> Page<FlexChannel> {
        try await table.page([("account_sid", SQLBind(accountSid))], page: page)
    }
    func update(_ channel: FlexChannel) async throws {
        try await table.update(channel, sid: channel.sid, keys: [("task_sid", SQLBind(channel.taskSid))])
    }
    func delete(sid: String, accountSid: String) async throws -> Bool {
        try await table.delete(sid: sid, scopeColumn: "account_sid", scope: accountSid)
    }
}
