public import SwitchboardCore

/// The conversations a Conversations user takes part in: read through the participants with the user's identity,
/// with each participant's read state and unread count.
public protocol UserConversationRepository: Sendable {
    /// A page of the service's conversations in which a participant has `identity`, in the order those participants
    /// were added.
    func list(identity: String, accountSid: String, service: ConversationServiceFilter, page: PageRequest) async throws -> Page<UserConversation>
    /// The service's conversation with this SID or unique name, as `identity` takes part in it; `nil` when there is
    /// no such conversation or no participant with that identity in it.
    func find(conversation key: String, identity: String, accountSid: String, service: ConversationServiceFilter) async throws -> UserConversation?
    /// Saves a participant's read horizon and notification level.
    func updateReadState(_ state: ParticipantReadState, participantSid: String, accountSid: String) async throws
}
