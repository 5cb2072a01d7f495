public import Hummingbird
import SwitchboardCore
import SwitchboardStorage

/// `/2010-04-01/Accounts/{AccountSid}/IncomingPhoneNumbers` on `api`: the account's phone numbers, and where a
/// customer's message to each goes. Switchboard holds no inventory to buy from, so a number is whatever E.164
/// number the account names, once per account.
public struct IncomingPhoneNumberController: Sendable {
    let dependencies: ServerDependencies

    /// Creates the controller.
    public init(dependencies: ServerDependencies) {
        self.dependencies = dependencies
    }

    /// The routes, relative to `/2010-04-01`.
    public var endpoints: RouteCollection<SwitchboardRequestContext> {
        let routes = RouteCollection(context: SwitchboardRequestContext.self)
        routes.post("Accounts/:accountSid/IncomingPhoneNumbers.json", use: create)
        routes.get("Accounts/:accountSid/IncomingPhoneNumbers.json", use: list)
        routes.get("Accounts/:accountSid/IncomingPhoneNumbers/:sid", use: fetch)
        routes.post("Accounts/:accountSid/IncomingPhoneNumbers/:sid", use: update)
        routes.delete("Accounts/:accountSid/IncomingPhoneNumbers/:sid", use: delete)
        return routes
    }

    @Sendable func create(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let form = try await request.formParameters(context: context)
        let account = try await addressedAccount(context)
        guard let raw = form.string("PhoneNumber"), !raw.isEmpty else {
            if form.string("AreaCode") != nil {
                throw TwilioError(code: 21452, message: "No phone numbers found: Switchboard has no inventory to search, so send PhoneNumber",
                                  httpStatus: 400)
            }
            throw TwilioError.missingParameter("PhoneNumber")
        }
        let phoneNumber = try IncomingPhoneNumberRules.phoneNumber(raw)
        let now = dependencies.time.now()
        var number = IncomingPhoneNumber(
            sid: dependencies.sids.make(.proxyPhoneNumber), accountSid: account.sid, phoneNumber: phoneNumber,
            friendlyName: IncomingPhoneNumberRules.defaultFriendlyName(phoneNumber), dateCreated: now, dateUpdated: now)
        try Self.apply(form, to: &number)
        let created = number
        try await dependencies.storage.write { session in
            if try await session.incomingPhoneNumbers.find(phoneNumber: phoneNumber, accountSid: account.sid) != nil {
                throw IncomingPhoneNumberRules.duplicate(phoneNumber)
            }
            try await session.incomingPhoneNumbers.insert(created)
        }
        return JSONResponse.make(IncomingPhoneNumberRepresentation.json(created), status: .created)
    }

    /// `PhoneNumber` matches numbers containing its digits (`*` for any one digit), as Twilio's filter does;
    /// `FriendlyName` matches exactly.
    @Sendable func list(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let page = try request.pageRequest()
        let query = try request.queryParameters()
        let account = try await addressedAccount(context)
        let filter = IncomingPhoneNumberFilter(phoneNumber: query.string("PhoneNumber"), friendlyName: query.string("FriendlyName"))
        let rows = try await dependencies.storage.read {
            try await $0.incomingPhoneNumbers.list(accountSid: account.sid, filter: filter, page: page)
        }
        var filters: [(String, String)] = []
        if let phoneNumber = filter.phoneNumber { filters.append(("PhoneNumber", phoneNumber)) }
        if let friendlyName = filter.friendlyName { filters.append(("FriendlyName", friendlyName)) }
        return JSONResponse.make(ListEnvelope.v2010(
            key: "incoming_phone_numbers", page: rows, request: page,
            listURI: "/2010-04-01/Accounts/\(account.sid)/IncomingPhoneNumbers.json", filters: filters
        ) { IncomingPhoneNumberRepresentation.json($0) })
    }

    @Sendable func fetch(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let account = try await addressedAccount(context)
        let sid = AccountAccess.stripJSON(try context.parameters.require("sid"))
        guard let number = try await dependencies.storage.read({ try await $0.incomingPhoneNumbers.find(sid: sid, accountSid: account.sid) }) else {
            throw context.notFound
        }
        return JSONResponse.make(IncomingPhoneNumberRepresentation.json(number))
    }

    /// Changes what is sent; an empty URL clears it, as on Twilio. The number itself cannot change.
    @Sendable func update(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let form = try await request.formParameters(context: context)
        let account = try await addressedAccount(context)
        let sid = AccountAccess.stripJSON(try context.parameters.require("sid"))
        let now = dependencies.time.now()
        let notFound = context.notFound
        let number = try await dependencies.storage.write { session in
            guard var number = try await session.incomingPhoneNumbers.find(sid: sid, accountSid: account.sid) else { throw notFound }
            let before = number
            try Self.apply(form, to: &number)
            if number != before {
                number.dateUpdated = now
                try await session.incomingPhoneNumbers.update(number)
            }
            return number
        }
        return JSONResponse.make(IncomingPhoneNumberRepresentation.json(number))
    }

    @Sendable func delete(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let account = try await addressedAccount(context)
        let sid = AccountAccess.stripJSON(try context.parameters.require("sid"))
        guard try await dependencies.storage.write({ try await $0.incomingPhoneNumbers.delete(sid: sid, accountSid: account.sid) }) else {
            throw context.notFound
        }
        return JSONResponse.noContent()
    }

    /// Sets what `form` sends of the parameters create and update share.
    static func apply(_ form: FormParameters, to number: inout IncomingPhoneNumber) throws(TwilioError) {
        if let name = form.string("FriendlyName") { number.friendlyName = name }
        let urls: [(String, WritableKeyPath<IncomingPhoneNumber, String?>)] = [
            ("SmsUrl", \.smsUrl), ("SmsFallbackUrl", \.smsFallbackUrl), ("StatusCallback", \.statusCallback),
            ("VoiceUrl", \.voiceUrl), ("VoiceFallbackUrl", \.voiceFallbackUrl),
        ]
        for (parameter, path) in urls {
            if let raw = form.string(parameter) { number[keyPath: path] = try IncomingPhoneNumberRules.url(raw, parameter: parameter) }
        }
        let methods: [(String, WritableKeyPath<IncomingPhoneNumber, String>)] = [
            ("SmsMethod", \.smsMethod), ("SmsFallbackMethod", \.smsFallbackMethod), ("StatusCallbackMethod", \.statusCallbackMethod),
            ("VoiceMethod", \.voiceMethod), ("VoiceFallbackMethod", \.voiceFallbackMethod),
        ]
        for (parameter, path) in methods {
            if let raw = form.string(parameter) { number[keyPath: path] = try IncomingPhoneNumberRules.method(raw, parameter: parameter) }
        }
        if let lookup = try form.bool("VoiceCallerIdLookup") { number.voiceCallerIdLookup = lookup }
    }

    /// The account named in the path, if the caller may address it.
    func addressedAccount(_ context: SwitchboardRequestContext) async throws -> Account {
        try await AccountAccess.pathAccount(context, storage: dependencies.storage)
    }
}
