import SQLKit
import SwitchboardCore

/// ``ContentRepository`` over SQL.
struct SQLContentRepository: ContentRepository {
    let database: any SQLDatabase

    func insert(_ template: ContentTemplate) async throws {
        let columns = Self.columns(of: template)
        try await database.insert(into: "content_templates")
            .columns(["sid", "account_sid"] + columns.map(\.0))
            .values([SQLBind(template.sid), SQLBind(template.accountSid)] + columns.map(\.1))
            .run()
    }

    func find(sid: String, accountSid: String) async throws -> ContentTemplate? {
        try await database.findRow(in: "content_templates", sid: sid, scopeColumn: "account_sid", scope: accountSid, decode: Self.decode)
    }

    func update(_ template: ContentTemplate) async throws {
        let update = database.update("content_templates")
        for (column, value) in Self.columns(of: template) { update.set(SQLIdentifier(column), to: value) }
        try await update.where("sid", .equal, template.sid).run()
    }

    func delete(sid: String, accountSid: String) async throws -> Bool {
        try await database.deleteRow(from: "content_templates", sid: sid, scopeColumn: "account_sid", scope: accountSid)
    }

    func list(accountSid: String, page: PageRequest) async throws -> Page<ContentTemplate> {
        let query = database.select().column("*").from("content_templates").where("account_sid", .equal, accountSid)
        return try await KeysetPage.fetch(query, page: page, decode: Self.decode)
    }

    static func columns(of template: ContentTemplate) -> [(String, SQLBind)] {
        [
            ("friendly_name", SQLBind(template.friendlyName)),
            ("language", SQLBind(template.language)),
            ("variables", SQLBind(template.variables)),
            ("types", SQLBind(template.types)),
            ("approval_name", SQLBind(template.approvalName)),
            ("approval_category", SQLBind(template.approvalCategory)),
            ("approval_status", SQLBind(template.approvalStatus.rawValue)),
            ("rejection_reason", SQLBind(template.rejectionReason)),
            ("date_created", SQLBind(StoredDate.encode(template.dateCreated))),
            ("date_updated", SQLBind(StoredDate.encode(template.dateUpdated))),
        ]
    }

    static func decode(_ row: any SQLRow) throws -> ContentTemplate {
        ContentTemplate(
            sid: try row.decode(column: "sid", as: String.self),
            accountSid: try row.decode(column: "account_sid", as: String.self),
            friendlyName: try row.decode(column: "friendly_name", as: String.self),
            language: try row.decode(column: "language", as: String.self),
            variables: try row.decode(column: "variables", as: String.self),
            types: try row.decode(column: "types", as: String.self),
            approvalName: try row.decode(column: "approval_name", as: String?.self),
            approvalCategory: try row.decode(column: "approval_category", as: String?.self),
            approvalStatus: try StoredEnum.decode(ContentApprovalStatus.self, row, "approval_status"),
            rejectionReason: try row.decode(column: "rejection_reason", as: String.self),
            dateCreated: StoredDate.decode(try row.decode(column: "date_created", as: Int64.self)),
            dateUpdated: StoredDate.decode(try row.decode(column: "date_updated", as: Int64.self)))
    }
}
