import SQLKit
import SwitchboardCore

/// ``FlexFlowRepository`` over SQL. The integration is stored in one nullable column per setting.
struct SQLFlexFlowRepository: FlexFlowRepository {
    let database: any SQLDatabase

    func insert(_ flow: FlexFlow) async throws {
        let columns = Self.columns(of: flow)
        try await database.insert(into: "flex_flows")
            .columns(["sid", "account_sid"] + columns.map(\.0))
            .values([SQLBind(flow.sid), SQLBind(flow.accountSid)] + columns.map(\.1))
            .run()
    }

    func find(sid: String, accountSid: String) async throws -> FlexFlow? {
        try await database.select().column("*").from("flex_flows")
            .where("sid", .equal, sid).where("account_sid", .equal, accountSid)
            .first().map(Self.decode)
    }

    func list(accountSid: String, friendlyName: String?, page: PageRequest) async throws -> Page<FlexFlow> {
        let query = database.select().column("*").from("flex_flows").where("account_sid", .equal, accountSid)
        if let friendlyName { query.where("friendly_name", .equal, friendlyName) }
        return try await KeysetPage.fetch(query, page: page, decode: Self.decode)
    }

    func update(_ flow: FlexFlow) async throws {
        let update = database.update("flex_flows")
        for (column, value) in Self.columns(of: flow) {
            update.set(SQLIdentifier(column), to: value)
        }
        try await update.where("sid", .equal, flow.sid).where("account_sid", .equal, flow.accountSid).run()
    }

    func delete(sid: String, accountSid: String) async throws -> Bool {
        try await database.deleteRow(from: "flex_flows", sid: sid, scopeColumn: "account_sid", scope: accountSid)
    }

    /// Every column but the identity ones, with its value.
    static func columns(of flow: FlexFlow) -> [(String, SQLBind)] {
        var flowSid: String?, url: String?, retryCount: Int?, task: TaskIntegration?
        switch flow.integration {
        case .studio(let sid, let count): (flowSid, retryCount) = (sid, count)
        case .external(let address, let count): (url, retryCount) = (address, count)
        case .task(let settings): task = settings
        }
        return [
            ("friendly_name", SQLBind(flow.friendlyName)),
            ("chat_service_sid", SQLBind(flow.chatServiceSid)),
            ("channel_type", SQLBind(flow.channelType.rawValue)),
            ("contact_identity", SQLBind(flow.contactIdentity)),
            ("enabled", SQLBind(flow.enabled)),
            ("integration_type", SQLBind(flow.integration.type.rawValue)),
            ("integration_flow_sid", SQLBind(flowSid)),
            ("integration_url", SQLBind(url)),
            ("integration_workspace_sid", SQLBind(task?.workspaceSid)),
            ("integration_workflow_sid", SQLBind(task?.workflowSid)),
            ("integration_channel", SQLBind(task?.channel)),
            ("integration_timeout", SQLBind(task?.timeout)),
            ("integration_priority", SQLBind(task?.priority)),
            ("integration_creation_on_message", SQLBind(task?.creationOnMessage)),
            ("integration_retry_count", SQLBind(retryCount)),
            ("long_lived", SQLBind(flow.longLived)),
            ("janitor_enabled", SQLBind(flow.janitorEnabled)),
            ("date_created", SQLBind(StoredDate.encode(flow.dateCreated))),
            ("date_updated", SQLBind(StoredDate.encode(flow.dateUpdated))),
        ]
    }

    static func decode(_ row: any SQLRow) throws -> FlexFlow {
        let type = try row.decode(column: "integration_type", as: String.self)
        let integration: FlexFlowIntegration
        switch FlexFlowIntegrationType(rawValue: type) {
        case .studio:
            integration = .studio(
                flowSid: try row.decode(column: "integration_flow_sid", as: String.self),
                retryCount: try row.decode(column: "integration_retry_count", as: Int.self))
        case .external:
            integration = .external(
                url: try row.decode(column: "integration_url", as: String.self),
                retryCount: try row.decode(column: "integration_retry_count", as: Int.self))
        case .task:
            integration = .task(TaskIntegration(
                workspaceSid: try row.decode(column: "integration_workspace_sid", as: String.self),
                workflowSid: try row.decode(column: "integration_workflow_sid", as: String.self),
                channel: try row.decode(column: "integration_channel", as: String.self),
                timeout: try row.decode(column: "integration_timeout", as: Int.self),
                priority: try row.decode(column: "integration_priority", as: Int.self),
                creationOnMessage: try row.decode(column: "integration_creation_on_message", as: Bool.self)))
        case nil:
            throw StoredValueError(column: "integration_type", value: type)
        }
        return FlexFlow(
            sid: try row.decode(column: "sid", as: String.self),
            accountSid: try row.decode(column: "account_sid", as: String.self),
            friendlyName: try row.decode(column: "friendly_name", as: String.self),
            chatServiceSid: try row.decode(column: "chat_service_sid", as: String.self),
            channelType: try Self.channelType(row),
            contactIdentity: try row.decode(column: "contact_identity", as: String?.self),
            enabled: try row.decode(column: "enabled", as: Bool.self),
            integration: integration,
            longLived: try row.decode(column: "long_lived", as: Bool.self),
            janitorEnabled: try row.decode(column: "janitor_enabled", as: Bool.self),
            dateCreated: StoredDate.decode(try row.decode(column: "date_created", as: Int64.self)),
            dateUpdated: StoredDate.decode(try row.decode(column: "date_updated", as: Int64.self))
        )
    }

    static func channelType(_ row: any SQLRow) throws -> FlexFlowChannelType {
        try StoredEnum.decode(FlexFlowChannelType.self, row, "channel_type")
    }
}

/// A stored value this version of Switchboard does not understand.
struct StoredValueError: Error, CustomStringConvertible {
    let column: String
    let value: String
    var description: String { "unexpected stored value '\(value)' in column \(column)" }
}
