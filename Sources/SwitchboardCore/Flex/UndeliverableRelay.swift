/// Why an agent's message could not be relayed to the customer, with the Twilio error code that says so.
///
/// A relay that finds nobody to deliver to must not answer 201 and then do nothing: the message carries the failure
/// in its attributes' `delivery` object, the server logs a warning, and the channel's webhooks hear of it.
public enum UndeliverableRelay: Sendable, Equatable {
    /// The channel's `proxySession` attribute names no Proxy session of the account.
    case unknownSession(String)
    /// The named Proxy session is closed.
    case closedSession(String)
    /// The session (or conversation) has no participant on the customer's side to deliver to.
    case noCustomerParticipant(String)

    /// Twilio's error code: 80409 Session Sid Invalid, 80607 Session Closed, 80614 No Partner Participant Found.
    public var errorCode: Int {
        switch self {
        case .unknownSession: 80409
        case .closedSession: 80607
        case .noCustomerParticipant: 80614
        }
    }

    /// The reason in words, as logged and as the message's `delivery.error_message`.
    public var reason: String {
        switch self {
        case .unknownSession(let sid): "Proxy session \(sid) does not exist; the message was not delivered to the customer"
        case .closedSession(let sid): "Proxy session \(sid) is closed; the message was not delivered to the customer"
        case .noCustomerParticipant(let sid): "\(sid) has no customer participant to deliver to; the message was not delivered"
        }
    }

    /// The `delivery` object a failed relay adds to the message's attributes.
    public var delivery: AttributeValue {
        .object(["status": .string("failed"), "error_code": .number(Double(errorCode)), "error_message": .string(reason)])
    }

    /// `attributes` with the failure recorded under `delivery`; attributes that are not a JSON object (only possible for
    /// rows stored before attributes were checked) are kept under `attributes` beside it rather than lost.
    public func stamped(_ attributes: String) -> String {
        switch try? AttributeValue.parse(json: attributes) {
        case .object(var members)?:
            members["delivery"] = delivery
            return AttributeValue.object(members).jsonText
        case let other?:
            return AttributeValue.object(["attributes": other, "delivery": delivery]).jsonText
        case nil:
            return AttributeValue.object(["attributes": .string(attributes), "delivery": delivery]).jsonText
        }
    }
}
