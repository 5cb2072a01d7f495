import SQLKit
import SwitchboardCore

/// Reads one page of a table ordered by its `seq` column, so that following `next` cursors sees each row once.
enum KeysetPage {
    /// Which way a list reads.
    enum Order {
        /// Oldest first, the order of almost every Twilio list.
        case oldestFirst
        /// Newest first. A cursor keeps its meaning (rows after or before a sequence number), so the next page of a
        /// newest-first list is `before` its last row.
        case newestFirst
    }

    static func fetch<Item: Sendable>(
        _ query: SQLSelectBuilder, page: PageRequest, order: Order = .oldestFirst, decode: (any SQLRow) throws -> Item
    ) async throws -> Page<Item> {
        let ascending = order == .oldestFirst
        // A cursor further along the list, and one back towards its start.
        let along: (Int64) -> PageCursor = { ascending ? .after($0) : .before($0) }
        let back: (Int64) -> PageCursor = { ascending ? .before($0) : .after($0) }
        // Whether the client is paging back towards the start, which reads the rows the other way round.
        let backwards: Bool
        switch page.cursor {
        case .after(let sequence)?:
            query.where("seq", .greaterThan, sequence)
            backwards = !ascending
        case .before(let sequence)?:
            query.where("seq", .lessThan, sequence)
            backwards = ascending
        case nil:
            backwards = false
        }
        // One row more than asked tells whether another page follows.
        query.orderBy("seq", ascending != backwards ? .ascending : .descending).limit(page.size + 1)
        if page.offset > 0 { query.offset(page.offset) }
        let rows = try await query.all()
        let hasMore = rows.count > page.size
        var items: [(sequence: Int64, item: Item)] = try rows.prefix(page.size).map {
            (try $0.decode(column: "seq", as: Int64.self), try decode($0))
        }
        if backwards { items.reverse() }
        guard let first = items.first, let last = items.last else {
            return Page(items: [], next: nil, previous: nil)
        }
        let next: PageCursor?
        let previous: PageCursor?
        if backwards {
            next = along(last.sequence)
            previous = hasMore ? back(first.sequence) : nil
        } else {
            next = hasMore ? along(last.sequence) : nil
            previous = (page.cursor != nil || page.offset > 0) ? back(first.sequence) : nil
        }
        return Page(items: items.map(\.item), next: next, previous: previous)
    }
}
