import Foundation
import SQLKit
import SwitchboardCore

/// A table that keeps each resource as a JSON document beside the columns it is looked up by. Chat, Proxy and
/// Flex Channel resources have many properties and few queries; keeping the queried ones as columns and the rest
/// in one document keeps their repositories small without losing an index.
struct DocumentTable<Document: Codable & Sendable>: Sendable {
    let database: any SQLDatabase
    let name: String

    /// Twilio's dates have whole seconds, so documents store them as whole seconds too.
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(StoredDate.encode(date))
        }
        encoder.outputFormatting = [.sortedKeys]
        return encoder
    }

    static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            StoredDate.decode(try decoder.singleValueContainer().decode(Int64.self))
        }
        return decoder
    }

    func insert(_ document: Document, sid: String, accountSid: String, keys: [(String, SQLBind)]) async throws {
        let text = String(decoding: try Self.encoder.encode(document), as: UTF8.self)
        try await database.insert(into: name)
            .columns(["sid", "account_sid"] + keys.map(\.0) + ["document"])
            .values([SQLBind(sid), SQLBind(accountSid)] + keys.map(\.1) + [SQLBind(text)])
            .run()
    }

    func update(_ document: Document, sid: String, keys: [(String, SQLBind)]) async throws {
        let text = String(decoding: try Self.encoder.encode(document), as: UTF8.self)
        let update = database.update(name).set(SQLIdentifier("document"), to: SQLBind(text))
        for (column, value) in keys { update.set(SQLIdentifier(column), to: value) }
        try await update.where("sid", .equal, sid).run()
    }

    /// The query of rows whose columns equal `filters`.
    func select(_ filters: [(String, SQLBind)]) -> SQLSelectBuilder {
        let query = database.select().column("*").from(name)
        for (column, value) in filters { query.where(SQLIdentifier(column), .equal, value) }
        return query
    }

    func first(_ filters: [(String, SQLBind)]) async throws -> Document? {
        try await select(filters).orderBy("seq").limit(1).first().map(Self.decode)
    }

    func all(_ filters: [(String, SQLBind)]) async throws -> [Document] {
        try await select(filters).orderBy("seq").all().map(Self.decode)
    }

    func page(_ filters: [(String, SQLBind)], page: PageRequest) async throws -> Page<Document> {
        try await KeysetPage.fetch(select(filters), page: page, decode: Self.decode)
    }

    func count(_ filters: [(String, SQLBind)]) async throws -> Int {
        let query = database.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(name)
        for (column, value) in filters { query.where(SQLIdentifier(column), .equal, value) }
        return try await query.first()?.decode(column: "n", as: Int.self) ?? 0
    }

    func delete(sid: String, scopeColumn: String, scope: String) async throws -> Bool {
        try await database.deleteRow(from: name, sid: sid, scopeColumn: scopeColumn, scope: scope)
    }

    static func decode(_ row: any SQLRow) throws -> Document {
        let text = try row.decode(column: "document", as: String.self)
        return try decoder.decode(Document.self, from: Data(text.utf8))
    }
}
