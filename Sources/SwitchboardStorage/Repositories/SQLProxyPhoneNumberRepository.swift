import SQLKit
import SwitchboardCore

/// ``ProxyPhoneNumberRepository`` over SQL.
struct SQLProxyPhoneNumberRepository: ProxyPhoneNumberRepository {
    let table: DocumentTable<ProxyPhoneNumber>

    init(database: any SQLDatabase) { table = DocumentTable(database: database, name: "proxy_phone_numbers") }

    func insert(_ number: ProxyPhoneNumber) async throws {
        try await table.insert(number, sid: number.sid, accountSid: number.accountSid,
                               keys: [("service_sid", SQLBind(number.serviceSid)), ("phone_number", SQLBind(number.phoneNumber))])
    }
    func find(sid: String, serviceSid: String) async throws -> ProxyPhoneNumber? {
        try await table.first([("sid", SQLBind(sid)), ("service_sid", SQLBind(serviceSid))])
    }
    func find(phoneNumber: String, serviceSid: String) async throws -> ProxyPhoneNumber? {
        try await table.first([("phone_number", SQLBind(phoneNumber)), ("service_sid", SQLBind(serviceSid))])
    }
    func all(phoneNumber: String, accountSid: String) async throws -> [ProxyPhoneNumber] {
        try await table.all([("phone_number", SQLBind(phoneNumber)), ("account_sid", SQLBind(accountSid))])
    }
    func all(serviceSid: String) async throws -> [ProxyPhoneNumber] {
        try await table.all([("service_sid", SQLBind(serviceSid))])
    }
    func list(serviceSid: String, page: PageRequest) async throws -> Page<ProxyPhoneNumber> {
        try await table.page([("service_sid", SQLBind(serviceSid))], page: page)
    }
    func update(_ number: ProxyPhoneNumber) async throws {
        try await table.update(number, sid: number.sid, keys: [])
    }
    func delete(sid: String, serviceSid: String) async throws -> Bool {
        try await table.delete(sid: sid, scopeColumn: "service_sid", scope: serviceSid)
    }
}
