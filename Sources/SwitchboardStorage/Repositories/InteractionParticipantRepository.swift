public import SwitchboardCore

/// Participants of Flex interaction channels.
public protocol InteractionParticipantRepository: Sendable {
    /// Stores a new participant.
    func insert(_ participant: InteractionParticipant) async throws
    /// The channel's participant with this SID.
    func find(sid: String, channelSid: String, accountSid: String) async throws -> InteractionParticipant?
    /// Saves a changed participant.
    func update(_ participant: InteractionParticipant) async throws
    /// A page of the channel's participants, oldest first.
    func list(channelSid: String, accountSid: String, page: PageRequest) async throws -> Page<InteractionParticipant>
}
