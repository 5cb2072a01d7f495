import SQLKit
import SwitchboardCore

/// Reading a table as a feed in `(transaction_id, seq)` order, as event streams do: the event log, conversation
/// message changes and sandbox deliveries all record their writing transaction for this.
enum SQLFeed {
    /// `(transaction_id, seq)`, compared as one value so a feed index serves the range.
    static let position = SQLGroupExpression([SQLIdentifier("transaction_id"), SQLIdentifier("seq")])

    /// `position` as bound values, to compare the column pair with.
    static func binds(_ position: FeedPosition) -> SQLGroupExpression {
        SQLGroupExpression([SQLBind(position.transaction), SQLBind(position.seq)])
    }

    /// The row's place in its feed.
    static func position(of row: any SQLRow) throws -> FeedPosition {
        FeedPosition(transaction: try row.decode(column: "transaction_id", as: Int64.self), seq: try row.decode(column: "seq", as: Int64.self))
    }

    /// Keeps to rows no running transaction can still add to the past of: on PostgreSQL, rows of transactions
    /// older than the oldest one still running.
    static func final(_ query: SQLSelectBuilder, flavor: SQLFlavor) -> SQLSelectBuilder {
        guard flavor == .postgres else { return query }
        return query.where(SQLIdentifier("transaction_id"), .lessThan, SQLRaw("txid_snapshot_xmin(txid_current_snapshot())"))
    }

    /// `query`'s final rows after `position`, in feed order, at most `limit`.
    static func after(_ position: FeedPosition, _ query: SQLSelectBuilder, flavor: SQLFlavor, limit: Int) -> SQLSelectBuilder {
        final(query.where(Self.position, .greaterThan, binds(position)), flavor: flavor)
            .orderBy("transaction_id").orderBy("seq").limit(limit)
    }

    /// The last final position `query` finds, or the start of the feed.
    static func end(_ query: SQLSelectBuilder, flavor: SQLFlavor) async throws -> FeedPosition {
        let row = try await final(query, flavor: flavor).orderBy("transaction_id", .descending).orderBy("seq", .descending).limit(1).first()
        return try row.map(position(of:)) ?? .start
    }
}
