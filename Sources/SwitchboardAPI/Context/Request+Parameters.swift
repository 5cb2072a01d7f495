public import Hummingbird
public import SwitchboardCore

extension Request {
    /// The form-encoded body's parameters.
    public mutating func formParameters(context: SwitchboardRequestContext) async throws -> FormParameters {
        try FormParameters(encoded: Substring(try await textBody(context: context)))
    }

    /// The body as UTF-8 text; a body that is not valid UTF-8 is a 20001. `String(buffer:)` would instead replace
    /// the invalid bytes with U+FFFD and store text the client never sent.
    public mutating func textBody(context: SwitchboardRequestContext) async throws -> String {
        let buffer = try await collectBody(upTo: context.maxUploadSize)
        guard let text = String(validating: buffer.readableBytesView, as: UTF8.self) else {
            throw TwilioError.invalidParameter("Malformed percent-encoding or invalid UTF-8 in request parameters")
        }
        return text
    }

    /// The query string's parameters.
    public func queryParameters() throws(TwilioError) -> FormParameters {
        try FormParameters(encoded: Substring(uri.query ?? ""))
    }

    /// `PageSize`, `Page` and `PageToken` from the query string.
    public func pageRequest() throws(TwilioError) -> PageRequest {
        let query = try queryParameters()
        return try PageRequest.parse(pageSize: query.string("PageSize"), page: query.string("Page"), pageToken: query.string("PageToken"))
    }
}
