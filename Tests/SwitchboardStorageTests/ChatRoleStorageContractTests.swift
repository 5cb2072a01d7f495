import Foundation
import Testing
import SwitchboardCore
import SwitchboardStorage

/// The storage contract of Chat roles, channel invites, push credentials and the read state of memberships, on
/// every backend.
@Suite struct ChatRoleStorageContractTests {
    static let now = Fixtures.now
    static let sids = RandomSidGenerator()

    static func role(_ service: ChatService, name: String, type: String = ChatRoleRules.channelType) -> ChatRole {
        ChatRole(sid: sids.make(.chatRole), accountSid: service.accountSid, serviceSid: service.sid, friendlyName: name, type: type,
                 permissions: ["sendMessage"], dateCreated: now, dateUpdated: now)
    }

    static func invite(_ channel: ChatChannel, identity: String) -> ChatInvite {
        ChatInvite(sid: sids.make(.chatInvite), accountSid: channel.accountSid, serviceSid: channel.serviceSid, channelSid: channel.sid,
                   identity: identity, roleSid: sids.make(.chatRole), createdBy: nil, dateCreated: now, dateUpdated: now)
    }

    @Test(arguments: TestBackend.available)
    func rolesRoundTripInTheirServiceAndGoWithIt(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let account = Fixtures.account()
            let plain = ProxyStorageContractTests.chatService(accountSid: account.sid)
            let other = ProxyStorageContractTests.chatService(accountSid: account.sid)
            let admin = Self.role(plain, name: "service admin", type: ChatRoleRules.serviceType)
            let user = Self.role(plain, name: "channel user")
            let service = {
                var service = plain
                service.defaultServiceRoleSid = admin.sid
                service.defaultChannelRoleSid = user.sid
                service.defaultChannelCreatorRoleSid = user.sid
                return service
            }()
            try await storage.write { (session: any StorageSession) async throws -> Void in
                try await session.accounts.insert(account)
                try await session.chatServices.insert(service)
                try await session.chatServices.insert(other)
                try await session.chatRoles.insert(admin)
                try await session.chatRoles.insert(user)
                try await session.chatRoles.insert(Self.role(other, name: "elsewhere"))
            }
            try await storage.read { (session: any StorageSession) async throws -> Void in
                #expect(try await session.chatServices.find(sid: service.sid, accountSid: account.sid) == service)
                #expect(try await session.chatRoles.find(sid: admin.sid, serviceSid: service.sid) == admin)
                #expect(try await session.chatRoles.find(sid: admin.sid, serviceSid: other.sid) == nil)
                #expect(try await session.chatRoles.list(serviceSid: service.sid, page: PageRequest()).items == [admin, user])
                let first = try await session.chatRoles.list(serviceSid: service.sid, page: PageRequest(size: 1))
                #expect(first.items == [admin] && first.next != nil)
            }
            let granted = { var role = user; role.permissions = ["sendMessage", "leaveChannel"]; return role }()
            let deleted = try await storage.write { (session: any StorageSession) async throws -> (Bool, Bool) in
                try await session.chatServices.lock(sid: service.sid)
                try await session.chatRoles.update(granted)
                return (try await session.chatRoles.delete(sid: admin.sid, serviceSid: other.sid),
                        try await session.chatRoles.delete(sid: admin.sid, serviceSid: service.sid))
            }
            #expect(deleted.0 == false && deleted.1)
            try await storage.read { (session: any StorageSession) async throws -> Void in
                #expect(try await session.chatRoles.list(serviceSid: service.sid, page: PageRequest()).items == [granted])
            }
            #expect(try await storage.write { try await $0.chatServices.delete(sid: service.sid, accountSid: account.sid) })
            try await storage.read { (session: any StorageSession) async throws -> Void in
                #expect(try await session.chatRoles.list(serviceSid: service.sid, page: PageRequest()).items.isEmpty)
                #expect(try await session.chatRoles.list(serviceSid: other.sid, page: PageRequest()).items.count == 1)
            }
        }
    }

    @Test(arguments: TestBackend.available)
    func invitesAreOnePerIdentityAndGoWithTheirChannel(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let account = Fixtures.account()
            let service = ProxyStorageContractTests.chatService(accountSid: account.sid)
            let channel = ProxyStorageContractTests.channel(service)
            let ann = Self.invite(channel, identity: "ann"), bob = Self.invite(channel, identity: "bob"), cy = Self.invite(channel, identity: "cy")
            try await storage.write { (session: any StorageSession) async throws -> Void in
                try await session.accounts.insert(account)
                try await session.chatServices.insert(service)
                try await session.chatChannels.insert(channel)
                for invite in [ann, bob, cy] { try await session.chatInvites.insert(invite) }
            }
            await #expect(throws: (any Error).self) {
                try await storage.write { try await $0.chatInvites.insert(Self.invite(channel, identity: "ann")) }
            }
            try await storage.read { (session: any StorageSession) async throws -> Void in
                #expect(try await session.chatInvites.find(sid: ann.sid, channelSid: channel.sid) == ann)
                #expect(try await session.chatInvites.find(identity: "bob", channelSid: channel.sid) == bob)
                #expect(try await session.chatInvites.find(identity: "bob", channelSid: Self.sids.make(.chatChannel)) == nil)
                #expect(try await session.chatInvites.list(channelSid: channel.sid, identities: [], page: PageRequest()).items == [ann, bob, cy])
                #expect(try await session.chatInvites.list(channelSid: channel.sid, identities: ["cy", "ann"], page: PageRequest()).items == [ann, cy])
            }
            #expect(try await storage.write { try await $0.chatInvites.delete(sid: bob.sid, channelSid: channel.sid) })
            #expect(try await storage.write { try await $0.chatInvites.delete(sid: bob.sid, channelSid: channel.sid) } == false)
            #expect(try await storage.write { try await $0.chatChannels.delete(sid: channel.sid, serviceSid: service.sid) })
            #expect(try await storage.read { try await $0.chatInvites.find(sid: ann.sid, channelSid: channel.sid) } == nil)
        }
    }

    @Test(arguments: TestBackend.available)
    func pushCredentialsBelongToOneAccount(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let account = Fixtures.account(), stranger = Fixtures.account()
            let box = SecretBox()
            let credential = PushCredential(sid: Self.sids.make(.pushCredential), accountSid: account.sid, friendlyName: "ios", type: "apn",
                                            sandbox: true, sealedCertificate: box.seal("cert"), sealedPrivateKey: box.seal("key"),
                                            dateCreated: Self.now, dateUpdated: Self.now)
            let fcm = PushCredential(sid: Self.sids.make(.pushCredential), accountSid: account.sid, friendlyName: nil, type: "fcm",
                                     sandbox: false, sealedSecret: box.seal("secret"), dateCreated: Self.now, dateUpdated: Self.now)
            try await storage.write { (session: any StorageSession) async throws -> Void in
                try await session.accounts.insert(account)
                try await session.pushCredentials.insert(credential)
                try await session.pushCredentials.insert(fcm)
            }
            try await storage.read { (session: any StorageSession) async throws -> Void in
                let found = try await session.pushCredentials.find(sid: credential.sid, accountSid: account.sid)
                #expect(found == credential)
                #expect(found?.sealedCertificate.flatMap(box.open) == "cert")
                #expect(try await session.pushCredentials.find(sid: credential.sid, accountSid: stranger.sid) == nil)
                #expect(try await session.pushCredentials.list(accountSid: account.sid, page: PageRequest()).items == [credential, fcm])
                #expect(try await session.pushCredentials.list(accountSid: stranger.sid, page: PageRequest()).items.isEmpty)
            }
            let renamed = { var renamed = credential; renamed.friendlyName = "ios prod"; renamed.sandbox = false; return renamed }()
            try await storage.write { try await $0.pushCredentials.update(renamed) }
            #expect(try await storage.read { try await $0.pushCredentials.find(sid: credential.sid, accountSid: account.sid) } == renamed)
            #expect(try await storage.write { try await $0.pushCredentials.delete(sid: fcm.sid, accountSid: stranger.sid) } == false)
            #expect(try await storage.write { try await $0.pushCredentials.delete(sid: fcm.sid, accountSid: account.sid) })
            #expect(try await storage.read { try await $0.pushCredentials.list(accountSid: account.sid, page: PageRequest()).items } == [renamed])
        }
    }

    @Test(arguments: TestBackend.available)
    func aUsersMembershipsAreListedWithTheirReadState(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let account = Fixtures.account()
            let service = ProxyStorageContractTests.chatService(accountSid: account.sid)
            let other = ProxyStorageContractTests.chatService(accountSid: account.sid)
            let first = ProxyStorageContractTests.channel(service), second = ProxyStorageContractTests.channel(service)
            let elsewhere = ProxyStorageContractTests.channel(other)
            func member(_ channel: ChatChannel, _ identity: String) -> ChatMember {
                ChatMember(sid: Self.sids.make(.chatMember), accountSid: account.sid, serviceSid: channel.serviceSid, channelSid: channel.sid,
                           identity: identity, attributes: "{}", dateCreated: Self.now, dateUpdated: Self.now)
            }
            let annFirst = {
                var read = member(first, "ann")
                read.roleSid = Self.sids.make(.chatRole)
                read.lastConsumedMessageIndex = 1
                read.lastConsumptionTimestamp = Self.now
                read.notificationLevel = "muted"
                return read
            }()
            let annSecond = member(second, "ann"), bobFirst = member(first, "bob"), annElsewhere = member(elsewhere, "ann")
            try await storage.write { (session: any StorageSession) async throws -> Void in
                try await session.accounts.insert(account)
                for service in [service, other] { try await session.chatServices.insert(service) }
                for channel in [first, second, elsewhere] { try await session.chatChannels.insert(channel) }
                for member in [annFirst, bobFirst, annSecond, annElsewhere] { try await session.chatMembers.insert(member) }
                for index in 0..<4 {
                    try await session.chatMessages.insert(ChatMessage(
                        sid: Self.sids.make(.chatMessage), accountSid: account.sid, serviceSid: service.sid, channelSid: first.sid, from: "bob",
                        body: "m\(index)", attributes: "{}", index: index, dateCreated: Self.now, dateUpdated: Self.now))
                }
            }
            try await storage.read { (session: any StorageSession) async throws -> Void in
                #expect(try await session.chatMembers.list(serviceSid: service.sid, identity: "ann", page: PageRequest()).items == [annFirst, annSecond])
                #expect(try await session.chatMembers.find(identity: "ann", channelSid: first.sid, serviceSid: service.sid) == annFirst)
                #expect(try await session.chatMembers.find(identity: "ann", channelSid: elsewhere.sid, serviceSid: service.sid) == nil)
                #expect(try await session.chatMessages.count(channelSid: first.sid, after: 1) == 2)
                #expect(try await session.chatMessages.count(channelSid: first.sid, after: -1) == 4)
                #expect(try await session.chatMessages.count(channelSid: second.sid, after: 0) == 0)
            }
        }
    }
}
