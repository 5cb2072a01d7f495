import Foundation
import Hummingbird
import Logging
import SwitchboardCore
import SwitchboardDelivery
import SwitchboardStorage

extension ContentController {
    /// Submits the template to the provider of the account's first sender that submits templates (a WhatsApp
    /// Cloud sender with a `waba_id`), and returns it as recorded; `nil` when the account has none, so the sandbox
    /// decides.
    ///
    /// Meta is called directly rather than through the outbox, outside any transaction: the client learns at once
    /// when Meta refuses the template (a bad name, a token that expired) or cannot be reached, and can simply
    /// repeat the request, as with Twilio's own approval endpoint. The submission is recorded as `received`
    /// before the call, so a decision webhook that overtakes Meta's answer still finds the template by name; a
    /// failed call puts the template back as it was.
    func submitToProvider(body: String, context: SwitchboardRequestContext, now: Date) async throws -> ContentTemplate? {
        guard let senders else { return nil }
        let accountSid = try context.requirePrincipal().account.sid
        let (before, submitter) = try await dependencies.storage.read { session in
            (try await Self.template(context, session: session), try await Self.templateSubmitter(accountSid: accountSid, session: session, senders: senders))
        }
        guard let (sender, provider) = submitter else { return nil }
        var received = try ContentRules.submitForApproval(before, json: body, now: now)
        received.approvalStatus = .received
        received.rejectionReason = ""
        let submitted = received
        try await dependencies.storage.write { try await $0.contents.update(submitted) }
        do {
            let configured: ConfiguredSender
            do { configured = try senders.configure(sender) } catch {
                let reason = String(describing: error)
                context.logger.error("Content: cannot submit a template", metadata: ["error": "\(reason)"])
                throw TwilioError(code: 20001, message: "The WhatsApp sender \(sender.sid) cannot be used: \(reason)", httpStatus: 400)
            }
            let answer = try await provider.submitForApproval(submitted, from: configured)
            return try await dependencies.storage.write { session in
                guard var current = try await session.contents.find(sid: submitted.sid, accountSid: accountSid) else { return submitted }
                // Meta's decision may have arrived before its answer to the submission did.
                guard current.approvalStatus == .received else { return current }
                current.approvalStatus = answer.status
                try await session.contents.update(current)
                return current
            }
        } catch {
            try await dependencies.storage.write { session in
                guard let current = try await session.contents.find(sid: submitted.sid, accountSid: accountSid),
                      current.approvalStatus == .received, current.approvalName == submitted.approvalName
                else { return }
                try await session.contents.update(before)
            }
            throw error
        }
    }

    /// The account's first sender (oldest first) whose connector submits templates, with that connector.
    static func templateSubmitter(
        accountSid: String, session: any StorageSession, senders: SenderDirectory
    ) async throws -> (Sender, any TemplateApprovalProvider)? {
        for sender in try await Page.everyItem({ try await session.senders.list(accountSid: accountSid, page: $0) }) {
            if let provider = senders.connector(for: sender.connector) as? any TemplateApprovalProvider, provider.submitsTemplates(sender) {
                return (sender, provider)
            }
        }
        return nil
    }
}
