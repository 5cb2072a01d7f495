public import Hummingbird
import SwitchboardCore
import SwitchboardDelivery
import SwitchboardStorage

/// `/2010-04-01/Accounts/{AccountSid}/Messages` on `api`: messages sent through the delivery pipeline, and the
/// inbound ones customers sent.
public struct MessageController: Sendable {
    let dependencies: ServerDependencies

    /// Creates the controller.
    public init(dependencies: ServerDependencies) {
        self.dependencies = dependencies
    }

    /// The routes, relative to `/2010-04-01`.
    public var endpoints: RouteCollection<SwitchboardRequestContext> {
        let routes = RouteCollection(context: SwitchboardRequestContext.self)
        routes.post("Accounts/:accountSid/Messages.json", use: create)
        routes.get("Accounts/:accountSid/Messages.json", use: list)
        routes.get("Accounts/:accountSid/Messages/:sid", use: fetch)
        routes.delete("Accounts/:accountSid/Messages/:sid", use: delete)
        return routes
    }

    /// Answers 201 only after the message and its outbox entry are committed together, so it survives a crash.
    /// A `ContentSid` is rendered into the body. WhatsApp and Messenger refuse free text outside the customer-care
    /// window, and templates not approved for WhatsApp there: Twilio accepts such a request and fails the message with
    /// 63016, so Switchboard stores it failed, delivers nothing and tells its `StatusCallback`.
    @Sendable func create(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let form = try await request.formParameters(context: context)
        let account = try await addressedAccount(context)
        let now = dependencies.time.now()
        let mediaUrls = form.strings("MediaUrl")
        if let invalid = mediaUrls.first(where: { !MessageRules.isWebURL($0) }) {
            throw TwilioError(code: 21620, message: "Invalid media URL(s): \(invalid)", httpStatus: 400)
        }
        // Twilio needs a Body only when there is neither media nor a template.
        let mediaOnly = (form.string("Body") ?? "").isEmpty && !mediaUrls.isEmpty
        var outbound = try MessageRules.makeOutbound(
            MessageRequest(
                to: form.string("To"), from: form.string("From"), body: mediaOnly ? " " : form.string("Body"), contentSid: form.string("ContentSid"),
                contentVariables: form.string("ContentVariables"), statusCallback: form.string("StatusCallback"),
                messagingServiceSid: form.string("MessagingServiceSid")),
            sid: dependencies.sids.make(.message), accountSid: account.sid, now: now)
        if mediaOnly { outbound.body = "" }
        outbound.mediaUrls = mediaUrls
        let requested = outbound
        let sids = dependencies.sids
        let window = dependencies.messagingWindow
        let message = try await dependencies.storage.write { session in
            var message = requested
            var template: ContentTemplate?
            // Checked in the transaction that queues the message, as Conversations checks it; another account's
            // template is as unknown as a missing one.
            if let contentSid = message.contentSid {
                guard let found = try await session.contents.find(sid: contentSid, accountSid: account.sid) else {
                    throw ContentRules.invalidContentSid
                }
                template = found
                message = try MessageRules.withContent(message, template: found)
            }
            let lastInbound = MessagingWindow.channels.contains(message.channel)
                ? try await session.messages.lastInbound(accountSid: account.sid, channel: message.channel, customer: message.to, business: message.from)
                : nil
            if let refusal = MessageRules.windowRefusal(message, template: template, lastInbound: lastInbound, window: window, now: now) {
                try await OutboundMessages.fail(message, with: refusal, in: session, sids: sids, now: now)
                return try await session.messages.find(sid: message.sid, accountSid: account.sid) ?? message
            }
            try await OutboundMessages.queue(message, in: session, sids: sids, now: now)
            return message
        }
        return JSONResponse.make(MessageRepresentation.json(message), status: .created)
    }

    @Sendable func list(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let page = try request.pageRequest()
        let query = try request.queryParameters()
        let account = try await addressedAccount(context)
        let to = query.string("To").map(DeliveryAddress.normalisedOrVerbatim)
        let from = query.string("From").map(DeliveryAddress.normalisedOrVerbatim)
        let filter = MessageFilter(to: to, from: from)
        let rows = try await dependencies.storage.read { try await $0.messages.list(accountSid: account.sid, filter: filter, page: page) }
        var filters: [(String, String)] = []
        if let to { filters.append(("To", to)) }
        if let from { filters.append(("From", from)) }
        return JSONResponse.make(ListEnvelope.v2010(
            key: "messages", page: rows, request: page, listURI: "/2010-04-01/Accounts/\(account.sid)/Messages.json", filters: filters
        ) { MessageRepresentation.json($0) })
    }

    @Sendable func fetch(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let account = try await addressedAccount(context)
        let sid = AccountAccess.stripJSON(try context.parameters.require("sid"))
        guard let message = try await dependencies.storage.read({ try await $0.messages.find(sid: sid, accountSid: account.sid) }) else {
            throw context.notFound
        }
        return JSONResponse.make(MessageRepresentation.json(message))
    }

    /// Twilio refuses to delete a message that is still on its way, with 20009.
    @Sendable func delete(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let account = try await addressedAccount(context)
        let sid = AccountAccess.stripJSON(try context.parameters.require("sid"))
        let notFound = context.notFound
        try await dependencies.storage.write { session in
            guard let message = try await session.messages.find(sid: sid, accountSid: account.sid) else { throw notFound }
            guard [.queued, .sending].contains(message.status) == false else {
                throw TwilioError(code: 20009, message: "Cannot delete message because delivery has not been completed.", httpStatus: 409)
            }
            _ = try await session.messages.delete(sid: sid, accountSid: account.sid)
        }
        return JSONResponse.noContent()
    }

    /// The account named in the path, if the caller may address it.
    func addressedAccount(_ context: SwitchboardRequestContext) async throws -> Account {
        try await AccountAccess.pathAccount(context, storage: dependencies.storage)
    }
}
