import Foundation
public import Hummingbird
import SwitchboardConversations
import SwitchboardCore
import SwitchboardStorage

/// `/v1/ConversationWithParticipants` and `/v1/Services/{ChatServiceSid}/ConversationWithParticipants` on
/// `conversations`: a conversation and its participants in one write, so a bad participant leaves nothing stored.
public struct ConversationWithParticipantsController: Sendable {
    let dependencies: ServerDependencies

    /// Creates the controller.
    public init(dependencies: ServerDependencies) {
        self.dependencies = dependencies
    }

    /// The routes, relative to the domain's `/v1`.
    public var endpoints: RouteCollection<SwitchboardRequestContext> {
        let routes = RouteCollection(context: SwitchboardRequestContext.self)
        for prefix in ConversationServiceScope.routePrefixes {
            routes.post(RouterPath(prefix + "ConversationWithParticipants"), use: create)
        }
        return routes
    }

    /// Twilio's limit on the participants of one request.
    static let maximumParticipants = 10

    /// Each `Participant` is a JSON object with the Participant resource's parameters (`identity`, `attributes`,
    /// `messaging_binding` with `address` and `proxy_address`), validated before anything is written; a taken
    /// binding (50416) or a repeated identity (50433) rolls the whole write back.
    @Sendable func create(request: Request, context: SwitchboardRequestContext) async throws -> Response {
        var request = request
        let form = try await request.formParameters(context: context)
        let changes = ConversationController.changes(from: form)
        let dates = try ConversationController.dates(from: form)
        let accountSid = try context.requirePrincipal().account.sid
        let (sids, now) = (dependencies.sids, dependencies.time.now())
        let sid = sids.make(.conversation)
        let texts = form.strings("Participant")
        guard texts.count <= Self.maximumParticipants else {
            throw TwilioError.invalidParameter("Participant may be given at most \(Self.maximumParticipants) times")
        }
        var participants: [ConversationParticipant] = []
        for (position, text) in texts.enumerated() {
            participants.append(try Self.participant(text, position: position, sid: sids.make(.conversationParticipant),
                                                     accountSid: accountSid, conversationSid: sid, now: now))
        }
        let identities = participants.compactMap(\.identity)
        guard Set(identities).count == identities.count else { throw TwilioError(code: 50433, message: "Participant already exists", httpStatus: 409) }
        let added = participants
        let (scope, conversation) = try await dependencies.storage.write { session in
            let scope = try await ConversationServiceScope.resolve(context, in: session, sids: sids, now: now)
            let conversation = try await ConversationController.open(
                changes, dates: dates, sid: sid, accountSid: accountSid, scope: scope, in: session, sids: sids, now: now)
            let events = ConversationEvents(session: session, sids: sids, now: now)
            for participant in added {
                try await OpenBindings.add(participant, in: session)
                try await events.record("onParticipantAdded", conversation: conversation, parameters: ConversationEvents.participantParameters(participant))
            }
            return (scope, conversation)
        }
        return JSONResponse.make(ConversationRepresentation.json(conversation, scope: scope, baseURL: context.domainBaseURL), status: .created)
    }

    /// One `Participant` JSON object as a participant of the new conversation; 20001 names the bad one.
    static func participant(_ text: String, position: Int, sid: String, accountSid: String, conversationSid: String, now: Date) throws(TwilioError) -> ConversationParticipant {
        let name = "Participant[\(position)]"
        guard case .object(let members) = try AttributeValue.parse(json: text, parameter: name) else {
            throw .invalidParameter("\(name) must be a JSON object")
        }
        func string(_ value: AttributeValue?, _ key: String) throws(TwilioError) -> String? {
            switch value {
            case nil, .null?: return nil
            case .string(let text)?: return text
            default: throw .invalidParameter("\(name).\(key) must be a string")
            }
        }
        var identity: String?, attributes: String?, address: String?, proxyAddress: String?
        for (key, value) in members {
            switch key {
            case "identity": identity = try string(value, key)
            case "attributes":
                // Twilio's Attributes is JSON text; an object written inline is taken as that text.
                if case .object = value { attributes = value.jsonText } else { attributes = try string(value, key) }
            case "messaging_binding":
                guard case .object(let binding) = value else { throw .invalidParameter("\(name).messaging_binding must be a JSON object") }
                for (bindingKey, bindingValue) in binding {
                    switch bindingKey {
                    case "address": address = try string(bindingValue, "messaging_binding.address")
                    case "proxy_address": proxyAddress = try string(bindingValue, "messaging_binding.proxy_address")
                    default: throw .invalidParameter("\(name).messaging_binding has an unsupported property \(bindingKey)")
                    }
                }
            default: throw .invalidParameter("\(name) has an unsupported property \(key)")
            }
        }
        return try ConversationRules.makeParticipant(
            identity: identity, address: address, proxyAddress: proxyAddress, attributes: attributes,
            sid: sid, accountSid: accountSid, conversationSid: conversationSid, now: now)
    }
}
