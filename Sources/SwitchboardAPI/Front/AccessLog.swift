import Foundation
public import Hummingbird
import HTTPTypes
import Logging
import Synchronization
import SwitchboardCore

/// What the access log needs to know of a request that only the layers inside learn: who it acted as and which
/// Twilio error it ended in. Shared by reference, since each layer holds its own copy of the context.
public final class RequestRecord: Sendable {
    /// The `RQ…` request id, sent back as `Twilio-Request-Id` as Twilio does.
    public let id: String
    private let state = Mutex<(accountSid: String?, errorCode: Int?)>((nil, nil))

    /// Creates the record of a new request, with a fresh id.
    public init() {
        id = RandomSidGenerator().make(.request)
    }

    /// The authenticated account, once authentication has run.
    public var accountSid: String? {
        get { state.withLock { $0.accountSid } }
        set { state.withLock { $0.accountSid = newValue } }
    }

    /// The Twilio error code the request was answered with, if any.
    public var errorCode: Int? {
        get { state.withLock { $0.errorCode } }
        set { state.withLock { $0.errorCode = newValue } }
    }
}

/// One line per request, written when its response is ready: method, path, status, duration, account and request
/// id; 4xx at info with the Twilio code, 5xx at error.
enum AccessLog {
    /// The response header carrying the request id.
    static let requestIdHeader = HTTPField.Name("Twilio-Request-Id")!

    /// Tags `response` with the request id and logs the request.
    static func finish(_ response: inout Response, request: Request, context: SwitchboardRequestContext, started: ContinuousClock.Instant) {
        let record = context.record
        response.headers[requestIdHeader] = record.id
        let elapsed = ContinuousClock.now - started
        let (seconds, attoseconds) = elapsed.components
        let milliseconds = Double(seconds) * 1000 + Double(attoseconds) / 1e15
        let status = response.status.code
        var metadata: Logger.Metadata = [
            "method": "\(request.method.rawValue)",
            "path": "\(request.uri.path)",
            "status": "\(status)",
            "duration_ms": "\(String(format: "%.3f", milliseconds))",
            "request_id": "\(record.id)",
        ]
        if let account = record.accountSid { metadata["account_sid"] = "\(account)" }
        if status >= 400, let code = record.errorCode { metadata["code"] = "\(code)" }
        context.logger.log(level: status >= 500 ? .error : .info, "request", metadata: metadata)
    }
}
