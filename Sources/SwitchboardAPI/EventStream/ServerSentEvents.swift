import Foundation
import Hummingbird
import HTTPTypes
import SwitchboardCore
import SwitchboardStorage

/// Server-Sent Events framing (`text/event-stream`), and what every event stream's endpoint shares.
enum ServerSentEvents {
    /// One event: `id:`, `event:` and a one-line `data:`, ended by a blank line.
    static func frame(id: String, event: String, data: String) -> String {
        "id: \(id)\nevent: \(event)\ndata: \(data)\n\n"
    }

    /// A frame with only an `id:`: a client records it as its last event ID, and dispatches nothing.
    static func position(id: String) -> String {
        "id: \(id)\n\n"
    }

    /// A comment, which clients ignore and proxies see as traffic.
    static let keepalive = ": keepalive\n\n"

    /// The event ID a reconnecting client sends: the `Last-Event-ID` header, or `?LastEventId=` for a client that
    /// cannot set headers; `nil` when neither is given.
    static func lastEventID(_ request: Request, query: FormParameters) -> String? {
        let given = request.headers[HTTPField.Name("Last-Event-ID")!] ?? query.string("LastEventId")
        guard let given, !given.isEmpty else { return nil }
        return given
    }

    /// The error for an event ID this stream never sent.
    static func unknownEventID(_ given: String) -> TwilioError {
        TwilioError.invalidParameter("LastEventId \(given) is not an event ID this stream sent")
    }

    /// A `200` whose body is the stream `body` writes.
    static func response(_ body: @escaping @Sendable (inout any ResponseBodyWriter) async throws -> Void) -> Response {
        Response(
            status: .ok,
            // No proxy may hold frames back to buffer or cache them.
            headers: [.contentType: "text/event-stream; charset=utf-8", .cacheControl: "no-cache", HTTPField.Name("X-Accel-Buffering")!: "no"],
            body: ResponseBody(body))
    }
}

extension FeedPosition {
    /// Positions as a stream's `id:` carries them: `<transaction>.<seq>` for each, joined by dots.
    static func eventID(_ positions: [FeedPosition]) -> String {
        positions.map { "\($0.transaction).\($0.seq)" }.joined(separator: ".")
    }

    /// The `count` positions of an event ID this server wrote; `nil` for anything else.
    static func positions(eventID text: some StringProtocol, count: Int) -> [FeedPosition]? {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 2 * count else { return nil }
        var numbers: [Int64] = []
        for part in parts {
            // Digits only: Int64("+1") would accept a sign this server never writes.
            guard !part.isEmpty, part.utf8.allSatisfy({ (UInt8(ascii: "0")...UInt8(ascii: "9")).contains($0) }), let number = Int64(part) else {
                return nil
            }
            numbers.append(number)
        }
        return stride(from: 0, to: numbers.count, by: 2).map { FeedPosition(transaction: numbers[$0], seq: numbers[$0 + 1]) }
    }
}
