import SQLKit
import SwitchboardCore

/// ``IncomingPhoneNumberRepository`` over SQL: the number and friendly name as columns, for lookups and filters.
struct SQLIncomingPhoneNumberRepository: IncomingPhoneNumberRepository {
    let table: DocumentTable<IncomingPhoneNumber>

    init(database: any SQLDatabase) { table = DocumentTable(database: database, name: "incoming_phone_numbers") }

    func insert(_ number: IncomingPhoneNumber) async throws {
        try await table.insert(number, sid: number.sid, accountSid: number.accountSid, keys: Self.keys(number))
    }
    func find(sid: String, accountSid: String) async throws -> IncomingPhoneNumber? {
        try await table.first([("sid", SQLBind(sid)), ("account_sid", SQLBind(accountSid))])
    }
    func find(phoneNumber: String, accountSid: String) async throws -> IncomingPhoneNumber? {
        try await table.first([("account_sid", SQLBind(accountSid)), ("phone_number", SQLBind(phoneNumber))])
    }
    func list(accountSid: String, filter: IncomingPhoneNumberFilter, page: PageRequest) async throws -> Page<IncomingPhoneNumber> {
        var equal: [(String, SQLBind)] = [("account_sid", SQLBind(accountSid))]
        if let friendlyName = filter.friendlyName { equal.append(("friendly_name", SQLBind(friendlyName))) }
        let query = table.select(equal)
        if let pattern = filter.phoneNumber.map(Self.likePattern) { query.where("phone_number", .like, SQLBind(pattern)) }
        return try await KeysetPage.fetch(query, page: page, decode: DocumentTable<IncomingPhoneNumber>.decode)
    }
    func update(_ number: IncomingPhoneNumber) async throws {
        try await table.update(number, sid: number.sid, keys: Self.keys(number))
    }
    func delete(sid: String, accountSid: String) async throws -> Bool {
        try await table.delete(sid: sid, scopeColumn: "account_sid", scope: accountSid)
    }

    static func keys(_ number: IncomingPhoneNumber) -> [(String, SQLBind)] {
        [("phone_number", SQLBind(number.phoneNumber)), ("friendly_name", SQLBind(number.friendlyName))]
    }

    /// Twilio's number filter as a LIKE pattern: the digits anywhere in the number, `*` for any one digit. Only
    /// digits, `+` and `*` are kept, so the filter can hold none of LIKE's own wildcards.
    static func likePattern(_ filter: String) -> String {
        let kept = filter.compactMap { character -> Character? in
            if character == "*" { return "_" }
            return character.isASCII && (character.isNumber || character == "+") ? character : nil
        }
        return "%" + String(kept) + "%"
    }
}
