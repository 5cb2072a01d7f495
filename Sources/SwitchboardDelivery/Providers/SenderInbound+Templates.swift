public import SwitchboardCore
import SwitchboardStorage

extension SenderInbound {
    /// Records a provider's decision on a template submitted for approval: every template of the sender's account
    /// submitted under that name (and language, when the provider gives one) takes the decision, a rejection with
    /// its reason. Events Switchboard has no status for (`FLAGGED`, for one) change nothing.
    func applyTemplateStatus(_ update: TemplateStatusUpdate, for sender: Sender) async throws {
        guard let status = Self.approvalStatus(forEvent: update.event) else { return }
        let now = time.now()
        let accountSid = sender.accountSid
        try await storage.write { session in
            let templates = try await Page.everyItem { try await session.contents.list(accountSid: accountSid, page: $0) }
            for var template in templates
            where template.approvalName == update.name && template.approvalStatus != .unsubmitted
                && (update.language == nil || update.language == template.language) {
                template.approvalStatus = status
                switch status {
                case .rejected: template.rejectionReason = update.reason ?? "Rejected by WhatsApp without a reason"
                case .approved: template.rejectionReason = ""
                default: if let reason = update.reason { template.rejectionReason = reason }
                }
                template.dateUpdated = now
                try await session.contents.update(template)
            }
        }
    }

    /// The approval status a provider's template event means: Meta's `APPROVED`, `REJECTED`, `PENDING`,
    /// `PAUSED`, `DISABLED`, `REINSTATED` (approved again), `PENDING_DELETION` and `DELETED` (no longer usable).
    static func approvalStatus(forEvent event: String) -> ContentApprovalStatus? {
        switch event.uppercased() {
        case "APPROVED", "REINSTATED": .approved
        case "REJECTED": .rejected
        case "PENDING", "IN_APPEAL": .pending
        case "PAUSED": .paused
        case "DISABLED", "PENDING_DELETION", "DELETED", "ARCHIVED": .disabled
        default: nil
        }
    }
}
