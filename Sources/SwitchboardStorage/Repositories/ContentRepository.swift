public import SwitchboardCore

/// Content API templates and their WhatsApp approvals.
public protocol ContentRepository: Sendable {
    /// Stores a new template.
    func insert(_ template: ContentTemplate) async throws
    /// The account's template with this SID.
    func find(sid: String, accountSid: String) async throws -> ContentTemplate?
    /// Saves a changed template.
    func update(_ template: ContentTemplate) async throws
    /// Deletes a template; `false` when there was none.
    func delete(sid: String, accountSid: String) async throws -> Bool
    /// The account's templates, oldest first.
    func list(accountSid: String, page: PageRequest) async throws -> Page<ContentTemplate>
}
