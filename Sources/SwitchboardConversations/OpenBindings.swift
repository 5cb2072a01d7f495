public import SwitchboardCore
public import SwitchboardStorage

/// Twilio's rule that an address and proxy address pair belongs to at most one open conversation.
public enum OpenBindings {
    /// The participant holding `binding` in an open conversation of the account, if any. The pair stays held until
    /// the caller's transaction ends, so whatever it decides from the answer (add a participant, open a
    /// conversation) cannot race another writer's same decision.
    public static func holder(of binding: MessagingBinding, accountSid: String, in session: any StorageSession) async throws -> ConversationParticipant? {
        try await session.conversations.holdBinding(accountSid: accountSid, address: binding.address, proxyAddress: binding.proxyAddress)
        let candidates = try await session.conversations.participants(
            accountSid: accountSid, address: binding.address, proxyAddress: binding.proxyAddress, identity: nil,
            page: PageRequest(size: PageRequest.maximumSize)).items
        for participant in candidates.reversed() {
            guard let conversation = try await session.conversations.find(sidOrUniqueName: participant.conversationSid, accountSid: accountSid) else { continue }
            if conversation.isOpen { return participant }
        }
        return nil
    }

    /// Adds a participant, refusing with 50416 a binding already in an open conversation.
    public static func add(_ participant: ConversationParticipant, in session: any StorageSession) async throws {
        if let binding = participant.binding, binding.channel != .chat,
           let holder = try await holder(of: binding, accountSid: participant.accountSid, in: session) {
            throw ConversationRules.bindingInUse(binding, conversationSid: holder.conversationSid)
        }
        try await session.conversations.insertParticipant(participant)
    }
}
