public import Hummingbird
import SwitchboardCore
import SwitchboardStorage

/// `/v1/Services/{ServiceSid}/PhoneNumbers` on `proxy`: the pool. Add by `PhoneNumber` (or a `PN…` `Sid`), fetch,
/// list, update `IsReserved`, remove.
public struct ProxyPhoneNumberController: Sendable {
    let dependencies: ServerDependencies

    /// Creates the controller.
    public init(dependencies: ServerDependencies) {
        self.dependencies = dependencies
    }

    /// The routes, relative to `/v1`.
    public var endpoints: RouteCollection<SwitchboardRequestContext> {
        let routes = RouteCollection(context: SwitchboardRequestContext.self)
        routes.post("Services/:serviceSid/PhoneNumbers", use: create)
        routes.get("Services/:serviceSid/PhoneNumbers", use: list)
        routes.get("Services/:serviceSid/PhoneNumbers/:sid", use: fetch)
        routes.post("Services/:serviceSid/PhoneNumbers/:sid", use: update)
        routes.delete("Services/:serviceSid/PhoneNumbers/:sid", use: delete)
        return routes
    }

    @Sendable func create(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let form = try await request.formParameters(context: context)
        let isReserved = try form.bool("IsReserved") ?? false
        let given = form.string("Sid").flatMap { $0.isEmpty ? nil : $0 }
        guard let raw = form.string("PhoneNumber"), !raw.isEmpty else {
            // Switchboard has no incoming-number inventory for a bare `Sid` to name, so the number itself is needed.
            throw TwilioError.missingParameter(given == nil ? "PhoneNumber" : "PhoneNumber (Switchboard has no IncomingPhoneNumbers for Sid to name)")
        }
        guard let address = try? DeliveryAddress(raw, channel: .sms) else { throw TwilioError.invalidParameter("PhoneNumber \(raw) is not an E.164 number") }
        if let given { try Self.checkSid(given) }
        let sid = given ?? dependencies.sids.make(.proxyPhoneNumber)
        let now = dependencies.time.now()
        let number = try await dependencies.storage.write { session in
            let service = try await ProxyScope.service(context, session: session)
            guard try await session.proxyPhoneNumbers.find(phoneNumber: address.value, serviceSid: service.sid) == nil else {
                throw TwilioError(code: 80104, message: "Phone number \(address.value) is already in this service's pool", httpStatus: 409)
            }
            let number = ProxyPhoneNumber(sid: sid, accountSid: service.accountSid, serviceSid: service.sid, phoneNumber: address.value,
                                          isReserved: isReserved, dateCreated: now, dateUpdated: now)
            try await session.proxyPhoneNumbers.insert(number)
            return number
        }
        return JSONResponse.make(ProxyPhoneNumberRepresentation.json(number, inUse: 0, baseURL: context.domainBaseURL), status: .created)
    }

    @Sendable func fetch(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let (number, inUse) = try await dependencies.storage.read { session in
            let number = try await Self.number(context, session: session)
            return (number, try await Self.inUse(number, session: session))
        }
        return JSONResponse.make(ProxyPhoneNumberRepresentation.json(number, inUse: inUse, baseURL: context.domainBaseURL))
    }

    @Sendable func list(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let page = try request.pageRequest()
        let (service, rows) = try await dependencies.storage.read { session in
            let service = try await ProxyScope.service(context, session: session)
            let numbers = try await session.proxyPhoneNumbers.list(serviceSid: service.sid, page: page)
            var counted: [(ProxyPhoneNumber, Int)] = []
            for number in numbers.items { counted.append((number, try await Self.inUse(number, session: session))) }
            return (service, Page(items: counted, next: numbers.next, previous: numbers.previous))
        }
        let baseURL = context.domainBaseURL
        return JSONResponse.make(ListEnvelope.v1(
            key: "phone_numbers", page: rows, request: page, listURL: ProxyScope.serviceURL(service.sid, baseURL: baseURL) + "/PhoneNumbers", filters: []
        ) { ProxyPhoneNumberRepresentation.json($0.0, inUse: $0.1, baseURL: baseURL) })
    }

    @Sendable func update(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let form = try await request.formParameters(context: context)
        let now = dependencies.time.now()
        let (number, inUse) = try await dependencies.storage.write { session -> (ProxyPhoneNumber, Int) in
            var number = try await Self.number(context, session: session)
            if let reserved = try form.bool("IsReserved") { number.isReserved = reserved }
            number.dateUpdated = now
            try await session.proxyPhoneNumbers.update(number)
            return (number, try await Self.inUse(number, session: session))
        }
        return JSONResponse.make(ProxyPhoneNumberRepresentation.json(number, inUse: inUse, baseURL: context.domainBaseURL))
    }

    @Sendable func delete(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        try await dependencies.storage.write { session in
            let number = try await Self.number(context, session: session)
            _ = try await session.proxyPhoneNumbers.delete(sid: number.sid, serviceSid: number.serviceSid)
        }
        return JSONResponse.noContent()
    }

    static func number(_ context: SwitchboardRequestContext, session: any StorageSession) async throws -> ProxyPhoneNumber {
        let service = try await ProxyScope.service(context, session: session)
        let sid = try context.parameters.require("sid")
        guard let number = try await session.proxyPhoneNumbers.find(sid: sid, serviceSid: service.sid) else { throw context.notFound }
        return number
    }

    /// How many open sessions of the number's service talk through it.
    static func inUse(_ number: ProxyPhoneNumber, session: any StorageSession) async throws -> Int {
        var sessions = Set<String>()
        for participant in try await session.proxyParticipants.all(proxyIdentifier: number.phoneNumber, accountSid: number.accountSid)
        where participant.serviceSid == number.serviceSid && !sessions.contains(participant.sessionSid) {
            if try await session.proxySessions.find(sid: participant.sessionSid, serviceSid: number.serviceSid)?.isOpen == true {
                sessions.insert(participant.sessionSid)
            }
        }
        return sessions.count
    }

    static func checkSid(_ sid: String) throws(TwilioError) {
        guard sid.hasPrefix(SidPrefix.proxyPhoneNumber.rawValue), sid.count == 34 else {
            throw .invalidParameter("Sid must be a phone number SID starting with PN; got '\(sid)'")
        }
    }
}
