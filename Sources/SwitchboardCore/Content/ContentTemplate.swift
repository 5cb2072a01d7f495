public import struct Foundation.Date

/// Where a template's WhatsApp approval stands.
public enum ContentApprovalStatus: String, Sendable, CaseIterable {
    /// Never submitted.
    case unsubmitted
    /// Submitted, awaiting review.
    case received
    /// Taken by the provider (Meta) and under its review.
    case pending
    /// Approved: WhatsApp delivers it outside the customer-care window.
    case approved
    /// Rejected.
    case rejected
    /// Approved, then paused by the provider for its quality.
    case paused
    /// Approved, then disabled by the provider.
    case disabled
}

/// A Content API template (`HX…`): the message in one or more types (`twilio/text`, `twilio/quick-reply`, …).
public struct ContentTemplate: Sendable, Equatable {
    /// The `HX…` SID.
    public var sid: String
    /// The owning account.
    public var accountSid: String
    /// `friendly_name`.
    public var friendlyName: String
    /// `language`.
    public var language: String
    /// `variables`: default values by placeholder name, as JSON object text.
    public var variables: String
    /// `types`: each type's definition, as JSON object text.
    public var types: String
    /// The WhatsApp approval request's `name`.
    public var approvalName: String?
    /// The approval request's `category`.
    public var approvalCategory: String?
    /// The approval's status.
    public var approvalStatus: ContentApprovalStatus
    /// Why it was rejected.
    public var rejectionReason: String
    /// When it was created.
    public var dateCreated: Date
    /// When it last changed.
    public var dateUpdated: Date

    /// Creates a template value.
    public init(
        sid: String, accountSid: String, friendlyName: String, language: String, variables: String, types: String,
        approvalName: String? = nil, approvalCategory: String? = nil, approvalStatus: ContentApprovalStatus = .unsubmitted,
        rejectionReason: String = "", dateCreated: Date, dateUpdated: Date
    ) {
        self.sid = sid
        self.accountSid = accountSid
        self.friendlyName = friendlyName
        self.language = language
        self.variables = variables
        self.types = types
        self.approvalName = approvalName
        self.approvalCategory = approvalCategory
        self.approvalStatus = approvalStatus
        self.rejectionReason = rejectionReason
        self.dateCreated = dateCreated
        self.dateUpdated = dateUpdated
    }
}
