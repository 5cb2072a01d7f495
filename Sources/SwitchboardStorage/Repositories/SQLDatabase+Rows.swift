import SQLKit

extension SQLDatabase {
    /// Deletes the row with `sid` whose `scopeColumn` is `scope`; `false` when there was none. Scoping by
    /// the owner in the statement itself is what makes another owner's row indistinguishable from no row.
    func deleteRow(from table: String, sid: String, scopeColumn: String, scope: String) async throws -> Bool {
        !(try await delete(from: table)
            .where("sid", .equal, sid).where(SQLIdentifier(scopeColumn), .equal, scope)
            .returning("sid").all()).isEmpty
    }

    /// The row with `sid` whose `scopeColumn` is `scope`, decoded.
    func findRow<T>(in table: String, sid: String, scopeColumn: String, scope: String, decode: (any SQLRow) throws -> T) async throws -> T? {
        try await select().column("*").from(table)
            .where("sid", .equal, sid).where(SQLIdentifier(scopeColumn), .equal, scope)
            .first().map(decode)
    }
}
