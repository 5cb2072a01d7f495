public import Foundation

/// Proxy's rules for services, sessions and participants, with Twilio's error codes.
public enum ProxyRules {
    /// Twilio's `geo_match_level` values.
    public static let geoMatchLevels = ["area-code", "overlay", "radius", "country"]
    /// Twilio's `number_selection_behavior` values.
    public static let numberSelectionBehaviors = ["avoid-sticky", "prefer-sticky"]
    /// Twilio's session `mode` values.
    public static let modes = ["message-only", "voice-only", "voice-and-message"]
    /// A session has at most two participants.
    public static let maximumParticipants = 2

    /// A new service; `UniqueName` is required.
    public static func createService(_ changes: ProxyServiceChanges, sid: String, accountSid: String, now: Date) throws(TwilioError) -> ProxyService {
        guard let uniqueName = changes.uniqueName, !uniqueName.isEmpty else { throw .missingParameter("UniqueName") }
        var service = ProxyService(sid: sid, accountSid: accountSid, uniqueName: uniqueName, defaultTtl: 0, callbackUrl: nil,
                                   outOfSessionCallbackUrl: nil, interceptCallbackUrl: nil, chatInstanceSid: nil, geoMatchLevel: "country",
                                   numberSelectionBehavior: "prefer-sticky", dateCreated: now, dateUpdated: now)
        try apply(changes, to: &service)
        return service
    }

    /// `service` with `changes` applied.
    public static func updateService(_ service: ProxyService, with changes: ProxyServiceChanges, now: Date) throws(TwilioError) -> ProxyService {
        var updated = service
        try apply(changes, to: &updated)
        updated.dateUpdated = now
        return updated
    }

    static func apply(_ changes: ProxyServiceChanges, to service: inout ProxyService) throws(TwilioError) {
        if let name = changes.uniqueName {
            guard !name.isEmpty else { throw .invalidParameter("UniqueName must not be empty") }
            service.uniqueName = name
        }
        if let ttl = changes.defaultTtl {
            guard ttl >= 0 else { throw .invalidParameter("DefaultTtl must not be negative") }
            service.defaultTtl = ttl
        }
        for (name, value) in [("CallbackUrl", changes.callbackUrl), ("OutOfSessionCallbackUrl", changes.outOfSessionCallbackUrl),
                              ("InterceptCallbackUrl", changes.interceptCallbackUrl)] {
            if let value, !value.isEmpty, !MessageRules.isWebURL(value) { throw .invalidParameter("\(name) must be an http or https URL") }
        }
        if let url = changes.callbackUrl { service.callbackUrl = url.isEmpty ? nil : url }
        if let url = changes.outOfSessionCallbackUrl { service.outOfSessionCallbackUrl = url.isEmpty ? nil : url }
        if let url = changes.interceptCallbackUrl { service.interceptCallbackUrl = url.isEmpty ? nil : url }
        if let sid = changes.chatInstanceSid {
            if !sid.isEmpty { try FlexFlowRules.checkReference(sid, prefix: SidPrefix.chatService.rawValue, name: "ChatInstanceSid") }
            service.chatInstanceSid = sid.isEmpty ? nil : sid
        }
        if let level = changes.geoMatchLevel {
            guard geoMatchLevels.contains(level) else { throw .invalidParameter("GeoMatchLevel must be one of \(geoMatchLevels.joined(separator: ", "))") }
            service.geoMatchLevel = level
        }
        if let behavior = changes.numberSelectionBehavior {
            guard numberSelectionBehaviors.contains(behavior) else {
                throw .invalidParameter("NumberSelectionBehavior must be one of \(numberSelectionBehaviors.joined(separator: ", "))")
            }
            service.numberSelectionBehavior = behavior
        }
    }

    /// A new session; `Ttl` falls back to the service's `DefaultTtl`, `Mode` to `voice-and-message`.
    public static func createSession(
        uniqueName: String?, ttl: Int?, dateExpiry: Date?, mode: String?, status: String?, sid: String, service: ProxyService, now: Date
    ) throws(TwilioError) -> ProxySession {
        let ttl = ttl ?? service.defaultTtl
        guard ttl >= 0 else { throw .invalidParameter("Ttl must not be negative") }
        // A session that would be born expired is refused rather than opened, which would let it relay until the
        // expiry sweep noticed it.
        if let dateExpiry, dateExpiry <= now { throw .invalidParameter("DateExpiry must be in the future") }
        let mode = mode ?? "voice-and-message"
        guard modes.contains(mode) else { throw .invalidParameter("Mode must be one of \(modes.joined(separator: ", "))") }
        let status = status ?? "open"
        guard status == "open" || status == "in-progress" else { throw .invalidParameter("Status of a new session must be open or in-progress") }
        return ProxySession(sid: sid, accountSid: service.accountSid, serviceSid: service.sid, uniqueName: uniqueName.flatMap { $0.isEmpty ? nil : $0 },
                            ttl: ttl, mode: mode, status: status, closedReason: "", dateExpiry: dateExpiry, dateStarted: now, dateEnded: nil,
                            dateLastInteraction: nil, dateCreated: now, dateUpdated: now)
    }

