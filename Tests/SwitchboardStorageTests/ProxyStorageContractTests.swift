import Foundation
import Testing
import SwitchboardCore
import SwitchboardStorage

/// The storage contract of Programmable Chat, Proxy and Flex Channels, on every backend.
@Suite struct ProxyStorageContractTests {
    static let now = Fixtures.now
    static let sids = RandomSidGenerator()

    static func chatService(accountSid: String) -> ChatService {
        ChatService(sid: sids.make(.chatService), accountSid: accountSid, friendlyName: "Flex Chat", postWebhookUrl: "https://example.com/chat",
                    webhookFilters: ["onMessageSent"], dateCreated: now, dateUpdated: now)
    }

    static func channel(_ service: ChatService, uniqueName: String? = nil) -> ChatChannel {
        ChatChannel(sid: sids.make(.chatChannel), accountSid: service.accountSid, serviceSid: service.sid, friendlyName: "Chat with John",
                    uniqueName: uniqueName, attributes: #"{"status":"ACTIVE"}"#, type: "private", createdBy: "system", dateCreated: now, dateUpdated: now)
    }

    static func proxyService(accountSid: String) -> ProxyService {
        ProxyService(sid: sids.make(.proxyService), accountSid: accountSid, uniqueName: "flex \(UUID().uuidString)", defaultTtl: 60,
                     callbackUrl: nil, outOfSessionCallbackUrl: "https://example.com/oos", interceptCallbackUrl: nil, chatInstanceSid: nil,
                     geoMatchLevel: "country", numberSelectionBehavior: "prefer-sticky", dateCreated: now, dateUpdated: now)
    }

    static func session(_ service: ProxyService, ttl: Int = 0, status: String = "open") -> ProxySession {
        ProxySession(sid: sids.make(.proxySession), accountSid: service.accountSid, serviceSid: service.sid, uniqueName: nil, ttl: ttl,
                     mode: "message-only", status: status, closedReason: "", dateExpiry: nil, dateStarted: now, dateEnded: nil,
                     dateLastInteraction: nil, dateCreated: now, dateUpdated: now)
    }

    @Test(arguments: TestBackend.available)
    func chatResourcesRoundTripAndAreFoundByTheirLookupKeys(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let account = Fixtures.account()
            let service = Self.chatService(accountSid: account.sid)
            let channel = Self.channel(service, uniqueName: "john")
            let user = ChatUser(sid: Self.sids.make(.chatUser), accountSid: account.sid, serviceSid: service.sid, identity: "sms_1800",
                                friendlyName: "John", attributes: "{}", dateCreated: Self.now, dateUpdated: Self.now)
            let member = ChatMember(sid: Self.sids.make(.chatMember), accountSid: account.sid, serviceSid: service.sid, channelSid: channel.sid,
                                    identity: "sms_1800", attributes: "{}", dateCreated: Self.now, dateUpdated: Self.now)
            let messages = (0..<3).map { index in
                ChatMessage(sid: Self.sids.make(.chatMessage), accountSid: account.sid, serviceSid: service.sid, channelSid: channel.sid,
                            from: "alice", body: "message \(index)", attributes: "{}", index: index, dateCreated: Self.now, dateUpdated: Self.now)
            }
            try await storage.write { session in
                try await session.accounts.insert(account)
                try await session.chatServices.insert(service)
                try await session.chatChannels.insert(channel)
                try await session.chatUsers.insert(user)
                try await session.chatMembers.insert(member)
                for message in messages { try await session.chatMessages.insert(message) }
            }
            try await storage.read { (session: any StorageSession) async throws -> Void in
                #expect(try await session.chatServices.find(sid: service.sid, accountSid: account.sid) == service)
                #expect(try await session.chatServices.find(sid: service.sid, accountSid: Fixtures.account().sid) == nil)
                #expect(try await session.chatChannels.find(uniqueName: "john", serviceSid: service.sid) == channel)
                #expect(try await session.chatChannels.find(sid: channel.sid, accountSid: account.sid) == channel)
                #expect(try await session.chatUsers.find(identity: "sms_1800", serviceSid: service.sid) == user)
                #expect(try await session.chatMembers.find(identity: "sms_1800", channelSid: channel.sid) == member)
                #expect(try await session.chatMembers.count(channelSid: channel.sid) == 1)
                #expect(try await session.chatMessages.list(channelSid: channel.sid, page: PageRequest(size: 2)).items == Array(messages.prefix(2)))
                #expect(try await session.chatMessages.nextIndex(channelSid: channel.sid) == 3)
                #expect(try await session.chatMessages.nextIndex(channelSid: Self.sids.make(.chatChannel)) == 0)
            }
        }
    }

