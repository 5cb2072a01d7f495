public import Hummingbird
public import SwitchboardCore

extension Request {
    /// The form-encoded body's parameters.
    public mutating func formParameters(context: SwitchboardRequestContext) async throws -> FormParameters {
        let buffer = try await collectBody(upTo: context.maxUploadSize)
        return try FormParameters(encoded: Substring(String(buffer: buffer)))
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
