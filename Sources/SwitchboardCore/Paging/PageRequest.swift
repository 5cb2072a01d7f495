/// Which page of a list a client asked for. Pages are cut by an ever-increasing row sequence number, so a
/// client that follows `next_page_url` sees each row exactly once even while rows are being added.
public struct PageRequest: Sendable, Equatable {
    /// The default `PageSize`.
    public static let defaultSize = 50
    /// The largest `PageSize` accepted.
    public static let maximumSize = 1000
    /// The largest `Page` accepted. Page numbers meet arithmetic (the offset, the next page's number, API 2010's
    /// `start`), so they are bounded where every such result still fits comfortably in an `Int`.
    public static let maximumPage = Int(Int32.max)

    /// Rows per page.
    public var size: Int
    /// The page index the client claims to be on; Twilio treats it as client state.
    public var page: Int
    /// Where the page starts, when the client sent a `PageToken`.
    public var cursor: PageCursor?

    /// Creates a request.
    public init(size: Int = PageRequest.defaultSize, page: Int = 0, cursor: PageCursor? = nil) {
        self.size = size
        self.page = page
        self.cursor = cursor
    }

    /// Parses the `PageSize`, `Page` and `PageToken` query parameters.
    public static func parse(pageSize: String?, page: String?, pageToken: String?) throws(TwilioError) -> PageRequest {
        var request = PageRequest()
        if let pageSize {
            guard let size = Int(pageSize), (1...maximumSize).contains(size) else {
                throw .invalidParameter("PageSize must be an integer between 1 and \(maximumSize)")
            }
            request.size = size
        }
        if let page {
            guard let index = Int(page), (0...maximumPage).contains(index) else {
                throw .invalidParameter("Page must be an integer between 0 and \(maximumPage)")
            }
            request.page = index
        }
        if let pageToken, !pageToken.isEmpty {
            guard let cursor = PageCursor(token: pageToken) else { throw .invalidParameter("PageToken is not valid") }
            request.cursor = cursor
        }
        return request
    }

    /// The rows to skip when no token is given: a client may jump straight to page N.
    public var offset: Int { cursor == nil ? firstRow : 0 }

    /// The position of the page's first row in the whole list (API 2010's `start`); saturates instead of trapping
    /// for a request built in code, since ``parse(pageSize:page:pageToken:)`` already bounds both factors.
    public var firstRow: Int {
        let (product, overflow) = page.multipliedReportingOverflow(by: size)
        return overflow ? Int.max : product
    }

    /// The number of the page after this one, saturating at ``maximumPage``.
    public var nextPage: Int { page < Self.maximumPage ? page + 1 : Self.maximumPage }
}

/// A position in a list: after a row (`PA…`, the next page) or before one (`PB…`, the previous page).
public enum PageCursor: Sendable, Equatable {
    /// Rows whose sequence number is greater than this.
    case after(Int64)
    /// Rows whose sequence number is less than this.
    case before(Int64)

    /// Parses a `PageToken`.
    public init?(token: String) {
        guard token.count > 2, let sequence = Int64(token.dropFirst(2)), sequence >= 0 else { return nil }
        switch token.prefix(2) {
        case "PA": self = .after(sequence)
        case "PB": self = .before(sequence)
        default: return nil
        }
    }

    /// The `PageToken` that names this position.
    public var token: String {
        switch self {
        case .after(let sequence): "PA\(sequence)"
        case .before(let sequence): "PB\(sequence)"
        }
    }
}

/// One page of rows, with what a client needs to move to the pages beside it.
public struct Page<Item: Sendable>: Sendable {
    /// The rows, in list order.
    public var items: [Item]
    /// The cursor of the next page, or `nil` on the last page.
    public var next: PageCursor?
    /// The cursor of the previous page, or `nil` on the first.
    public var previous: PageCursor?

    /// Creates a page.
    public init(items: [Item], next: PageCursor?, previous: PageCursor?) {
        self.items = items
        self.next = next
        self.previous = previous
    }
}

extension Page {
    /// Every item of a list that `fetch` reads a page at a time, following the cursors from the first page of the
    /// largest size to the last.
    public static func everyItem(_ fetch: (PageRequest) async throws -> Page<Item>) async throws -> [Item] {
        var request = PageRequest(size: PageRequest.maximumSize)
        var items: [Item] = []
        while true {
            let page = try await fetch(request)
            items += page.items
            guard let next = page.next else { return items }
            request = PageRequest(size: PageRequest.maximumSize, page: request.nextPage, cursor: next)
        }
    }
}
