import Foundation
public import Hummingbird
import Logging
import SwitchboardCore
public import SwitchboardDelivery
import SwitchboardStorage

/// `/v1/Senders/{Sid}/Inbound` on `switchboard`: where a provider posts a sender's inbound messages and receipts,
/// and asks its verification questions. It takes no Basic credentials: the sender's connector checks the
/// provider's signature on each request, and refuses (storing nothing) when it does not hold.
public struct SenderInboundController: Sendable {
    let dependencies: ServerDependencies
    let senders: SenderDirectory
    let inbound: SenderInbound

    /// Creates the controller over the server's provider connectors.
    public init(dependencies: ServerDependencies, senders: SenderDirectory) {
        self.dependencies = dependencies
        self.senders = senders
        self.inbound = dependencies.senderInbound
    }

    /// The routes, relative to `/v1`.
    public var endpoints: RouteCollection<SwitchboardRequestContext> {
        let routes = RouteCollection(context: SwitchboardRequestContext.self)
        routes.get("Senders/:sid/Inbound", use: receive)
        routes.post("Senders/:sid/Inbound", use: receive)
        return routes
    }

    @Sendable func receive(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        let sid = try context.parameters.require("sid")
        let stored = try await dependencies.storage.read { session -> Sender? in
            guard let sender = try await session.senders.find(sid: sid),
                  let account = try await session.accounts.find(sid: sender.accountSid), account.status == .active
            else { return nil }
            return sender
        }
        guard let stored, let connector = senders.connector(for: stored.connector) else { throw context.notFound }
        let sender: ConfiguredSender
        do { sender = try senders.configure(stored) } catch {
            context.logger.error("Senders: cannot check a provider's request", metadata: ["error": "\(error.description)"])
            throw TwilioError.internalError
        }
        let body = try await request.body.collect(upTo: context.maxUploadSize)
        var url = context.domainBaseURL + context.domainPath
        if let query = request.uri.query, !query.isEmpty { url += "?" + query }
        let providerRequest = ProviderHTTPRequest(
            method: request.method.rawValue, url: url, headers: request.headers.map { (name: $0.name.canonicalName, value: $0.value) },
            body: Array(buffer: body))
        let received = try connector.receive(providerRequest, for: sender)
        do {
            try await inbound.apply(received.events, for: stored)
        } catch let unknown as ReceiptForUnknownMessage {
            // The send that names this id may still be recording it; the provider asks again later.
            context.logger.notice("Senders: receipt before its message", metadata: ["sender": "\(stored.sid)", "detail": "\(unknown.description)"])
            throw TwilioError.serviceUnavailable
        }
        var response = Response(status: HTTPResponse.Status(code: received.answer.status), body: ResponseBody(byteBuffer: ByteBuffer(string: received.answer.body)))
        response.headers[.contentType] = received.answer.contentType
        return response
    }
}
