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
    /// A Programmable Chat Service.
    case chatService = "IS"
    /// A Programmable Chat Channel; a Flex Channel shares its chat channel's SID.
    case chatChannel = "CH"
    /// A Programmable Chat User.
    case chatUser = "US"
    /// A member of a Programmable Chat Channel.
    case chatMember = "MB"
    /// A message in a Programmable Chat Channel.
    case chatMessage = "IM"
    /// A Programmable Chat Channel webhook.
    case chatWebhook = "WH"
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
}
