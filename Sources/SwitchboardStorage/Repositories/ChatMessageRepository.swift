public import SwitchboardCore

/// Messages of Programmable Chat Channels.
public protocol ChatMessageRepository: Sendable {
    /// Stores a new message.
    func insert(_ message: ChatMessage) async throws
    /// The message with this SID in the channel.
    func find(sid: String, channelSid: String) async throws -> ChatMessage?
    /// The channel's messages, oldest first.
    func list(channelSid: String, page: PageRequest) async throws -> Page<ChatMessage>
    /// How many messages the channel has.
    func count(channelSid: String) async throws -> Int
    /// How many of the channel's messages come after `index`: those a member who read up to it has not read.
    func count(channelSid: String, after index: Int) async throws -> Int
    /// The index the channel's next message takes: one past the highest so far, so a deleted message's index is never
    /// reused. Call it in the transaction that stores the message: it holds the channel until commit.
    func nextIndex(channelSid: String) async throws -> Int
    /// Saves an edited message.
    func update(_ message: ChatMessage) async throws
    /// Removes the message; `false` when the channel has no such message.
    func delete(sid: String, channelSid: String) async throws -> Bool
}
