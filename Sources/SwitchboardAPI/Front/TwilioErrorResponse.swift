public import Hummingbird
import NIOCore
import HTTPTypes
public import SwitchboardCore

/// Twilio's error body: `{code, message, more_info, status}`.
public enum TwilioErrorResponse {
    /// The Twilio error that stands for any error a request raised. Anything unexpected becomes a 20500
    /// without details, so bad input can never leak a stack trace.
    public static func translate(_ error: any Error, context: SwitchboardRequestContext) -> TwilioError {
        switch error {
        case let error as TwilioError:
            return error
        case let error as any HTTPResponseError:
            switch error.status.code {
            case 404: return .notFound(path: context.domainPath)
            case 405: return .methodNotAllowed(context.domainPath)
            case 413: return .invalidParameter("The request body is too large")
            case 400..<500: return TwilioError(code: 20001, message: error.status.reasonPhrase, httpStatus: error.status.code)
            default: return .internalError
            }
        default:
            return .internalError
        }
    }

    /// The HTTP response that carries `error`.
    public static func response(for error: TwilioError) -> Response {
        let body = JSONValue.object([
            ("code", .int(error.code)),
            ("message", .string(error.message)),
            ("more_info", .string(error.moreInfo)),
            ("status", .int(error.httpStatus)),
        ])
        var response = JSONResponse.make(body, status: HTTPResponse.Status(code: error.httpStatus))
        if error.httpStatus == 401 {
            // A browser meets a Basic challenge with a password dialog, which would leave the agent desktop's
            // own calls hanging; a refused Access Token (Twilio's 20101…20107) is challenged as the Bearer it was.
            let scheme = (20101...20107).contains(error.code) ? "Bearer" : "Basic"
            response.headers[HTTPField.Name.wwwAuthenticate] = scheme + " realm=\"Twilio API\""
        }
        return response
    }
}

/// JSON responses.
public enum JSONResponse {
    /// A response with `body` as JSON.
    public static func make(_ body: JSONValue, status: HTTPResponse.Status = .ok) -> Response {
        Response(
            status: status,
            headers: [.contentType: "application/json; charset=utf-8"],
            body: .init(byteBuffer: ByteBuffer(string: body.serialized))
        )
    }

    /// An empty 204, Twilio's answer to a delete.
    public static func noContent() -> Response {
        Response(status: .noContent)
    }
}
