import SQLKit
import SwitchboardCore

/// ``ChatMemberRepository`` over SQL.
struct SQLChatMemberRepository: ChatMemberRepository {
    let table: DocumentTable<ChatMember>

    init(database: any SQLDatabase) { table = DocumentTable(database: database, name: "chat_members") }

    func insert(_ member: ChatMember) async throws {
        try await table.insert(member, sid: member.sid, accountSid: member.accountSid,
                               keys: [("service_sid", SQLBind(member.serviceSid)), ("channel_sid", SQLBind(member.channelSid)),
                                      ("identity", SQLBind(member.identity))])
    }
    func find(sid: String, channelSid: String) async throws -> ChatMember? {
        try await table.first([("sid", SQLBind(sid)), ("channel_sid", SQLBind(channelSid))])
    }
    func find(identity: String, channelSid: String) async throws -> ChatMember? {
        try await table.first([("identity", SQLBind(identity)), ("channel_sid", SQLBind(channelSid))])
    }
    func list(channelSid: String, identity: String?, page: PageRequest) async throws -> Page<ChatMember> {
        var filters = [("channel_sid", SQLBind(channelSid))]
        if let identity { filters.append(("identity", SQLBind(identity))) }
        return try await table.page(filters, page: page)
    }
    func list(serviceSid: String, identity: String, page: PageRequest) async throws -> Page<ChatMember> {
        try await table.page([("service_sid", SQLBind(serviceSid)), ("identity", SQLBind(identity))], page: page)
    }
    func find(identity: String, channelSid: String, serviceSid: String) async throws -> ChatMember? {
        try await table.first([("identity", SQLBind(identity)), ("channel_sid", SQLBind(channelSid)), ("service_sid", SQLBind(serviceSid))])
    }
    func count(channelSid: String) async throws -> Int {
        try await table.count([("channel_sid", SQLBind(channelSid))])
    }
    func count(identity: String, serviceSid: String) async throws -> Int {
        try await table.count([("identity", SQLBind(identity)), ("service_sid", SQLBind(serviceSid))])
    }
    func counts(identities: [String], serviceSid: String) async throws -> [String: Int] {
        guard !identities.isEmpty else { return [:] }
        let rows = try await table.database.select()
            .column("identity").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from(table.name).where("service_sid", .equal, serviceSid).where("identity", .in, identities)
            .groupBy("identity").all()
        var counts: [String: Int] = [:]
        for row in rows { counts[try row.decode(column: "identity", as: String.self)] = try row.decode(column: "n", as: Int.self) }
        return counts
    }
    func update(_ member: ChatMember) async throws {
        try await table.update(member, sid: member.sid, keys: [])
    }
    func delete(sid: String, channelSid: String) async throws -> Bool {
        try await table.delete(sid: sid, scopeColumn: "channel_sid", scope: channelSid)
    }
}
