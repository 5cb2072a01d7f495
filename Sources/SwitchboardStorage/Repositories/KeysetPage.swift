import SQLKit
import SwitchboardCore

/// Reads one page of a table ordered by its `seq` column, so that following `next` cursors sees each row once.
enum KeysetPage {
    static func fetch<Item: Sendable>(
        _ query: SQLSelectBuilder, page: PageRequest, decode: (any SQLRow) throws -> Item
    ) async throws -> Page<Item> {
        let backwards: Bool
        switch page.cursor {
        case .after(let sequence)?:
            query.where("seq", .greaterThan, sequence)
            backwards = false
        case .before(let sequence)?:
            query.where("seq", .lessThan, sequence)
            backwards = true
        case nil:
            backwards = false
        }
        // One row more than asked tells whether another page follows.
        query.orderBy("seq", backwards ? .descending : .ascending).limit(page.size + 1)
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
            next = .after(last.sequence)
            previous = hasMore ? .before(first.sequence) : nil
        } else {
            next = hasMore ? .after(last.sequence) : nil
            previous = (page.cursor != nil || page.offset > 0) ? .before(first.sequence) : nil
        }
        return Page(items: items.map(\.item), next: next, previous: previous)
    }
}
