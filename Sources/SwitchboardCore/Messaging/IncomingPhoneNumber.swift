public import struct Foundation.Date

/// A phone number of an account, as API 2010's IncomingPhoneNumbers keeps it: what Switchboard does when a
/// customer's message reaches it. With an `smsUrl`, the message is posted there as Twilio posts it; without one, it
/// threads into Proxy and Conversations as any inbound message does.
public struct IncomingPhoneNumber: Sendable, Equatable, Codable {
    /// The `PN…` SID.
    public var sid: String
    /// The owning account.
    public var accountSid: String
    /// The number in E.164; one account has each number once.
    public var phoneNumber: String
    /// A name for people; Twilio defaults it to the formatted number.
    public var friendlyName: String
    /// Where an incoming message is posted; `nil` keeps the message with Proxy and Conversations.
    public var smsUrl: String?
    /// `GET` or `POST`.
    public var smsMethod: String
    /// Where the message is posted when `smsUrl` fails.
    public var smsFallbackUrl: String?
    /// `GET` or `POST`, for the fallback.
    public var smsFallbackMethod: String
    /// Stored and answered as given: Switchboard makes no calls, so nothing reports to it yet.
    public var statusCallback: String?
    /// `GET` or `POST`, for the status callback.
    public var statusCallbackMethod: String
    /// Stored and answered as given: Switchboard takes no calls.
    public var voiceUrl: String?
    /// `GET` or `POST`, for the voice URL.
    public var voiceMethod: String
    /// Stored and answered as given.
    public var voiceFallbackUrl: String?
    /// `GET` or `POST`, for the voice fallback.
    public var voiceFallbackMethod: String
    /// Stored and answered as given.
    public var voiceCallerIdLookup: Bool
    /// When it was added.
    public var dateCreated: Date
    /// When it last changed.
    public var dateUpdated: Date

    /// Creates a number; methods default to `POST`, as Twilio's do.
    public init(
        sid: String, accountSid: String, phoneNumber: String, friendlyName: String, smsUrl: String? = nil, smsMethod: String = "POST",
        smsFallbackUrl: String? = nil, smsFallbackMethod: String = "POST", statusCallback: String? = nil,
        statusCallbackMethod: String = "POST", voiceUrl: String? = nil, voiceMethod: String = "POST", voiceFallbackUrl: String? = nil,
        voiceFallbackMethod: String = "POST", voiceCallerIdLookup: Bool = false, dateCreated: Date, dateUpdated: Date
    ) {
        self.sid = sid
        self.accountSid = accountSid
        self.phoneNumber = phoneNumber
        self.friendlyName = friendlyName
        self.smsUrl = smsUrl
        self.smsMethod = smsMethod
        self.smsFallbackUrl = smsFallbackUrl
        self.smsFallbackMethod = smsFallbackMethod
        self.statusCallback = statusCallback
        self.statusCallbackMethod = statusCallbackMethod
        self.voiceUrl = voiceUrl
        self.voiceMethod = voiceMethod
        self.voiceFallbackUrl = voiceFallbackUrl
        self.voiceFallbackMethod = voiceFallbackMethod
        self.voiceCallerIdLookup = voiceCallerIdLookup
        self.dateCreated = dateCreated
        self.dateUpdated = dateUpdated
    }
}

/// Twilio's rules for an IncomingPhoneNumber's parameters.
public enum IncomingPhoneNumberRules {
    /// The methods a number's URLs may be requested with.
    public static let methods: Set<String> = ["GET", "POST"]

    /// `raw` in E.164, or 21421 as Twilio answers a number it cannot read.
    public static func phoneNumber(_ raw: String) throws(TwilioError) -> String {
        guard let number = try? DeliveryAddress(raw, channel: .sms).value else {
            throw TwilioError(code: 21421, message: "PhoneNumber is invalid", httpStatus: 400)
        }
        return number
    }

    /// `raw` upper-cased if it is `GET` or `POST`; 20001 naming `parameter` otherwise.
    public static func method(_ raw: String, parameter: String) throws(TwilioError) -> String {
        let method = raw.uppercased()
        guard methods.contains(method) else { throw .invalidParameter("\(parameter) must be GET or POST") }
        return method
    }

    /// `nil` for an empty value, which clears the URL as on Twilio; the URL if it is an absolute http(s) URL; 21502,
    /// Twilio's "invalid callback URL", naming `parameter` otherwise.
    public static func url(_ raw: String, parameter: String) throws(TwilioError) -> String? {
        if raw.isEmpty { return nil }
        guard MessageRules.isWebURL(raw) else {
            throw TwilioError(code: 21502, message: "\(parameter) is not a valid URL: \(raw)", httpStatus: 400)
        }
        return raw
    }

    /// 21422 when the account already has the number: Twilio's answer for a number that is not available to it.
    public static func duplicate(_ phoneNumber: String) -> TwilioError {
        TwilioError(code: 21422, message: "PhoneNumber \(phoneNumber) is not available: the account already has it", httpStatus: 400)
    }

    /// Twilio's default friendly name for a US number, `(415) 555-0100`; other numbers keep their E.164 form.
    public static func defaultFriendlyName(_ phoneNumber: String) -> String {
        let digits = Array(phoneNumber.dropFirst())
        guard phoneNumber.hasPrefix("+1"), digits.count == 11 else { return phoneNumber }
        let national = digits.dropFirst()
        return "(\(String(national.prefix(3)))) \(String(national.dropFirst(3).prefix(3)))-\(String(national.suffix(4)))"
    }
}
