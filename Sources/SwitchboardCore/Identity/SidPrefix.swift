/// The two-letter prefix that tells which kind of resource a SID names.
public enum SidPrefix: String, Sendable, CaseIterable {
    /// An Account.
    case account = "AC"
    /// An API key.
    case apiKey = "SK"
    /// A Flex Flow.
    case flexFlow = "FO"
    /// A TaskRouter Workspace.
    case workspace = "WS"
    /// A TaskRouter Activity.
    case activity = "WA"
    /// A TaskRouter TaskChannel.
    case taskChannel = "TC"
    /// A TaskRouter TaskQueue.
    case taskQueue = "WQ"
    /// A TaskRouter Workflow.
    case workflow = "WW"
    /// A TaskRouter Worker.
    case worker = "WK"
    /// A TaskRouter WorkerChannel.
    case workerChannel = "WC"
    /// A TaskRouter Task.
    case task = "WT"
    /// A TaskRouter Reservation.
    case reservation = "WR"
    /// A TaskRouter Event.
    case event = "EV"
    /// A message sent or received over a channel.
    case message = "SM"
    /// An entry of the delivery outbox; its SID is also the idempotency token sent with it.
    case outboxEntry = "OE"
    /// A Conversations conversation; Programmable Chat channels share the prefix (``chatChannel``).
    case conversation = "CH"
    /// A participant of a conversation; Programmable Chat members share the prefix (``chatMember``).
    case conversationParticipant = "MB"
    /// A message of a conversation; Programmable Chat messages share the prefix (``chatMessage``).
    case conversationMessage = "IM"
    /// A conversation-scoped webhook; Programmable Chat channel webhooks share the prefix (``chatWebhook``).
    case conversationWebhook = "WH"
    /// A Conversations or Programmable Chat service (``chatService``): Twilio gives both `IS` SIDs.
    case conversationService = "IS"
    /// A Conversations address configuration (`Configuration/Addresses`).
    case conversationAddress = "IG"
    /// A Flex interaction.
    case interaction = "KD"
    /// A Flex interaction channel.
    case interactionChannel = "UO"
    /// A participant of a Flex interaction channel.
    case interactionChannelParticipant = "UT"
    /// An invite to a Flex interaction channel.
    case interactionInvite = "KG"
    /// A transfer of a Flex interaction channel.
    case interactionTransfer = "UX"
    /// A Content API template.
    case content = "HX"
    /// A Programmable Chat User.
    case chatUser = "US"
    /// A role of a Chat or Conversations service.
    case chatRole = "RL"
    /// An invite to a Programmable Chat Channel.
    case chatInvite = "IN"
    /// A push-notification credential of Chat and Conversations.
    case pushCredential = "CR"
    /// A Proxy Service.
    case proxyService = "KS"
    /// A Proxy Session.
    case proxySession = "KC"
    /// A Proxy Participant.
    case proxyParticipant = "KP"
    /// A Proxy Interaction.
    case proxyInteraction = "KI"
    /// A phone number in a Proxy Service's pool.
    case proxyPhoneNumber = "PN"
    /// One HTTP request, as Twilio's `Twilio-Request-Id` names it.
    case request = "RQ"
    /// A Switchboard sender: an address delivered through a provider, as Twilio's channel senders are `XE`.
    case sender = "XE"

    /// A Programmable Chat Service: the same `IS` prefix as a Conversations service.
    public static let chatService = SidPrefix.conversationService
    /// A Programmable Chat Channel (a Flex Channel shares its chat channel's SID): the same `CH` as a conversation.
    public static let chatChannel = SidPrefix.conversation
    /// A member of a Programmable Chat Channel: the same `MB` as a conversation participant.
    public static let chatMember = SidPrefix.conversationParticipant
    /// A message in a Programmable Chat Channel: the same `IM` as a conversation message.
    public static let chatMessage = SidPrefix.conversationMessage
    /// A Programmable Chat Channel webhook: the same `WH` as a conversation webhook.
    public static let chatWebhook = SidPrefix.conversationWebhook
}
