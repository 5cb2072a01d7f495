public import Foundation

extension MessageRules {
    /// `message` carrying `template`: its body becomes the template rendered with the message's `ContentVariables`,
    /// which is what the handset receives and what Twilio answers as `body`; a `Body` sent beside it is ignored.
    public static func withContent(_ message: Message, template: ContentTemplate) throws(TwilioError) -> Message {
        var rendered = message
        rendered.body = try ContentRules.render(template, variables: message.contentVariables)
        rendered.contentSid = template.sid
        return rendered
    }

    /// Why WhatsApp or Messenger would not take `message` now, as Twilio reports it (63016), or `nil` when it may go:
    /// free text needs the customer-care window open, and outside it only a template approved for WhatsApp is allowed.
    /// `lastInbound` is when the customer last wrote to the message's sender.
    public static func windowRefusal(
        _ message: Message, template: ContentTemplate?, lastInbound: Date?, window: MessagingWindow, now: Date
    ) -> TwilioError? {
        do throws(TwilioError) {
            try window.check(channel: message.channel, lastInbound: lastInbound,
                             usesApprovedTemplate: template?.approvalStatus == .approved, now: now)
            return nil
        } catch {
            guard let template else { return error }
            // The same code as free text, as Twilio gives it, but saying which template and why, so the sender can act.
            return TwilioError(
                code: error.code,
                message: "Failed to send message because you are outside the allowed window: Content \(template.sid) is not approved "
                    + "for WhatsApp (its approval is \(template.approvalStatus.rawValue)), and outside the window only an approved template may be sent.",
                httpStatus: error.httpStatus)
        }
    }
}
