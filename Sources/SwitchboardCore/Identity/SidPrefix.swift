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
    /// A Conversations conversation.
    case conversation = "CH"
    /// A participant of a conversation.
    case conversationParticipant = "MB"
    /// A message of a conversation.
    case conversationMessage = "IM"
    /// A conversation-scoped webhook.
    case conversationWebhook = "WH"
    /// A Conversations service (the chat service of Flex Flows and conversations).
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
}
