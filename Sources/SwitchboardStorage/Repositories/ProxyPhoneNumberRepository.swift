public import SwitchboardCore

/// The numbers of Proxy Services' pools.
public protocol ProxyPhoneNumberRepository: Sendable {
    /// Adds a number to its service's pool.
    func insert(_ number: ProxyPhoneNumber) async throws
    /// The pool number with this SID in the service.
    func find(sid: String, serviceSid: String) async throws -> ProxyPhoneNumber?
    /// The pool number with this E.164 number in the service.
    func find(phoneNumber: String, serviceSid: String) async throws -> ProxyPhoneNumber?
    /// The account's pool numbers with this E.164 number, in any service: where an inbound message to it belongs.
    func all(phoneNumber: String, accountSid: String) async throws -> [ProxyPhoneNumber]
    /// The service's pool, oldest first.
    func all(serviceSid: String) async throws -> [ProxyPhoneNumber]
    /// The service's pool, a page at a time.
    func list(serviceSid: String, page: PageRequest) async throws -> Page<ProxyPhoneNumber>
    /// Saves an existing pool number.
    func update(_ number: ProxyPhoneNumber) async throws
    /// Removes the number from the pool; `false` when the service has no such number.
    func delete(sid: String, serviceSid: String) async throws -> Bool
}