    @Test(arguments: TestBackend.available)
    func aDeletedChatMessageNeverGivesItsIndexAgain(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let account = Fixtures.account()
            let channel = Self.channel(Self.chatService(accountSid: account.sid))
            let messages = (0..<2).map { index in
                ChatMessage(sid: Self.sids.make(.chatMessage), accountSid: account.sid, serviceSid: channel.serviceSid, channelSid: channel.sid,
                            from: "alice", body: "m", attributes: "{}", index: index, dateCreated: Self.now, dateUpdated: Self.now)
            }
            try await storage.write { session in
                for message in messages { try await session.chatMessages.insert(message) }
                _ = try await session.chatMessages.delete(sid: messages[0].sid, channelSid: channel.sid)
            }
            #expect(try await storage.read { try await $0.chatMessages.nextIndex(channelSid: channel.sid) } == 2)
            #expect(try await storage.read { try await $0.chatMessages.count(channelSid: channel.sid) } == 1)
        }
    }

    @Test(arguments: TestBackend.available)
    func participantsAreFoundByTheirIdentifierAndProxyIdentifierPair(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let account = Fixtures.account()
            let service = Self.proxyService(accountSid: account.sid)
            let session = Self.session(service)
            let number = ProxyPhoneNumber(sid: Self.sids.make(.proxyPhoneNumber), accountSid: account.sid, serviceSid: service.sid,
                                          phoneNumber: "+15550001111", isReserved: false, dateCreated: Self.now, dateUpdated: Self.now)
            let customer = ProxyParticipant(sid: Self.sids.make(.proxyParticipant), accountSid: account.sid, serviceSid: service.sid,
                                            sessionSid: session.sid, identifier: "+18001231234", friendlyName: nil, proxyIdentifier: number.phoneNumber,
                                            proxyIdentifierSid: number.sid, dateCreated: Self.now, dateUpdated: Self.now)
            try await storage.write { storage in
                try await storage.proxyServices.insert(service)
                try await storage.proxyPhoneNumbers.insert(number)
                try await storage.proxySessions.insert(session)
                try await storage.proxyParticipants.insert(customer)
            }
            try await storage.read { (storage: any StorageSession) async throws -> Void in
                #expect(try await storage.proxyServices.find(uniqueName: service.uniqueName, accountSid: account.sid) == service)
                #expect(try await storage.proxyPhoneNumbers.all(phoneNumber: "+15550001111", accountSid: account.sid) == [number])
                #expect(try await storage.proxyPhoneNumbers.find(phoneNumber: "+15550001111", serviceSid: service.sid) == number)
                #expect(try await storage.proxySessions.find(sid: session.sid, accountSid: account.sid) == session)
                #expect(try await storage.proxyParticipants.all(identifier: "+18001231234", proxyIdentifier: "+15550001111", accountSid: account.sid) == [customer])
                #expect(try await storage.proxyParticipants.all(identifier: "+18001231234", proxyIdentifier: "+15550002222", accountSid: account.sid).isEmpty)
            }
        }
    }

    @Test(arguments: TestBackend.available)
    func onlyOpenSessionsPastTheirTtlAreExpired(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let account = Fixtures.account()
            let service = Self.proxyService(accountSid: account.sid)
            let short = Self.session(service, ttl: 60)
            let long = Self.session(service, ttl: 3600)
            let forever = Self.session(service, ttl: 0)
            let closed = Self.session(service, ttl: 60, status: "closed")
            try await storage.write { storage in
                for session in [short, long, forever, closed] { try await storage.proxySessions.insert(session) }
            }
            let expired = try await storage.read { try await $0.proxySessions.expired(at: Self.now.addingTimeInterval(120)) }
            #expect(expired.map(\.sid).filter { [short, long, forever, closed].map(\.sid).contains($0) } == [short.sid])
            var touched = short
            touched.dateLastInteraction = Self.now.addingTimeInterval(100)
            let saved = touched
            try await storage.write { try await $0.proxySessions.update(saved) }
            let later = try await storage.read { try await $0.proxySessions.expired(at: Self.now.addingTimeInterval(120)) }
            #expect(!later.map(\.sid).contains(short.sid))
        }
    }

    @Test(arguments: TestBackend.available)
    func flexChannelsAreFoundByFlowIdentityAndByTask(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let account = Fixtures.account()
            var channel = FlexChannel(sid: Self.sids.make(.chatChannel), accountSid: account.sid, flexFlowSid: Self.sids.make(.flexFlow),
                                      chatServiceSid: Self.sids.make(.chatService), userSid: Self.sids.make(.chatUser), identity: "sms_1800",
                                      target: "+18001231234", taskSid: nil, taskAttributes: #"{"to":"+18001231234"}"#, longLived: false,
                                      dateCreated: Self.now, dateUpdated: Self.now)
            try await storage.write { [channel] in try await $0.flexChannels.insert(channel) }
            let taskSid = Self.sids.make(.task)
            channel.taskSid = taskSid
            try await storage.write { [channel] in try await $0.flexChannels.update(channel) }
            try await storage.read { [channel] (session: any StorageSession) async throws -> Void in
                #expect(try await session.flexChannels.find(sid: channel.sid, accountSid: account.sid) == channel)
                #expect(try await session.flexChannels.all(flexFlowSid: channel.flexFlowSid, identity: "sms_1800", accountSid: account.sid) == [channel])
                #expect(try await session.flexChannels.all(taskSid: taskSid, accountSid: account.sid) == [channel])
                #expect(try await session.flexChannels.find(sid: channel.sid, accountSid: Fixtures.account().sid) == nil)
            }
        }
    }

    @Test(arguments: TestBackend.available)
    func channelWebhooksRoundTripAndMembersCountPerIdentityInTheirService(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let account = Fixtures.account()
            let service = Self.chatService(accountSid: account.sid)
            let channels = [Self.channel(service), Self.channel(service)]
            let webhook = ChatChannelWebhook(sid: Self.sids.make(.chatWebhook), accountSid: account.sid, serviceSid: service.sid,
                                             channelSid: channels[0].sid, type: "webhook", url: "https://example.com/hook", method: "POST",
                                             filters: ["onMessageSent"], triggers: [], flowSid: nil, retryCount: 1, dateCreated: Self.now, dateUpdated: Self.now)
            try await storage.write { session in
                try await session.chatWebhooks.insert(webhook)
                for channel in channels {
                    try await session.chatMembers.insert(ChatMember(
                        sid: Self.sids.make(.chatMember), accountSid: account.sid, serviceSid: service.sid, channelSid: channel.sid,
                        identity: "sms_1800", attributes: "{}", dateCreated: Self.now, dateUpdated: Self.now))
                }
            }
            try await storage.read { (session: any StorageSession) async throws -> Void in
                #expect(try await session.chatWebhooks.all(channelSid: channels[0].sid) == [webhook])
                #expect(try await session.chatWebhooks.all(channelSid: channels[1].sid).isEmpty)
                #expect(try await session.chatMembers.count(identity: "sms_1800", serviceSid: service.sid) == 2)
                #expect(try await session.chatMembers.count(identity: "sms_1800", serviceSid: Self.sids.make(.chatService)) == 0)
            }
            #expect(try await storage.write { try await $0.chatWebhooks.delete(sid: webhook.sid, channelSid: channels[0].sid) })
            #expect(try await storage.read { try await $0.chatWebhooks.find(sid: webhook.sid, channelSid: channels[0].sid) } == nil)
        }
    }

    @Test(arguments: TestBackend.available)
    func deletingAChatChannelOrServiceTakesEverythingInItAlong(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let account = Fixtures.account()
            let service = Self.chatService(accountSid: account.sid)
            let (gone, kept) = (Self.channel(service), Self.channel(service))
            let user = ChatUser(sid: Self.sids.make(.chatUser), accountSid: account.sid, serviceSid: service.sid, identity: "sms_1800",
                                friendlyName: "John", attributes: "{}", dateCreated: Self.now, dateUpdated: Self.now)
            let webhook = ChatChannelWebhook(sid: Self.sids.make(.chatWebhook), accountSid: account.sid, serviceSid: service.sid,
                                             channelSid: gone.sid, type: "webhook", url: "https://example.com/hook", method: "POST",
                                             filters: ["onMessageSent"], triggers: [], flowSid: nil, retryCount: 1, dateCreated: Self.now, dateUpdated: Self.now)
            try await storage.write { session in
                try await session.accounts.insert(account)
                try await session.chatServices.insert(service)
                try await session.chatUsers.insert(user)
                try await session.chatWebhooks.insert(webhook)
                for channel in [gone, kept] {
                    try await session.chatChannels.insert(channel)
                    try await session.chatMembers.insert(ChatMember(
                        sid: Self.sids.make(.chatMember), accountSid: account.sid, serviceSid: service.sid, channelSid: channel.sid,
                        identity: "sms_1800", attributes: "{}", dateCreated: Self.now, dateUpdated: Self.now))
                    try await session.chatMessages.insert(ChatMessage(
                        sid: Self.sids.make(.chatMessage), accountSid: account.sid, serviceSid: service.sid, channelSid: channel.sid,
                        from: "alice", body: "hi", attributes: "{}", index: 0, dateCreated: Self.now, dateUpdated: Self.now))
                }
            }
            #expect(try await storage.write { try await $0.chatChannels.delete(sid: gone.sid, serviceSid: service.sid) })
            try await storage.read { (session: any StorageSession) async throws -> Void in
                #expect(try await session.chatMembers.count(channelSid: gone.sid) == 0)
                #expect(try await session.chatMessages.count(channelSid: gone.sid) == 0)
                #expect(try await session.chatWebhooks.all(channelSid: gone.sid).isEmpty)
                #expect(try await session.chatMembers.count(identity: "sms_1800", serviceSid: service.sid) == 1)
                #expect(try await session.chatMessages.count(channelSid: kept.sid) == 1)
            }
            #expect(try await storage.write { try await $0.chatServices.delete(sid: service.sid, accountSid: account.sid) })
            try await storage.read { (session: any StorageSession) async throws -> Void in
                #expect(try await session.chatChannels.find(sid: kept.sid, accountSid: account.sid) == nil)
                #expect(try await session.chatUsers.find(identity: "sms_1800", serviceSid: service.sid) == nil)
                #expect(try await session.chatMembers.count(identity: "sms_1800", serviceSid: service.sid) == 0)
                #expect(try await session.chatMessages.count(channelSid: kept.sid) == 0)
            }
        }
    }

    @Test(arguments: TestBackend.available)
    func deletingAProxySessionOrServiceTakesEverythingInItAlong(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let account = Fixtures.account()
            let service = Self.proxyService(accountSid: account.sid)
            let (gone, kept) = (Self.session(service), Self.session(service))
            let number = ProxyPhoneNumber(sid: Self.sids.make(.proxyPhoneNumber), accountSid: account.sid, serviceSid: service.sid,
                                          phoneNumber: "+1555\(Int.random(in: 1_000_000...9_999_999))", isReserved: false,
                                          dateCreated: Self.now, dateUpdated: Self.now)
            func participant(in session: ProxySession) -> ProxyParticipant {
                ProxyParticipant(sid: Self.sids.make(.proxyParticipant), accountSid: account.sid, serviceSid: service.sid,
                                 sessionSid: session.sid, identifier: "+18001231234", friendlyName: nil, proxyIdentifier: number.phoneNumber,
                                 proxyIdentifierSid: number.sid, dateCreated: Self.now, dateUpdated: Self.now)
            }
            func interaction(in session: ProxySession, to participant: ProxyParticipant) -> ProxyInteraction {
                ProxyInteraction(sid: Self.sids.make(.proxyInteraction), accountSid: account.sid, serviceSid: service.sid, sessionSid: session.sid,
                                 data: "{}", inboundParticipantSid: nil, inboundResourceSid: nil, inboundResourceStatus: nil, inboundResourceType: nil,
                                 outboundParticipantSid: participant.sid, outboundResourceSid: Self.sids.make(.message), outboundResourceStatus: "sent",
                                 outboundResourceType: "Message", dateCreated: Self.now, dateUpdated: Self.now)
            }
            let (goneParticipant, keptParticipant) = (participant(in: gone), participant(in: kept))
            let (goneInteraction, keptInteraction) = (interaction(in: gone, to: goneParticipant), interaction(in: kept, to: keptParticipant))
            try await storage.write { session in
                try await session.proxyServices.insert(service)
                try await session.proxyPhoneNumbers.insert(number)
                for proxySession in [gone, kept] { try await session.proxySessions.insert(proxySession) }
                for participant in [goneParticipant, keptParticipant] { try await session.proxyParticipants.insert(participant) }
                for interaction in [goneInteraction, keptInteraction] { try await session.proxyInteractions.insert(interaction) }
            }
            #expect(try await storage.write { try await $0.proxySessions.delete(sid: gone.sid, serviceSid: service.sid) })
            try await storage.read { (session: any StorageSession) async throws -> Void in
                #expect(try await session.proxyParticipants.all(sessionSid: gone.sid).isEmpty)
                #expect(try await session.proxyInteractions.find(sid: goneInteraction.sid, sessionSid: gone.sid) == nil)
                #expect(try await session.proxyParticipants.all(sessionSid: kept.sid) == [keptParticipant])
            }
            #expect(try await storage.write { try await $0.proxyServices.delete(sid: service.sid, accountSid: account.sid) })
            try await storage.read { (session: any StorageSession) async throws -> Void in
                #expect(try await session.proxySessions.find(sid: kept.sid, accountSid: account.sid) == nil)
                #expect(try await session.proxyParticipants.all(sessionSid: kept.sid).isEmpty)
                #expect(try await session.proxyInteractions.find(sid: keptInteraction.sid, sessionSid: kept.sid) == nil)
                #expect(try await session.proxyPhoneNumbers.all(phoneNumber: number.phoneNumber, accountSid: account.sid).isEmpty)
            }
        }
    }

    @Test(arguments: TestBackend.available)
    func membershipsAreCountedForManyIdentitiesAtOnceWithinTheirService(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let account = Fixtures.account()
            let service = Self.chatService(accountSid: account.sid)
            let channels = [Self.channel(service), Self.channel(service)]
            let memberships = [("alice", channels[0]), ("alice", channels[1]), ("bob", channels[0])]
            try await storage.write { session in
                for (identity, channel) in memberships {
                    try await session.chatMembers.insert(ChatMember(
                        sid: Self.sids.make(.chatMember), accountSid: account.sid, serviceSid: service.sid, channelSid: channel.sid,
                        identity: identity, attributes: "{}", dateCreated: Self.now, dateUpdated: Self.now))
                }
            }
            try await storage.read { (session: any StorageSession) async throws -> Void in
                #expect(try await session.chatMembers.counts(identities: ["alice", "bob", "carol"], serviceSid: service.sid) == ["alice": 2, "bob": 1])
                #expect(try await session.chatMembers.counts(identities: ["alice"], serviceSid: Self.sids.make(.chatService)) == [:])
                #expect(try await session.chatMembers.counts(identities: [], serviceSid: service.sid) == [:])
            }
        }
    }
}
