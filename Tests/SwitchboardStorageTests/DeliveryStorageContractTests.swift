import Foundation
import Testing
import SwitchboardCore
import SwitchboardStorage

/// The storage contract for messages and the sandbox's handsets.
@Suite struct DeliveryStorageContractTests {
    @Test(arguments: TestBackend.available)
    func messagesRoundTripEveryField(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let account = try await DeliveryFixtures.storedAccount(in: storage)
            var full = DeliveryFixtures.message(accountSid: account.sid, to: "whatsapp:+14155550100", from: "whatsapp:+14155550199",
                                                body: "Zoë says hi 😀")
            full.channel = .whatsapp
            full.direction = .outboundReply
            full.contentSid = "HX" + String(repeating: "0", count: 32)
            full.contentVariables = #"{"1":"Zoë"}"#
            full.subject = "Subject"
            full.status = .undelivered
            full.errorCode = 30003
            full.errorMessage = "Unreachable destination handset"
            full.statusCallback = "https://hooks.example.com/status#rc=2"
            full.origin = "KC" + String(repeating: "1", count: 32)
            full.dateSent = DeliveryFixtures.now.addingTimeInterval(3)
            let bare = DeliveryFixtures.message(accountSid: account.sid)
            let messages = [full, bare]
            try await storage.write { session in
                for message in messages { try await session.messages.insert(message) }
            }
            for message in messages {
                #expect(try await storage.read { try await $0.messages.find(sid: message.sid, accountSid: account.sid) } == message)
            }
        }
    }

    @Test(arguments: TestBackend.available)
    func updateSavesTheStatusTheErrorAndTheDatesAndLockReadsItBack(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let account = try await DeliveryFixtures.storedAccount(in: storage)
            let message = DeliveryFixtures.message(accountSid: account.sid)
            try await storage.write { try await $0.messages.insert(message) }
            var changed = message
            changed.status = .failed
            changed.errorCode = 30008
            changed.errorMessage = "Unknown error"
            changed.dateSent = DeliveryFixtures.now.addingTimeInterval(1)
            changed.dateUpdated = DeliveryFixtures.now.addingTimeInterval(2)
            let saved = changed
            let locked = try await storage.write { session in
                try await session.messages.update(saved)
                return try await session.messages.lock(sid: saved.sid)
            }
            #expect(locked == saved)
            #expect(try await storage.read { try await $0.messages.find(sid: message.sid, accountSid: account.sid) } == saved)
            #expect(try await storage.write { try await $0.messages.lock(sid: DeliveryFixtures.sid(.message)) } == nil)
        }
    }

    @Test(arguments: TestBackend.available)
    func messagesOfOneAccountAreInvisibleToAnother(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let owner = try await DeliveryFixtures.storedAccount(in: storage)
            let other = try await DeliveryFixtures.storedAccount(in: storage)
            let message = DeliveryFixtures.message(accountSid: owner.sid)
            try await storage.write { try await $0.messages.insert(message) }
            #expect(try await storage.read { try await $0.messages.find(sid: message.sid, accountSid: other.sid) } == nil)
            #expect(try await storage.read { try await $0.messages.list(accountSid: other.sid, filter: MessageFilter(), page: PageRequest()) }.items.isEmpty)
            #expect(try await storage.write { try await $0.messages.delete(sid: message.sid, accountSid: other.sid) } == false)
            #expect(try await storage.write { try await $0.messages.delete(sid: message.sid, accountSid: owner.sid) } == true)
            #expect(try await storage.read { try await $0.messages.find(sid: message.sid, accountSid: owner.sid) } == nil)
        }
    }

    @Test(arguments: TestBackend.available)
    func listFiltersByToAndFromOldestFirst(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let account = try await DeliveryFixtures.storedAccount(in: storage)
            let ann = "+14155550101", bob = "+14155550102", desk = "+14155550199", helpline = "+14155550198"
            let messages = [
                DeliveryFixtures.message(accountSid: account.sid, to: ann, from: desk),
                DeliveryFixtures.message(accountSid: account.sid, to: bob, from: desk),
                DeliveryFixtures.message(accountSid: account.sid, to: ann, from: helpline),
                DeliveryFixtures.message(accountSid: account.sid, to: ann, from: desk),
            ]
            try await storage.write { session in
                for message in messages { try await session.messages.insert(message) }
            }
            func list(_ filter: MessageFilter) async throws -> [String] {
                try await storage.read { try await $0.messages.list(accountSid: account.sid, filter: filter, page: PageRequest()) }.items.map(\.sid)
            }
            #expect(try await list(MessageFilter()) == messages.map(\.sid))
            #expect(try await list(MessageFilter(to: ann)) == [messages[0].sid, messages[2].sid, messages[3].sid])
            #expect(try await list(MessageFilter(from: helpline)) == [messages[2].sid])
            #expect(try await list(MessageFilter(to: ann, from: desk)) == [messages[0].sid, messages[3].sid])
            #expect(try await list(MessageFilter(to: bob, from: helpline)) == [])
        }
    }

    @Test(arguments: TestBackend.available)
    func aSecondDeliveryOfOneMessageToTheSandboxIsIgnored(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let account = try await DeliveryFixtures.storedAccount(in: storage)
            let message = DeliveryFixtures.message(accountSid: account.sid)
            let first = DeliveryFixtures.delivery(of: message)
            try await storage.write { try await $0.sandbox.recordDelivery(first) }
            try await storage.write { try await $0.sandbox.recordDelivery(DeliveryFixtures.delivery(of: message, body: "again", status: .undelivered, errorCode: 30003)) }
            let handset = try await storage.read { try await $0.sandbox.deliveries(accountSid: account.sid, address: message.to, page: PageRequest()) }
            #expect(handset.items == [first])
        }
    }

    @Test(arguments: TestBackend.available)
    func aHandsetShowsOnlyItsAccountsDeliveriesToItsAddressOldestFirst(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let account = try await DeliveryFixtures.storedAccount(in: storage)
            let other = try await DeliveryFixtures.storedAccount(in: storage)
            let toAnn = DeliveryFixtures.message(accountSid: account.sid, to: "+14155550101")
            let toBob = DeliveryFixtures.message(accountSid: account.sid, to: "+14155550102")
            let toAnnAgain = DeliveryFixtures.message(accountSid: account.sid, to: "+14155550101")
            let othersToAnn = DeliveryFixtures.message(accountSid: other.sid, to: "+14155550101")
            var failed = DeliveryFixtures.delivery(of: toAnnAgain, status: .failed, errorCode: 30008)
            failed.subject = "Subject"
            failed.contentSid = "HX1"
            failed.contentVariables = "{}"
            let deliveries = [DeliveryFixtures.delivery(of: toAnn), DeliveryFixtures.delivery(of: toBob), failed, DeliveryFixtures.delivery(of: othersToAnn)]
            try await storage.write { session in
                for delivery in deliveries { try await session.sandbox.recordDelivery(delivery) }
            }
            let ann = try await storage.read { try await $0.sandbox.deliveries(accountSid: account.sid, address: "+14155550101", page: PageRequest()) }
            #expect(ann.items == [deliveries[0], failed])
        }
    }

    @Test(arguments: TestBackend.available)
    func aHandsetsFeedHoldsItsAccountsDeliveriesToItsAddressAfterThePositionInTheOrderTheyCommitted(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let account = try await DeliveryFixtures.storedAccount(in: storage)
            let other = try await DeliveryFixtures.storedAccount(in: storage)
            let ann = "+14155550101"
            #expect(try await storage.read { try await $0.sandbox.deliveriesEnd(accountSid: account.sid, address: ann) } == .start)
            let toAnn = DeliveryFixtures.delivery(of: DeliveryFixtures.message(accountSid: account.sid, to: ann))
            let toBob = DeliveryFixtures.delivery(of: DeliveryFixtures.message(accountSid: account.sid, to: "+14155550102"))
            let othersToAnn = DeliveryFixtures.delivery(of: DeliveryFixtures.message(accountSid: other.sid, to: ann))
            let toAnnLater = DeliveryFixtures.delivery(of: DeliveryFixtures.message(accountSid: account.sid, to: ann), status: .undelivered, errorCode: 30003)
            try await storage.write { session in
                for delivery in [toAnn, toBob, othersToAnn] { try await session.sandbox.recordDelivery(delivery) }
            }
            // A second record of a delivery is ignored, and adds nothing to the feed either.
            try await storage.write { try await $0.sandbox.recordDelivery(toAnn) }
            try await storage.write { try await $0.sandbox.recordDelivery(toAnnLater) }

            // On PostgreSQL a row is read once every older transaction has ended, and other tests' transactions share
            // the database: wait for both rows, after which every read below sees them too.
            var feed: [(position: FeedPosition, delivery: SandboxDelivery)] = []
            for _ in 0..<100 {
                feed = try await storage.read { try await $0.sandbox.deliveries(accountSid: account.sid, address: ann, after: .start, limit: 10) }
                if feed.count == 2 { break }
                try await Task.sleep(for: .milliseconds(50))
            }
            try #require(feed.map(\.delivery) == [toAnn, toAnnLater])
            #expect(feed[0].position < feed[1].position)
            let firstPosition = feed[0].position
            let rest = try await storage.read { try await $0.sandbox.deliveries(accountSid: account.sid, address: ann, after: firstPosition, limit: 10) }
            #expect(rest.map(\.delivery) == [toAnnLater])
            let first = try await storage.read { try await $0.sandbox.deliveries(accountSid: account.sid, address: ann, after: .start, limit: 1) }
            #expect(first.map(\.delivery) == [toAnn])
            let end = try await storage.read { try await $0.sandbox.deliveriesEnd(accountSid: account.sid, address: ann) }
            #expect(end == feed[1].position)
            #expect(try await storage.read { try await $0.sandbox.deliveries(accountSid: account.sid, address: ann, after: end, limit: 10) }.isEmpty)
        }
    }

    @Test(arguments: TestBackend.available)
    func savingAFailureRuleForAnAddressAgainReplacesIt(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let account = try await DeliveryFixtures.storedAccount(in: storage)
            let address = "+14155550101"
            let first = SandboxFailureRule(accountSid: account.sid, address: address, status: .failed, errorCode: 30008, dateCreated: DeliveryFixtures.now)
            let second = SandboxFailureRule(accountSid: account.sid, address: "+14155550102", status: .undelivered, errorCode: 30003,
                                            dateCreated: DeliveryFixtures.now.addingTimeInterval(1))
            let replacement = SandboxFailureRule(accountSid: account.sid, address: address, status: .undelivered, errorCode: 30005,
                                                 dateCreated: DeliveryFixtures.now.addingTimeInterval(2))
            try await storage.write { session in
                try await session.sandbox.saveFailureRule(first)
                try await session.sandbox.saveFailureRule(second)
            }
            #expect(try await storage.read { try await $0.sandbox.failureRule(accountSid: account.sid, address: address) } == first)
            try await storage.write { try await $0.sandbox.saveFailureRule(replacement) }
            #expect(try await storage.read { try await $0.sandbox.failureRule(accountSid: account.sid, address: address) } == replacement)
            // Replaced in place: the rule keeps its position among the account's rules.
            #expect(try await storage.read { try await $0.sandbox.failureRules(accountSid: account.sid) } == [replacement, second])
        }
    }

    @Test(arguments: TestBackend.available)
    func deletingAFailureRuleRemovesOnlyThatAccountsRule(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let account = try await DeliveryFixtures.storedAccount(in: storage)
            let other = try await DeliveryFixtures.storedAccount(in: storage)
            let address = "+14155550101"
            let rule = SandboxFailureRule(accountSid: account.sid, address: address, status: .failed, errorCode: 30008, dateCreated: DeliveryFixtures.now)
            let othersRule = SandboxFailureRule(accountSid: other.sid, address: address, status: .undelivered, errorCode: 30003, dateCreated: DeliveryFixtures.now)
            try await storage.write { session in
                try await session.sandbox.saveFailureRule(rule)
                try await session.sandbox.saveFailureRule(othersRule)
            }
            #expect(try await storage.write { try await $0.sandbox.deleteFailureRule(accountSid: account.sid, address: address) } == true)
            #expect(try await storage.write { try await $0.sandbox.deleteFailureRule(accountSid: account.sid, address: address) } == false)
            #expect(try await storage.read { try await $0.sandbox.failureRule(accountSid: account.sid, address: address) } == nil)
            #expect(try await storage.read { try await $0.sandbox.failureRules(accountSid: account.sid) } == [])
            #expect(try await storage.read { try await $0.sandbox.failureRules(accountSid: other.sid) } == [othersRule])
        }
    }
}

