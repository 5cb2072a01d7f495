import SwitchboardCore

/// Twilio's 401s for Access Tokens, each naming what was wrong so the sign-in page can say it.
extension TwilioError {
    /// 20101: not a token that can be read.
    static func invalidAccessToken(_ reason: String) -> TwilioError {
        TwilioError(code: 20101, message: "Invalid Access Token: \(reason)", httpStatus: 401)
    }

    /// 20103: the issuer (API key) or subject (account) names nothing that may sign for the other.
    static func invalidAccessTokenIssuer(_ reason: String) -> TwilioError {
        TwilioError(code: 20103, message: "Invalid Access Token issuer/subject: \(reason)", httpStatus: 401)
    }

    /// 20104: past its `exp`.
    static let accessTokenExpired = TwilioError(code: 20104, message: "Access Token expired or expiration date invalid", httpStatus: 401)

    /// 20105: before its `nbf`.
    static let accessTokenNotYetValid = TwilioError(code: 20105, message: "Access Token not yet valid", httpStatus: 401)

    /// 20106: the grants do not name a worker the token may act as.
    static func invalidAccessTokenGrants(_ reason: String) -> TwilioError {
        TwilioError(code: 20106, message: "Invalid Access Token grants: \(reason)", httpStatus: 401)
    }

    /// 20107: the signature is not the issuer's, or cannot be checked.
    static func invalidAccessTokenSignature(_ reason: String) -> TwilioError {
        TwilioError(code: 20107, message: "Invalid Access Token signature: \(reason)", httpStatus: 401)
    }
}
