import Foundation
import SwitchboardCore
import SwitchboardStorage

/// Records what Proxy relayed, and tells the service's `CallbackUrl` of it through the outbox, in the same transaction.
enum ProxyInteractionLog {
    static func record(_ interaction: ProxyInteraction, storage: any StorageSession, sids: any SidGenerator, now: Date) async throws {
        try await storage.proxyInteractions.insert(interaction)
        guard let service = try await storage.proxyServices.find(sid: interaction.serviceSid, accountSid: interaction.accountSid),
              let url = service.callbackUrl
        else { return }
        var pairs = [
            FormPair("interactionSid", interaction.sid), FormPair("interactionSessionSid", interaction.sessionSid),
            FormPair("interactionServiceSid", interaction.serviceSid), FormPair("interactionAccountSid", interaction.accountSid),
            FormPair("interactionData", interaction.data), FormPair("interactionType", "message"),
            FormPair("outboundParticipantSid", interaction.outboundParticipantSid), FormPair("outboundResourceSid", interaction.outboundResourceSid),
            FormPair("outboundResourceStatus", interaction.outboundResourceStatus), FormPair("outboundResourceType", interaction.outboundResourceType),
        ]
        if let sid = interaction.inboundParticipantSid { pairs.append(FormPair("inboundParticipantSid", sid)) }
        if let sid = interaction.inboundResourceSid { pairs.append(FormPair("inboundResourceSid", sid)) }
        if let status = interaction.inboundResourceStatus { pairs.append(FormPair("inboundResourceStatus", status)) }
        if let type = interaction.inboundResourceType { pairs.append(FormPair("inboundResourceType", type)) }
        try await storage.outbox.enqueue(.due(.webhook(WebhookCall(url: url, body: .form(pairs), purpose: "proxy-interaction")),
                                              sid: sids.make(.outboxEntry), accountSid: interaction.accountSid, now: now))
    }
}
