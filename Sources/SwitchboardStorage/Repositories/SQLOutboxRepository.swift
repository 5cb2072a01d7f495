import Foundation
import SQLKit
import SwitchboardCore

/// ``OutboxRepository`` over SQL. On PostgreSQL, claims skip rows another transaction has locked
/// (`FOR UPDATE SKIP LOCKED`), so several `serve` processes share one outbox without taking the same entry.
struct SQLOutboxRepository: OutboxRepository {
    let database: any SQLDatabase
    let flavor: SQLFlavor

    func enqueue(_ entry: OutboxEntry) async throws {
        let stored = Self.stored(entry.work)
        try await database.insert(into: "outbox")
            .columns("sid", "account_sid", "kind", "target", "method", "body_format", "body", "purpose", "fallback_url", "fallback_method", "status", "attempts",
                     "first_attempt_at", "next_attempt_at", "last_error", "date_created", "date_updated", "ordering_key",
                     "last_attempt_at", "last_response_code")
            .values(SQLBind(entry.sid), SQLBind(entry.accountSid), SQLBind(entry.work.kind), SQLBind(stored.target),
                    SQLBind(stored.method), SQLBind(stored.bodyFormat), SQLBind(stored.body), SQLBind(stored.purpose), SQLBind(stored.fallbackUrl),
                    SQLBind(stored.fallbackMethod),
                    SQLBind(entry.status.rawValue), SQLBind(entry.attempts), SQLBind(entry.firstAttemptAt), SQLBind(entry.nextAttemptAt),
                    SQLBind(entry.lastError), SQLBind(StoredDate.encode(entry.dateCreated)), SQLBind(StoredDate.encode(entry.dateUpdated)),
                    SQLBind(entry.orderingKey), SQLBind(entry.lastAttemptAt), SQLBind(entry.lastResponseCode))
            .run()
    }

    func claimDue(now: Int64, leaseUntil: Int64, limit: Int) async throws -> [OutboxEntry] {
        let skipLocked = flavor == .postgres ? " FOR UPDATE SKIP LOCKED" : ""
        let rows = try await database.raw("""
            UPDATE outbox SET lease_until = \(bind: leaseUntil)
            WHERE seq IN (
                SELECT seq FROM outbox AS candidate
                WHERE status = 'pending' AND next_attempt_at <= \(bind: now) AND (lease_until IS NULL OR lease_until <= \(bind: now))
                AND (ordering_key IS NULL OR NOT EXISTS (
                    SELECT 1 FROM outbox AS earlier
                    WHERE earlier.ordering_key = candidate.ordering_key AND earlier.seq < candidate.seq AND earlier.status = 'pending'
                ))
                ORDER BY next_attempt_at, seq LIMIT \(bind: limit)\(unsafeRaw: skipLocked)
            )
            RETURNING *
            """).all()
        let claimed = try rows.map { (try $0.decode(column: "seq", as: Int64.self), try Self.decode($0)) }
        // RETURNING promises no order; due order is what keeps one target's events in the order they happened.
        return claimed.sorted { ($0.1.nextAttemptAt, $0.0) < ($1.1.nextAttemptAt, $1.0) }.map(\.1)
    }

    func find(sid: String) async throws -> OutboxEntry? {
        try await database.select().column("*").from("outbox").where("sid", .equal, sid).first().map(Self.decode)
    }

    func find(sid: String, accountSid: String) async throws -> OutboxEntry? {
        try await database.findRow(in: "outbox", sid: sid, scopeColumn: "account_sid", scope: accountSid, decode: Self.decode)
    }

    func record(_ entry: OutboxEntry) async throws {
        try await database.update("outbox")
            .set("status", to: SQLBind(entry.status.rawValue))
            .set("attempts", to: SQLBind(entry.attempts))
            .set("first_attempt_at", to: SQLBind(entry.firstAttemptAt))
            .set("next_attempt_at", to: SQLBind(entry.nextAttemptAt))
            .set("lease_until", to: SQLLiteral.null)
            .set("last_error", to: SQLBind(entry.lastError))
            .set("last_attempt_at", to: SQLBind(entry.lastAttemptAt))
            .set("last_response_code", to: SQLBind(entry.lastResponseCode))
            .set("date_updated", to: SQLBind(StoredDate.encode(entry.dateUpdated)))
            .where("sid", .equal, entry.sid)
            .run()
    }

    func remove(sid: String) async throws {
        try await database.delete(from: "outbox").where("sid", .equal, sid).run()
    }

    func releaseAllLeases() async throws -> Int {
        try await database.update("outbox").set("lease_until", to: SQLLiteral.null)
            .where("lease_until", .isNot, SQLLiteral.null).returning("sid").all().count
    }

