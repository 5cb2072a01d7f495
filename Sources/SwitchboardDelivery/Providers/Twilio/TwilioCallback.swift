public import SwitchboardCore

/// What Twilio posts to a sender's inbound URL: a customer's message (the number's `SmsUrl`) or a status callback
/// for a message the sender sent (its `StatusCallback`), both form posts signed with `X-Twilio-Signature`.
public enum TwilioCallback {
    /// The empty TwiML document Switchboard answers with, so that Twilio sends no reply of its own.
    public static let emptyTwiML = #"<?xml version="1.0" encoding="UTF-8"?><Response/>"#

    /// The events in `request`, once its signature holds for the sender's auth token; throws 403 (nothing of the
    /// request is read further) when it does not, and 400 when a message names no valid addresses.
    public static func read(_ request: ProviderHTTPRequest, for sender: ConfiguredSender) throws(TwilioError) -> ProviderInbound {
        guard request.method.uppercased() == "POST" else { throw .methodNotAllowed(request.method) }
        let parameters = request.formParameters
        try checkSignature(request, parameters: parameters, for: sender)
        func value(_ name: String) -> String? { parameters.last { $0.name == name }?.value }
        let answer = ProviderAnswer(status: 200, contentType: "text/xml", body: emptyTwiML)
        guard let messageSid = value("MessageSid") ?? value("SmsMessageSid") ?? value("SmsSid"), !messageSid.isEmpty else {
            throw .missingParameter("MessageSid")
        }
        let statusName = value("MessageStatus") ?? value("SmsStatus")
        if let statusName, !["received", "receiving"].contains(statusName.lowercased()) {
            // A status Switchboard has no name for changes nothing; answering 200 keeps Twilio from retrying it.
            guard let report = statusReport(statusName, errorCode: value("ErrorCode"), errorMessage: value("ErrorMessage")) else {
                return ProviderInbound(answer: answer)
            }
            return ProviderInbound(answer: answer, events: [.status(providerMessageID: messageSid, report: report)])
        }
        guard let from = value("From"), !from.isEmpty else { throw .missingParameter("From") }
        guard let to = value("To"), !to.isEmpty else { throw .missingParameter("To") }
        let message = try InboundMessage(
            channel: sender.sender.channel, from: from, to: to, body: value("Body") ?? "", providerMessageID: messageSid,
            mediaUrls: mediaUrls(parameters))
        return ProviderInbound(answer: answer, events: [.message(message)])
    }

    /// Refuses a request that Twilio did not sign for this sender. Twilio signs with the account's auth token even
    /// for an account that sends with an API key, so a sender without `auth_token` cannot take inbound requests.
    static func checkSignature(_ request: ProviderHTTPRequest, parameters: [FormPair], for sender: ConfiguredSender) throws(TwilioError) {
        guard let token = sender.setting("auth_token"), !token.isEmpty else {
            throw .forbidden("The sender has no auth_token, which Twilio's \(RequestSignature.headerName) is checked with")
        }
        guard let signature = request.header(RequestSignature.headerName), !signature.isEmpty,
              RequestSignature.validate(signature, url: request.url, parameters: parameters.map { (name: $0.name, value: $0.value) }, authToken: token)
        else { throw .forbidden("The request has no valid \(RequestSignature.headerName)") }
    }

    /// The report for Twilio's `MessageStatus`, with its `ErrorCode` kept; `nil` for a status Switchboard does not know.
    public static func statusReport(_ name: String, errorCode: String?, errorMessage: String?) -> MessageStatusReport? {
        guard let status = MessageStatus(rawValue: name.lowercased()) else { return nil }
        let code = errorCode.flatMap { Int($0) }.flatMap { $0 == 0 ? nil : $0 }
        let text = errorMessage.flatMap { $0.isEmpty ? nil : $0 } ?? code.map { "Twilio reported error \($0)" }
        return MessageStatusReport(status, errorCode: code, errorMessage: text)
    }

    /// `MediaUrl0`, `MediaUrl1`, … in order, as many as `NumMedia` says or, without it, as are given.
    static func mediaUrls(_ parameters: [FormPair]) -> [String] {
        func value(_ name: String) -> String? { parameters.last { $0.name == name }?.value }
        let count = value("NumMedia").flatMap { Int($0) }
        var urls: [String] = []
        var index = 0
        while count.map({ index < $0 }) ?? true, let url = value("MediaUrl\(index)") {
            urls.append(url)
            index += 1
        }
        return urls
    }
}
