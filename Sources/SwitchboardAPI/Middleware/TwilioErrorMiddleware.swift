import Logging
public import Hummingbird
import SwitchboardCore

/// Turns every error raised by a route, or by the router finding none, into a ``TwilioError`` with
/// Twilio's code, and logs the unexpected ones, which clients see only as a 20500.
public struct TwilioErrorMiddleware: RouterMiddleware {
    public typealias Context = SwitchboardRequestContext

    /// Creates the middleware.
    public init() {}

    public func handle(
        _ request: Request, context: Context, next: (Request, Context) async throws -> Response
    ) async throws -> Response {
        do {
            return try await next(request, context)
        } catch {
            let twilioError = TwilioErrorResponse.translate(error, context: context)
            if twilioError.httpStatus >= 500 {
                context.logger.error("request failed", metadata: ["error": "\(String(reflecting: error))"])
            }
            throw twilioError
        }
    }
}
