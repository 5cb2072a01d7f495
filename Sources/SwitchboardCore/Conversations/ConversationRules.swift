public import Foundation

/// What a client sends to create or update a conversation.
public struct ConversationChanges: Sendable, Equatable {
    /// `FriendlyName`.
    public var friendlyName: String?
    /// `UniqueName`.
    public var uniqueName: String?
    /// `Attributes`.
    public var attributes: String?
    /// `State`.
    public var state: String?
    /// `Timers.Inactive`, an ISO 8601 duration.
    public var timerInactive: String?
    /// `Timers.Closed`, an ISO 8601 duration.
    public var timerClosed: String?

    /// Creates empty changes.
    public init(friendlyName: String? = nil, uniqueName: String? = nil, attributes: String? = nil, state: String? = nil,
                timerInactive: String? = nil, timerClosed: String? = nil) {
        self.friendlyName = friendlyName
        self.uniqueName = uniqueName
        self.attributes = attributes
        self.state = state
        self.timerInactive = timerInactive
        self.timerClosed = timerClosed
    }
}

/// Twilio's rules for conversations and their participants.
public enum ConversationRules {
    /// Validates and builds a new conversation, `active` unless `State` says otherwise.
    public static func create(_ changes: ConversationChanges, sid: String, accountSid: String, now: Date) throws(TwilioError) -> Conversation {
        var conversation = Conversation(
            sid: sid, accountSid: accountSid, friendlyName: nil, uniqueName: nil, attributes: "{}", state: .active,
            dateInactive: nil, dateClosed: nil, nextMessageIndex: 0, dateCreated: now, dateUpdated: now)
        try apply(changes, to: &conversation, now: now)
        return conversation
    }

    /// Applies an update.
    public static func update(_ conversation: Conversation, with changes: ConversationChanges, now: Date) throws(TwilioError) -> Conversation {
        var updated = conversation
        try apply(changes, to: &updated, now: now)
        updated.dateUpdated = now
        return updated
    }

    static func apply(_ changes: ConversationChanges, to conversation: inout Conversation, now: Date) throws(TwilioError) {
        if let name = changes.friendlyName { conversation.friendlyName = name }
        if let unique = changes.uniqueName { conversation.uniqueName = unique.isEmpty ? nil : unique }
        if let attributes = changes.attributes {
            try AttributeValue.checkAttributes(attributes)
            conversation.attributes = attributes
        }
        if let raw = changes.state {
            guard let state = ConversationState(rawValue: raw) else {
                throw .invalidParameter("State must be one of \(ConversationState.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            if conversation.state == .closed, state != .closed {
                throw TwilioError(code: 50350, message: "Conversation is closed and cannot be reopened", httpStatus: 400)
            }
            conversation.state = state
        }
        if let text = changes.timerInactive {
            conversation.inactiveAfter = text.isEmpty ? nil : try duration(text, parameter: "Timers.Inactive")
        }
        if let text = changes.timerClosed {
            conversation.closedAfter = text.isEmpty ? nil : try duration(text, parameter: "Timers.Closed")
        }
        conversation.restartTimers(at: now)
    }

    /// The longest timer accepted, ten years: a longer one never fires, and its deadline must stay a date that
    /// can be stored and written out.
    public static let maximumTimer: TimeInterval = 3650 * 86_400

    /// An ISO 8601 duration such as `PT10M` or `P1D`, in seconds.
    public static func duration(_ text: String, parameter: String) throws(TwilioError) -> TimeInterval {
        let invalid = TwilioError.invalidParameter("\(parameter) must be an ISO 8601 duration such as PT10M")
        var rest = Substring(text.uppercased())
        guard rest.first == "P" else { throw invalid }
        rest = rest.dropFirst()
        var seconds: TimeInterval = 0
        var inTime = false
        var number = ""
        var sawUnit = false
        for character in rest {
            if character == "T" { inTime = true; continue }
            if character.isNumber || character == "." { number.append(character); continue }
            guard let value = Double(number) else { throw invalid }
            number = ""
            sawUnit = true
            switch (character, inTime) {
            case ("W", false): seconds += value * 7 * 86_400
            case ("D", false): seconds += value * 86_400
            case ("H", true): seconds += value * 3600
            case ("M", true): seconds += value * 60
            case ("S", true): seconds += value
            default: throw invalid
            }
        }
        guard number.isEmpty, sawUnit else { throw invalid }
        guard seconds <= maximumTimer else {
            throw .invalidParameter("\(parameter) must be at most \(Int(maximumTimer / 86_400)) days; got \(text)")
        }
        return seconds
    }

    /// Validates a new participant: an `Identity` or a `MessagingBinding.Address`, whose channel decides how the
    /// proxy address is read. Chat participants need no proxy address; the others do.
    public static func makeParticipant(
        identity: String?, address: String?, proxyAddress: String?, attributes: String?,
        sid: String, accountSid: String, conversationSid: String, now: Date
    ) throws(TwilioError) -> ConversationParticipant {
        let attributes = attributes ?? "{}"
        try AttributeValue.checkAttributes(attributes)
        var binding: MessagingBinding?
        if let address, !address.isEmpty {
            let customer = try DeliveryAddress(address)
            guard customer.channel != .chat else {
                throw TwilioError(code: 50407, message: "Invalid messaging binding address: \(address)", httpStatus: 400)
            }
            guard let proxyAddress, !proxyAddress.isEmpty else {
                throw TwilioError(code: 50402, message: "Proxy address is required for this messaging binding", httpStatus: 400)
            }
            guard let proxy = try? DeliveryAddress(proxyAddress, channel: customer.channel) else {
                throw TwilioError(code: 50407, message: "Invalid messaging binding proxy address: \(proxyAddress)", httpStatus: 400)
            }
            binding = MessagingBinding(channel: customer.channel, address: customer.value, proxyAddress: proxy.value)
        }
        let identity = identity.flatMap { $0.isEmpty ? nil : $0 }
        guard identity != nil || binding != nil else {
            throw TwilioError(code: 50402, message: "Either Identity or MessagingBinding.Address must be specified", httpStatus: 400)
        }
        guard identity == nil || binding == nil else {
            throw TwilioError(code: 50402, message: "Identity and MessagingBinding cannot be specified together", httpStatus: 400)
        }
        return ConversationParticipant(
            sid: sid, accountSid: accountSid, conversationSid: conversationSid, identity: identity, binding: binding,
            attributes: attributes, lastInboundAt: nil, dateCreated: now, dateUpdated: now)
    }

    /// Twilio's 50416: one open conversation per address and proxy address.
    public static func bindingInUse(_ binding: MessagingBinding, conversationSid: String) -> TwilioError {
        TwilioError(
            code: 50416,
            message: "A binding for this participant and proxy address already exists in Conversation \(conversationSid)",
            httpStatus: 409)
    }
}
