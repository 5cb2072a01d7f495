/// An error as Twilio reports it: a numeric code, a message and an HTTP status.
public struct TwilioError: Error, Sendable, Equatable {
    /// Twilio's error code, documented at `https://www.twilio.com/docs/errors/<code>`.
    public let code: Int
    /// A human-readable explanation.
    public let message: String
    /// The HTTP status that carries the error.
    public let httpStatus: Int

    /// Creates an error from its parts.
    public init(code: Int, message: String, httpStatus: Int) {
        self.code = code
        self.message = message
        self.httpStatus = httpStatus
    }

    /// The documentation link Twilio puts in `more_info`.
    public var moreInfo: String { "https://www.twilio.com/docs/errors/\(code)" }
}

extension TwilioError {
    /// 20001: a parameter is missing or has a value that is not allowed.
    public static func invalidParameter(_ message: String) -> TwilioError {
        TwilioError(code: 20001, message: message, httpStatus: 400)
    }

    /// 20001 for a required parameter that was not sent.
    public static func missingParameter(_ name: String) -> TwilioError {
        .invalidParameter("Missing required parameter \(name) in the post body")
    }

    /// 20003: the credentials are missing or wrong.
    public static func authenticationFailed(_ message: String = "Authenticate") -> TwilioError {
        TwilioError(code: 20003, message: message, httpStatus: 401)
    }

    /// 20403: the credentials are valid but may not do this.
    public static func forbidden(_ message: String) -> TwilioError {
        TwilioError(code: 20403, message: message, httpStatus: 403)
    }

    /// 20404: nothing at this path, or nothing this account may see.
    public static func notFound(path: String) -> TwilioError {
        TwilioError(code: 20404, message: "The requested resource \(path) was not found", httpStatus: 404)
    }

    /// 20004: the path exists but does not take this method.
    public static func methodNotAllowed(_ method: String) -> TwilioError {
        TwilioError(code: 20004, message: "Method not allowed: \(method)", httpStatus: 405)
    }

    /// 20429: the account has too many requests in flight.
    public static let tooManyRequests = TwilioError(code: 20429, message: "Too Many Requests", httpStatus: 429)

    /// 20500: something failed inside Switchboard; details go to the log, not the client.
    public static let internalError = TwilioError(code: 20500, message: "An internal server error has occurred", httpStatus: 500)

    /// 20503: Switchboard is not ready or is shutting down.
    public static let serviceUnavailable = TwilioError(code: 20503, message: "Service is unavailable. Please try again", httpStatus: 503)
}
