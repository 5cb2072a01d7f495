import Foundation
import SwitchboardCore

/// The JSON of Flex interactions and their channels: `flex.v1.interaction` and `flex.v1.interaction.interaction_channel`.
enum InteractionRepresentation {
    /// The interaction, with its task as `routing.properties`, as Twilio answers: the task's attributes carry the
    /// conversation SID clients need next.
    static func json(_ interaction: Interaction, task: TaskRouterTask?, now: Date, baseURL: String) -> JSONValue {
        let url = baseURL + "/v1/Interactions/" + interaction.sid
        let routing: JSONValue = task.map {
            JSONValue.object([("properties", TaskRepresentation.json($0, names: [:], now: now, baseURL: SiblingDomain.url(baseURL, from: .flexAPI, to: .taskRouter)))])
        } ?? JSONValue.from(jsonText: interaction.routing)
        return .object([
            ("sid", .string(interaction.sid)),
            ("channel", JSONValue.from(jsonText: interaction.channel)),
            ("routing", routing),
            ("interaction_context_sid", .string(interaction.interactionContextSid)),
            ("webhook_ttid", .string(interaction.webhookTtid)),
            ("url", .string(url)),
            ("links", .object([("channels", .string(url + "/Channels"))])),
        ])
    }

    /// An interaction channel.
    static func channel(_ channel: InteractionChannel, baseURL: String) -> JSONValue {
        let url = baseURL + "/v1/Interactions/" + channel.interactionSid + "/Channels/" + channel.sid
        return .object([
            ("sid", .string(channel.sid)),
            ("interaction_sid", .string(channel.interactionSid)),
            ("type", .string(channel.type.rawValue)),
            ("status", .string(channel.status.rawValue)),
            ("error_code", .int(channel.errorCode)),
            ("error_message", .string(channel.errorMessage)),
            ("url", .string(url)),
            ("links", .object([
                ("participants", .string(url + "/Participants")),
                ("invites", .string(url + "/Invites")),
                ("transfers", .string(url + "/Transfers")),
            ])),
        ])
    }
}
