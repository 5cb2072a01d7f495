public import Foundation
public import Logging
public import SwitchboardCore
public import SwitchboardStorage

/// Carries out the TwiML an application answers an incoming message with: each `<Message>` is sent as a reply
/// the normal way (stored as queued and put in the outbox), and a `<Redirect>` asks its URL with the same
/// parameters, as a new outbox call of the same purpose, up to ``redirectLimit`` in a row. Everything one answer
/// asks for is written in one transaction, under SIDs derived from the outbox entry that was answered, so reading
/// the same answer again (after a crash before the entry was settled) finds it done and sends nothing twice.
public struct IncomingMessageAnswerReader: WebhookAnswerReader {
    /// How many redirects one incoming message may follow, so two applications redirecting to each other end.
    public static let redirectLimit = 10
    let storage: any Storage
    let sids: any SidGenerator
    let time: any TimeSource
    let logger: Logger

    /// Creates the reader.
    public init(storage: any Storage, sids: any SidGenerator, time: any TimeSource, logger: Logger) {
        self.storage = storage
        self.sids = sids
        self.time = time
        self.logger = logger
    }

    /// The purpose of ``IncomingPhoneNumberRoute``'s calls.
    public var purpose: String { IncomingPhoneNumberRoute.purpose }

    /// Why an answer was not carried out; the dispatcher logs it and does not ask again, as Twilio logs a TwiML
    /// error and does not repeat the request.
    public struct Refusal: Error, CustomStringConvertible {
        /// Twilio's code for it: 12100 for a document that is not TwiML, 14101 or 14102 for a `<Message>` whose
        /// `to` or `from` is no number, 11200 for a call that carries no incoming message.
        public var code: Int
        /// What was wrong.
        public var reason: String
        /// The code and the reason, as the dispatcher's log shows them.
        public var description: String { "TwiML error \(code): \(reason)" }
    }

    /// Carries out `body`, the TwiML that `url` answered `call` with, in one transaction; sends nothing for an
    /// empty answer and throws ``Refusal`` for one that is not TwiML Switchboard can carry out.
    public func read(_ body: [UInt8], answering call: WebhookCall, answeredBy url: String, entry: OutboxEntry) async throws {
        let verbs: [MessagingVerb]
        do {
            verbs = try MessagingTwiML.parse(body)
        } catch {
            throw Refusal(code: error.code, reason: error.reason)
        }
        if verbs.isEmpty { return }
        guard case .form(let pairs) = call.body,
              let inboundSid = Self.value("MessageSid", in: pairs), let customer = Self.value("From", in: pairs),
              let business = Self.value("To", in: pairs)
        else { throw Refusal(code: 11200, reason: "the call carries no incoming message") }
        let now = time.now()
        let hop = Self.hop(of: entry.sid, inboundSid: inboundSid)
        var replies: [Message] = []
        var redirect: OutboxEntry?
        for (index, verb) in verbs.enumerated() {
            switch verb {
            case .message(let to, let from, let text, let mediaUrls, let statusCallback):
                replies.append(try Self.reply(
                    to: to ?? customer, from: from ?? business, body: text, mediaUrls: mediaUrls, statusCallback: statusCallback,
                    sid: DerivedSid.make(.message, from: "twiml \(entry.sid) \(index)"), accountSid: entry.accountSid, now: now))
            case .redirect(let target, let method):
                guard hop < Self.redirectLimit else {
                    logger.warning("TwiML: redirect limit reached; the redirect is not followed",
                                   metadata: ["entry": "\(entry.sid)", "message": "\(inboundSid)", "limit": "\(Self.redirectLimit)"])
                    continue
                }
                let resolved = URL(string: target, relativeTo: URL(string: WebhookTarget(url).url))?.absoluteString ?? target
                let next = WebhookCall(url: resolved, method: method, body: call.body, purpose: purpose)
                redirect = .due(.webhook(next), sid: Self.redirectSid(inboundSid: inboundSid, hop: hop + 1), accountSid: entry.accountSid,
                                now: now, orderingKey: entry.orderingKey)
            }
        }
        let sids = self.sids
        let (queued, redirected) = (replies, redirect)
        try await storage.write { session in
            // One transaction wrote all of it, so finding any part means this answer was carried out already.
            if let first = queued.first, try await session.messages.find(sid: first.sid, accountSid: first.accountSid) != nil { return }
            if let redirected, try await session.outbox.find(sid: redirected.sid) != nil { return }
            let origin = try await session.incomingPhoneNumbers.find(phoneNumber: business, accountSid: entry.accountSid)?.sid
            for var reply in queued {
                if let origin { reply.origin = origin }
                try await OutboundMessages.queue(reply, in: session, sids: sids, now: now)
            }
            if let redirected { try await session.outbox.enqueue(redirected) }
        }
    }

    /// A `<Message>` as the reply it sends, checked as the Messages API checks a message; a media-only message
    /// needs no body.
    static func reply(
        to: String, from: String, body: String, mediaUrls: [String], statusCallback: String?, sid: String, accountSid: String, now: Date
    ) throws(Refusal) -> Message {
        do {
            var message = try MessageRules.makeOutbound(
                MessageRequest(to: to, from: from, body: body.isEmpty && !mediaUrls.isEmpty ? " " : body, statusCallback: statusCallback),
                sid: sid, accountSid: accountSid, now: now)
            message.body = body
            message.mediaUrls = mediaUrls
            message.direction = .outboundReply
            message.origin = "twiml"
            return message
        } catch {
            switch error.code {
            case 21211: throw Refusal(code: 14101, reason: "<Message> 'to' is not a valid number: \(to)")
            case 21212, 21910: throw Refusal(code: 14102, reason: "<Message> 'from' is not a valid number: \(from)")
            default: throw Refusal(code: error.code, reason: "<Message>: \(error.message)")
            }
        }
    }

    /// The SID of the `hop`th redirect of one incoming message's chain.
    static func redirectSid(inboundSid: String, hop: Int) -> String {
        DerivedSid.make(.outboxEntry, from: "twiml redirect \(inboundSid) \(hop)")
    }

    /// How many redirects led to the call `entrySid` made: 0 for the call to the number's own URL, whose SID is
    /// random, and `n` for the entry whose SID is the `n`th redirect's.
    static func hop(of entrySid: String, inboundSid: String) -> Int {
        (1...redirectLimit).first { redirectSid(inboundSid: inboundSid, hop: $0) == entrySid } ?? 0
    }

    static func value(_ name: String, in pairs: [FormPair]) -> String? {
        pairs.first { $0.name == name }?.value
    }
}