    /// `session` with a client's update: `Ttl`, `DateExpiry`, and `Status` `closed` or `in-progress` (re-opening).
    public static func updateSession(_ session: ProxySession, ttl: Int?, dateExpiry: Date?, status: String?, now: Date) throws(TwilioError) -> ProxySession {
        var updated = session
        if let ttl {
            guard ttl >= 0 else { throw .invalidParameter("Ttl must not be negative") }
            updated.ttl = ttl
        }
        if let dateExpiry { updated.dateExpiry = dateExpiry }
        switch status {
        case nil: break
        case "closed"?:
            updated = close(updated, reason: "api", now: now)
        case "in-progress"?, "open"?:
            updated.status = "in-progress"
            updated.closedReason = ""
            updated.dateEnded = nil
        case let other?:
            throw .invalidParameter("Status must be closed or in-progress; got '\(other)'")
        }
        updated.dateUpdated = now
        return updated
    }

    /// `session` closed for `reason` (`api`, `ttl`, `janitor`); a closed session stays as it closed.
    public static func close(_ session: ProxySession, reason: String, now: Date) -> ProxySession {
        guard session.isOpen else { return session }
        var closed = session
        closed.status = "closed"
        closed.closedReason = reason
        closed.dateEnded = now
        closed.dateUpdated = now
        return closed
    }

    /// The participants of a session create: each `Participants` value is a JSON object whose keys are taken in any
    /// case (`Identifier` or `identifier`), as Twilio's samples write both.
    public static func participantRequests(_ values: [String]) throws(TwilioError) -> [ParticipantRequest] {
        var requests: [ParticipantRequest] = []
        for value in values {
            // The shared reader, not JSONSerialization: its depth limit and NUL refusal hold for every client JSON.
            let parsed = try AttributeValue.parse(json: value, parameter: "Participants")
            let objects: [[String: AttributeValue]]
            switch parsed {
            case .object(let object): objects = [object]
            case .array(let elements):
                objects = try elements.map { (element) throws(TwilioError) in
                    guard case .object(let object) = element else { throw .invalidParameter("Participants must be JSON objects; got '\(value)'") }
                    return object
                }
            default: throw .invalidParameter("Participants must be JSON objects; got '\(value)'")
            }
            for object in objects {
                var lowered: [String: String] = [:]
                for (key, value) in object { if let text = value.stringValue { lowered[key.lowercased()] = text } }
                requests.append(ParticipantRequest(identifier: lowered["identifier"], friendlyName: lowered["friendlyname"],
                                                   proxyIdentifier: lowered["proxyidentifier"], proxyIdentifierSid: lowered["proxyidentifiersid"]))
            }
        }
        guard requests.count <= maximumParticipants else { throw tooManyParticipants }
        return requests
    }

    /// A participant whose identifier is normalised: a phone number to E.164, a chat channel SID as given.
    public static func normalisedIdentifier(_ raw: String?) throws(TwilioError) -> String {
        guard let raw, !raw.isEmpty else { throw .missingParameter("Identifier") }
        return DeliveryAddress.normalisedOrVerbatim(raw)
    }

    /// 80609: a session has two participants at most.
    public static let tooManyParticipants = TwilioError(code: 80609, message: "Too many participants: a Proxy session has at most two", httpStatus: 400)

    /// 80103: the identifier already takes part in this session.
    public static func participantExists(_ identifier: String) -> TwilioError {
        TwilioError(code: 80103, message: "Participant \(identifier) already exists in this session", httpStatus: 409)
    }

    /// 80604: the identifier already talks through this proxy identifier in another open session, or no pool number is free for it.
    public static func proxyIdentifierInUse(_ identifier: String) -> TwilioError {
        TwilioError(code: 80604, message: "No proxy identifier is available for \(identifier): each open session needs its own (identifier, proxy identifier) pair", httpStatus: 409)
    }

    /// 80402: the requested proxy identifier is not a number of the service's pool.
    public static func notInPool(_ proxyIdentifier: String) -> TwilioError {
        TwilioError(code: 80402, message: "Proxy identifier \(proxyIdentifier) is not in the service's number pool", httpStatus: 400)
    }

    /// 80608: participants cannot join a closed session.
    public static let sessionClosed = TwilioError(code: 80608, message: "The session is closed", httpStatus: 400)
}

/// One participant asked for in a session create or a participant create.
public struct ParticipantRequest: Sendable, Equatable {
    /// `Identifier`.
    public var identifier: String?
    /// `FriendlyName`.
    public var friendlyName: String?
    /// `ProxyIdentifier`.
    public var proxyIdentifier: String?
    /// `ProxyIdentifierSid`.
    public var proxyIdentifierSid: String?

    /// Creates a request.
    public init(identifier: String?, friendlyName: String?, proxyIdentifier: String?, proxyIdentifierSid: String?) {
        self.identifier = identifier
        self.friendlyName = friendlyName
        self.proxyIdentifier = proxyIdentifier
        self.proxyIdentifierSid = proxyIdentifierSid
    }
}
