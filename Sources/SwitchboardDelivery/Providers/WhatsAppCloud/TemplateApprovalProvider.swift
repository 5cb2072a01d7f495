public import SwitchboardCore

/// A provider connector that submits Content templates to its provider for approval, whose decision then arrives
/// through the sender's inbound URL as a ``ProviderEvent/templateStatus(_:)``.
public protocol TemplateApprovalProvider: ProviderConnector {
    /// Whether `sender` is configured to submit templates (for WhatsApp: it has a `waba_id`).
    func submitsTemplates(_ sender: Sender) -> Bool
    /// Submits `template`, whose `approvalName` and `approvalCategory` are set, as `sender`; throws the error to
    /// answer the API request with when the provider refuses it or cannot be reached.
    func submitForApproval(_ template: ContentTemplate, from sender: ConfiguredSender) async throws(TwilioError) -> TemplateSubmission
}

/// The provider's first answer to a template submission.
public struct TemplateSubmission: Sendable, Equatable {
    /// The provider's id for the template.
    public var providerTemplateID: String?
    /// Where its review stands: usually ``ContentApprovalStatus/pending``.
    public var status: ContentApprovalStatus

    /// Creates the value.
    public init(providerTemplateID: String?, status: ContentApprovalStatus) {
        self.providerTemplateID = providerTemplateID
        self.status = status
    }
}