/// The storage contract for the outbox. Claims take due entries of every account, so on a shared PostgreSQL
/// database these tests run one at a time, each first clearing what an earlier test or run left pending.
@Suite(.serialized) struct OutboxStorageContractTests {
    let now = DeliveryFixtures.nowMilliseconds
    let lease: Int64 = 60_000

    /// Stores `entries` and returns them; any pending entry left from before is removed first.
    func prepare(_ storage: SQLStorage, _ entries: [OutboxEntry]) async throws -> [OutboxEntry] {
        try await storage.write { session in
            // Entries behind others with their ordering key are claimable only once those are gone.
            var leftovers = try await session.outbox.claimDue(now: .max, leaseUntil: .max, limit: 100_000)
            while !leftovers.isEmpty {
                for leftover in leftovers { try await session.outbox.remove(sid: leftover.sid) }
                leftovers = try await session.outbox.claimDue(now: .max, leaseUntil: .max, limit: 100_000)
            }
            for entry in entries { try await session.outbox.enqueue(entry) }
        }
        return entries
    }

    @Test(arguments: TestBackend.available)
    func entriesWithOneOrderingKeyLeaveOneAtATimeInTheOrderTheyWereWritten(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let account = DeliveryFixtures.sid(.account)
            let key = "message +14155550199 \(DeliveryFixtures.sid(.message))"
            func keyed(due: Int64) -> OutboxEntry {
                var entry = DeliveryFixtures.entry(accountSid: account, due: due)
                entry.orderingKey = key
                return entry
            }
            // The second is due before the first, but was written after it.
            let (first, second, third) = (keyed(due: 5), keyed(due: 0), keyed(due: 0))
            let unrelated = DeliveryFixtures.entry(accountSid: account, due: 0)
            _ = try await prepare(storage, [first, second, third, unrelated])
            #expect(try await claim(storage, at: now) == [unrelated.sid])
            try await storage.write { try await $0.outbox.remove(sid: unrelated.sid) }
            #expect(try await claim(storage, at: now + 5) == [first.sid])
            // Out under a lease, or back for a retry, the first still holds the others back.
            #expect(try await claim(storage, at: now + 6) == [])
            #expect(try await claim(storage, at: now + 5 + lease) == [first.sid])
            try await storage.write { try await $0.outbox.remove(sid: first.sid) }
            #expect(try await claim(storage, at: now + 6 + lease) == [second.sid])
            // One that failed for good holds nothing back.
            var failed = try #require(try await storage.read { try await $0.outbox.find(sid: second.sid) })
            failed.status = .failed
            let gaveUp = failed
            try await storage.write { try await $0.outbox.record(gaveUp) }
            #expect(try await claim(storage, at: now + 7 + lease) == [third.sid])
        }
    }

    func claim(_ storage: SQLStorage, at time: Int64, limit: Int = 100) async throws -> [String] {
        let leaseUntil = time + lease
        return try await storage.write { try await $0.outbox.claimDue(now: time, leaseUntil: leaseUntil, limit: limit) }.map(\.sid)
    }

    @Test(arguments: TestBackend.available)
    func entriesRoundTripEveryKindOfWork(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let account = DeliveryFixtures.sid(.account)
            let form = WebhookBody.form([FormPair("Body", "1 + 1 = 2 & Zoë 😀"), FormPair("To", "+14155550100"), FormPair("Body", ""),
                                         FormPair("Empty", "")])
            let works: [OutboxWork] = [
                .message(sid: DeliveryFixtures.sid(.message)),
                .webhook(WebhookCall(url: "https://hooks.example.com/status?x=1#rc=2&rp=5xx", body: form, purpose: "message-status")),
                .webhook(WebhookCall(url: "https://hooks.example.com/get", method: "GET", body: .form([]), purpose: "taskrouter-event")),
                .webhook(WebhookCall(url: "https://hooks.example.com/assign", body: form, purpose: "assignment-callback",
                                     fallbackUrl: "https://fallback.example.com/assign")),
                .webhook(WebhookCall(url: "https://hooks.example.com/json", body: .json(#"{"a":"Zoë","b":[1,2]}"#), purpose: "conversations")),
            ]
            var entries = works.map { DeliveryFixtures.entry(accountSid: account, work: $0) }
            entries[1].attempts = 3
            entries[1].firstAttemptAt = now - 5_000
            entries[1].lastError = "HTTP 503"
            entries[2].status = .failed
            entries = try await prepare(storage, entries)
            for entry in entries {
                #expect(try await storage.read { try await $0.outbox.find(sid: entry.sid) } == entry)
                #expect(try await storage.read { try await $0.outbox.find(sid: entry.sid, accountSid: account) } == entry)
                #expect(try await storage.read { try await $0.outbox.find(sid: entry.sid, accountSid: DeliveryFixtures.sid(.account)) } == nil)
            }
        }
    }

    @Test(arguments: TestBackend.available)
    func claimDueReturnsOnlyDueUnleasedPendingEntriesInDueOrder(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let account = DeliveryFixtures.sid(.account)
            let held = DeliveryFixtures.entry(accountSid: account, due: 0)
            _ = try await prepare(storage, [held])
            #expect(try await claim(storage, at: now) == [held.sid])
            let later = DeliveryFixtures.entry(accountSid: account, due: 30)
            let first = DeliveryFixtures.entry(accountSid: account, due: 10)
            let second = DeliveryFixtures.entry(accountSid: account, due: 20)
            let sameTimeAsSecond = DeliveryFixtures.entry(accountSid: account, due: 20)
            let notYetDue = DeliveryFixtures.entry(accountSid: account, due: 51)
            let failed = DeliveryFixtures.entry(accountSid: account, due: 0, status: .failed)
            let delivered = DeliveryFixtures.entry(accountSid: account, due: 0, status: .delivered)
            try await storage.write { session in
                for entry in [later, first, second, sameTimeAsSecond, notYetDue, failed, delivered] { try await session.outbox.enqueue(entry) }
            }
            #expect(try await claim(storage, at: now + 50, limit: 2) == [first.sid, second.sid])
            #expect(try await claim(storage, at: now + 50) == [sameTimeAsSecond.sid, later.sid])
            #expect(try await claim(storage, at: now + 50) == [])
        }
    }

    @Test(arguments: TestBackend.available)
    func aClaimedEntryIsNotClaimedAgainUntilItsLeaseLapses(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let entry = try await prepare(storage, [DeliveryFixtures.entry(accountSid: DeliveryFixtures.sid(.account))])[0]
            #expect(try await claim(storage, at: now) == [entry.sid])
            #expect(try await claim(storage, at: now + 1) == [])
            #expect(try await claim(storage, at: now + lease - 1) == [])
            #expect(try await claim(storage, at: now + lease) == [entry.sid])
        }
    }

    /// Stores one entry, claims it, and records `attempt` made on it; returns the entry as recorded, read back.
    func claimAndRecord(_ storage: SQLStorage, _ attempt: (inout OutboxEntry) -> Void) async throws -> OutboxEntry {
        var entry = try await prepare(storage, [DeliveryFixtures.entry(accountSid: DeliveryFixtures.sid(.account))])[0]
        #expect(try await claim(storage, at: now) == [entry.sid])
        attempt(&entry)
        let recorded = entry
        try await storage.write { try await $0.outbox.record(recorded) }
        #expect(try await storage.read { try await $0.outbox.find(sid: recorded.sid) } == recorded)
        return recorded
    }

    @Test(arguments: TestBackend.available)
    func recordSavesTheAttemptReleasesTheLeaseAndReschedules(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let now = self.now
            let entry = try await claimAndRecord(storage) { entry in
                entry.attempts = 1
                entry.firstAttemptAt = now
                entry.nextAttemptAt = now + 5_000
                entry.lastError = "HTTP 503"
                entry.dateUpdated = DeliveryFixtures.now.addingTimeInterval(1)
            }
            // Due again at the new time, though the old lease would still hold.
            #expect(try await claim(storage, at: now + 4_999) == [])
            #expect(try await claim(storage, at: now + 5_000) == [entry.sid])
        }
    }

    @Test(arguments: TestBackend.available)
    func anEntryRecordedAsFailedIsNeverClaimedAgain(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            _ = try await claimAndRecord(storage) { entry in
                entry.status = .failed
                entry.attempts = 1
                entry.lastError = "HTTP 404"
            }
            #expect(try await claim(storage, at: now + lease * 10) == [])
        }
    }

    @Test(arguments: TestBackend.available)
    func releaseAllLeasesLetsEveryHeldEntryBeClaimedAgainAtOnce(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let account = DeliveryFixtures.sid(.account)
            let entries = try await prepare(storage, [DeliveryFixtures.entry(accountSid: account, due: 0), DeliveryFixtures.entry(accountSid: account, due: 1),
                                                      DeliveryFixtures.entry(accountSid: account, due: 2)])
            #expect(try await claim(storage, at: now + 1) == entries[0...1].map(\.sid))
            #expect(try await storage.write { try await $0.outbox.releaseAllLeases() } == 2)
            #expect(try await claim(storage, at: now + 2) == entries.map(\.sid))
        }
    }

    @Test(arguments: TestBackend.available)
    func removeDeletesTheEntry(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let entry = try await prepare(storage, [DeliveryFixtures.entry(accountSid: DeliveryFixtures.sid(.account))])[0]
            try await storage.write { try await $0.outbox.remove(sid: entry.sid) }
            #expect(try await storage.read { try await $0.outbox.find(sid: entry.sid) } == nil)
            #expect(try await claim(storage, at: now) == [])
        }
    }

    @Test(arguments: TestBackend.available)
    func listShowsTheAccountsEntriesInAStatusOldestFirst(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let account = DeliveryFixtures.sid(.account)
            let entries = try await prepare(storage, [
                DeliveryFixtures.entry(accountSid: account, status: .failed), DeliveryFixtures.entry(accountSid: account),
                DeliveryFixtures.entry(accountSid: account, status: .failed), DeliveryFixtures.entry(accountSid: DeliveryFixtures.sid(.account), status: .failed),
            ])
            func list(_ status: OutboxStatus?, page: PageRequest = PageRequest()) async throws -> Page<OutboxEntry> {
                try await storage.read { try await $0.outbox.list(accountSid: account, status: status, page: page) }
            }
            #expect(try await list(nil).items == Array(entries[0...2]))
            #expect(try await list(.failed).items == [entries[0], entries[2]])
            #expect(try await list(.pending).items == [entries[1]])
            #expect(try await list(.delivered).items == [])
            let firstPage = try await list(.failed, page: PageRequest(size: 1))
            #expect(firstPage.items == [entries[0]])
            #expect(try await list(.failed, page: PageRequest(size: 1, page: 1, cursor: firstPage.next)).items == [entries[2]])
        }
    }

    @Test(arguments: TestBackend.available)
    func countByStatusCountsEveryAccountsEntries(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            _ = try await prepare(storage, [])
            let before = try await storage.read { try await $0.outbox.countByStatus() }
            let account = DeliveryFixtures.sid(.account)
            _ = try await prepare(storage, [
                DeliveryFixtures.entry(accountSid: account), DeliveryFixtures.entry(accountSid: DeliveryFixtures.sid(.account)),
                DeliveryFixtures.entry(accountSid: account), DeliveryFixtures.entry(accountSid: account, status: .failed),
            ])
            let after = try await storage.read { try await $0.outbox.countByStatus() }
            #expect(before[.pending, default: 0] == 0)
            #expect(after[.pending, default: 0] == 3)
            #expect(after[.failed, default: 0] - before[.failed, default: 0] == 1)
            #expect(after[.delivered, default: 0] == before[.delivered, default: 0])
        }
    }

    @Test(arguments: TestBackend.available)
    func concurrentClaimersNeverTakeTheSameEntry(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let account = DeliveryFixtures.sid(.account)
            let entries = try await prepare(storage, (0..<60).map { DeliveryFixtures.entry(accountSid: account, due: Int64($0 % 7)) })
            let now = self.now + 10
            let lease = self.lease
            // Each claimer takes a few at a time in its own transaction until nothing is left, so claims overlap.
            let claims = try await withThrowingTaskGroup(of: [String].self) { group in
                for _ in 0..<6 {
                    group.addTask {
                        var mine: [String] = []
                        while true {
                            let batch = try await storage.write { try await $0.outbox.claimDue(now: now, leaseUntil: now + lease, limit: 3) }
                            if batch.isEmpty { return mine }
                            mine += batch.map(\.sid)
                        }
                    }
                }
                return try await group.reduce(into: [[String]]()) { $0.append($1) }
            }
            let claimed = claims.flatMap { $0 }
            #expect(claimed.count == entries.count)
            #expect(Set(claimed) == Set(entries.map(\.sid)))
        }
    }
}
