public import SwitchboardCore

/// The two shapes Twilio wraps lists in.
public enum ListEnvelope {
    /// The v1 shape: the rows under `key`, and a `meta` object with absolute page URLs.
    /// `listURL` is the list's absolute URL without a query; `filters` are the query parameters to carry along.
    public static func v1<Item>(
        key: String, page: Page<Item>, request: PageRequest, listURL: String, filters: [(String, String)],
        render: (Item) -> JSONValue
    ) -> JSONValue {
        let link = { pageLink(listURL, filters: filters, size: request.size, index: $0, cursor: $1) }
        return .object([
            (key, .array(page.items.map(render))),
            ("meta", .object([
                ("page", .int(request.page)),
                ("page_size", .int(request.size)),
                ("first_page_url", .string(link(0, nil))),
                ("previous_page_url", .string(page.previous.map { link(max(0, request.page - 1), $0) })),
                ("url", .string(link(request.page, request.cursor))),
                ("next_page_url", .string(page.next.map { link(request.nextPage, $0) })),
                ("key", .string(key)),
            ])),
        ])
    }

    /// The API 2010 shape: the rows under `key`, with page URIs relative to the API's root.
    public static func v2010<Item>(
        key: String, page: Page<Item>, request: PageRequest, listURI: String, filters: [(String, String)],
        render: (Item) -> JSONValue
    ) -> JSONValue {
        let link = { pageLink(listURI, filters: filters, size: request.size, index: $0, cursor: $1) }
        let start = request.firstRow
        return .object([
            (key, .array(page.items.map(render))),
            ("end", .int(page.items.isEmpty ? start : start.addingReportingOverflow(page.items.count - 1).partialValue)),
            ("first_page_uri", .string(link(0, nil))),
            ("next_page_uri", .string(page.next.map { link(request.nextPage, $0) })),
            ("page", .int(request.page)),
            ("page_size", .int(request.size)),
            ("previous_page_uri", .string(page.previous.map { link(max(0, request.page - 1), $0) })),
            ("start", .int(start)),
            ("uri", .string(link(request.page, request.cursor))),
        ])
    }
}

/// The URL of page `index` of a list, carrying the filters, the page size and the page's cursor.
func pageLink(_ list: String, filters: [(String, String)], size: Int, index: Int, cursor: PageCursor?) -> String {
    list + "?" + Query.encode(filters + [("PageSize", String(size)), ("Page", String(index))]
        + (cursor.map { [("PageToken", $0.token)] } ?? []))
}

/// Query-string encoding for the URLs Switchboard writes.
enum Query {
    static func encode(_ pairs: [(String, String)]) -> String {
        pairs.map { escape($0.0) + "=" + escape($0.1) }.joined(separator: "&")
    }

    static func escape(_ text: String) -> String {
        FormEncoding.escape(text, spaceAsPlus: false)
    }
}