    func list(accountSid: String, status: OutboxStatus?, page: PageRequest) async throws -> Page<OutboxEntry> {
        let query = database.select().column("*").from("outbox").where("account_sid", .equal, accountSid)
        if let status { query.where("status", .equal, status.rawValue) }
        return try await KeysetPage.fetch(query, page: page, decode: Self.decode)
    }

    func countByStatus() async throws -> [OutboxStatus: Int] {
        let rows = try await database.select().column("status").column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
            .from("outbox").groupBy("status").all()
        var counts: [OutboxStatus: Int] = [:]
        for row in rows {
            counts[try StoredEnum.decode(OutboxStatus.self, row, "status")] = try row.decode(column: "n", as: Int.self)
        }
        return counts
    }

    func purgeDelivered(before: Int64, limit: Int) async throws -> Int {
        // In batches through a sub-select: neither database takes a LIMIT on DELETE, and a long history must not
        // hold one transaction open.
        try await database.raw("""
            DELETE FROM outbox WHERE seq IN (
                SELECT seq FROM outbox WHERE status = 'delivered' AND last_attempt_at < \(bind: before) LIMIT \(bind: limit)
            )
            RETURNING seq
            """).all().count
    }

    func oldestPendingCreation() async throws -> Date? {
        let row = try await database.select().column(SQLFunction("MIN", args: SQLIdentifier("date_created")), as: "oldest")
            .from("outbox").where("status", .equal, OutboxStatus.pending.rawValue).first()
        return try row?.decode(column: "oldest", as: Int64?.self).map(StoredDate.decode)
    }

    static func stored(_ work: OutboxWork) -> (
        target: String, method: String, bodyFormat: String?, body: String?, purpose: String, fallbackUrl: String?, fallbackMethod: String?
    ) {
        switch work {
        case .message(let sid):
            return (sid, "SEND", nil, nil, "message", nil, nil)
        case .webhook(let call):
            switch call.body {
            case .form(let pairs): return (call.url, call.method, "form", FormEncoding.encode(pairs), call.purpose, call.fallbackUrl, call.fallbackMethod)
            case .json(let text): return (call.url, call.method, "json", text, call.purpose, call.fallbackUrl, call.fallbackMethod)
            }
        }
    }

    static func decode(_ row: any SQLRow) throws -> OutboxEntry {
        let kind = try row.decode(column: "kind", as: String.self)
        let target = try row.decode(column: "target", as: String.self)
        let work: OutboxWork
        switch kind {
        case "message":
            work = .message(sid: target)
        case "webhook":
            let format = try row.decode(column: "body_format", as: String?.self)
            let text = try row.decode(column: "body", as: String?.self) ?? ""
            let body: WebhookBody
            switch format {
            case "json": body = .json(text)
            case "form":
                guard let pairs = FormEncoding.decode(text) else { throw StoredValueError(column: "body", value: text) }
                body = .form(pairs)
            default: throw StoredValueError(column: "body_format", value: format ?? "NULL")
            }
            work = .webhook(WebhookCall(url: target, method: try row.decode(column: "method", as: String.self), body: body,
                                        purpose: try row.decode(column: "purpose", as: String.self),
                                        fallbackUrl: try row.decode(column: "fallback_url", as: String?.self),
                                        // Rows written before version 19 have none, and request their fallback as the URL.
                                        fallbackMethod: try row.decode(column: "fallback_method", as: String?.self)))
        default:
            throw StoredValueError(column: "kind", value: kind)
        }
        return OutboxEntry(
            sid: try row.decode(column: "sid", as: String.self),
            accountSid: try row.decode(column: "account_sid", as: String.self),
            work: work,
            status: try StoredEnum.decode(OutboxStatus.self, row, "status"),
            attempts: try row.decode(column: "attempts", as: Int.self),
            firstAttemptAt: try row.decode(column: "first_attempt_at", as: Int64?.self),
            nextAttemptAt: try row.decode(column: "next_attempt_at", as: Int64.self),
            lastError: try row.decode(column: "last_error", as: String?.self),
            lastAttemptAt: try row.decode(column: "last_attempt_at", as: Int64?.self),
            lastResponseCode: try row.decode(column: "last_response_code", as: Int?.self),
            dateCreated: StoredDate.decode(try row.decode(column: "date_created", as: Int64.self)),
            dateUpdated: StoredDate.decode(try row.decode(column: "date_updated", as: Int64.self)),
            orderingKey: try row.decode(column: "ordering_key", as: String?.self))
    }
}
