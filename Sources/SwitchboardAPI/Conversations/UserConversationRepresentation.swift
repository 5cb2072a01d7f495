import SwitchboardCore

/// The JSON of a User Conversation (`conversations.v1.user.user_conversation` and its service twin): the
/// conversation, seen through the user's participant.
enum UserConversationRepresentation {
    static func json(_ entry: UserConversation, user: ChatUser, root: String) -> JSONValue {
        let conversation = entry.conversation
        let conversationURL = root + "/Conversations/" + conversation.sid
        return .object([
            ("account_sid", .string(conversation.accountSid)),
            ("chat_service_sid", .string(user.serviceSid)),
            ("conversation_sid", .string(conversation.sid)),
            ("unread_messages_count", .int(entry.unreadMessagesCount)),
            ("last_read_message_index", .int(entry.readState.lastReadMessageIndex)),
            ("participant_sid", .string(entry.participant.sid)),
            ("user_sid", .string(user.sid)),
            ("friendly_name", .string(conversation.friendlyName)),
            ("conversation_state", .string(conversation.state.rawValue)),
            ("timers", ConversationRepresentation.timers(conversation)),
            ("attributes", .string(conversation.attributes)),
            ("date_created", .string(WireDate.iso8601(conversation.dateCreated))),
            ("date_updated", .string(WireDate.iso8601(conversation.dateUpdated))),
            ("created_by", .string(ChatRules.systemIdentity)),
            ("notification_level", .string(entry.readState.notificationLevel.rawValue)),
            ("unique_name", .string(conversation.uniqueName)),
            ("url", .string(root + "/Users/" + user.sid + "/Conversations/" + conversation.sid)),
            ("links", .object([
                ("participant", .string(conversationURL + "/Participants/" + entry.participant.sid)),
                ("conversation", .string(conversationURL)),
            ])),
        ])
    }
}
