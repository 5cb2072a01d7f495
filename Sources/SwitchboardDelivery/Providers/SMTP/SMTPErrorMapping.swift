public import SwitchboardCore

/// Twilio's code for a 5xx SMTP reply. A rejected recipient (550, 551, 553 at RCPT TO, or an enhanced 5.1.x
/// status) is 30005 "Unknown destination handset", as for a number that does not exist; a policy or content
/// refusal (5.7.x other than authentication, or 554 at DATA) is 30007 "Message filtered", as for a carrier's
/// filter; anything else (the sender's own login refused, a mail too large, a relay that will not take the
/// sender) is 30008 "Unknown error", with the SMTP code and text telling what it was.
public enum SMTPErrorMapping {
    /// The Twilio code for `failure`.
    public static func code(for failure: SMTPNegativeReply) -> Int {
        let enhanced = failure.reply.lines.first?.split(separator: " ").first.map(String.init) ?? ""
        if enhanced.hasPrefix("5.1.") || (failure.step == "RCPT TO" && [550, 551, 553].contains(failure.reply.code)) { return 30005 }
        if failure.step != "AUTH", enhanced.hasPrefix("5.7.") || (failure.step == "end of DATA" && failure.reply.code == 554) { return 30007 }
        return 30008
    }
}
