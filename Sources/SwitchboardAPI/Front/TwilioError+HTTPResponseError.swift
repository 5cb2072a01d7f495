public import Hummingbird
public import SwitchboardCore

/// Twilio errors render themselves as Twilio's JSON body wherever Hummingbird meets them.
extension TwilioError: HTTPResponseError {
    public var status: HTTPResponse.Status { .init(code: httpStatus) }

    public func response(from request: Request, context: some RequestContext) throws -> Response {
        (context as? SwitchboardRequestContext)?.record.errorCode = code
        return TwilioErrorResponse.response(for: self)
    }
}
