import Foundation
import Testing
import SwitchboardCore
import SwitchboardStorage

/// The storage contract for TaskRouter's configuration: workspaces and everything inside them.
@Suite struct TaskRouterStorageContractTests {
    typealias F = TaskRouterFixtures

    // MARK: - Round trips

    @Test(arguments: TestBackend.available)
    func workspacesRoundTripEveryField(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let account = Fixtures.account()
            let full = F.workspace(accountSid: account.sid, name: "Full")
            let bare = Workspace(
                sid: F.sid(.workspace), accountSid: account.sid, friendlyName: "Bare", eventCallbackURL: nil, eventsFilter: nil,
                multiTaskEnabled: true, prioritizeQueueOrder: .fifo, defaultActivitySid: F.sid(.activity),
                timeoutActivitySid: F.sid(.activity), dateCreated: F.updated, dateUpdated: F.statusChanged)
            try await storage.write { session in
                try await session.accounts.insert(account)
                try await session.workspaces.insert(full)
                try await session.workspaces.insert(bare)
            }
            #expect(try await storage.read { try await $0.workspaces.find(sid: full.sid, accountSid: account.sid) } == full)
            #expect(try await storage.read { try await $0.workspaces.find(sid: bare.sid, accountSid: account.sid) } == bare)
            let listed = try await storage.read { try await $0.workspaces.list(accountSid: account.sid, friendlyName: nil, page: PageRequest()) }
            #expect(listed.items == [full, bare])
        }
    }

    @Test(arguments: TestBackend.available)
    func activitiesRoundTripEveryField(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let (_, workspaces) = try await F.seedWorkspaces(storage)
            let workspace = workspaces[0]
            let offline = F.activity(in: workspace, name: "Offline", available: false)
            let available = F.activity(in: workspace, name: "Available ✓", available: true)
            try await storage.write { session in
                try await session.activities.insert(offline)
                try await session.activities.insert(available)
            }
            for activity in [offline, available] {
                #expect(try await storage.read { try await $0.activities.find(sid: activity.sid, workspaceSid: workspace.sid) } == activity)
            }
            let listed = try await storage.read { try await $0.activities.list(workspaceSid: workspace.sid, friendlyName: nil, available: nil, page: PageRequest()) }
            #expect(listed.items == [offline, available])
        }
    }

    @Test(arguments: TestBackend.available)
    func taskChannelsRoundTripEveryFieldIncludingNilChannelOptimizedRouting(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let (_, workspaces) = try await F.seedWorkspaces(storage)
            let workspace = workspaces[0]
            let channels = [
                F.taskChannel(in: workspace, uniqueName: "voice", optimized: nil),
                F.taskChannel(in: workspace, uniqueName: "chat", optimized: true),
                F.taskChannel(in: workspace, uniqueName: "sms", optimized: false),
            ]
            try await storage.write { session in
                for channel in channels { try await session.taskChannels.insert(channel) }
            }
            for channel in channels {
                let found = try await storage.read { try await $0.taskChannels.find(sid: channel.sid, workspaceSid: workspace.sid) }
                #expect(found == channel)
            }
            #expect(try await storage.read { try await $0.taskChannels.find(sid: channels[0].sid, workspaceSid: workspace.sid) }?.channelOptimizedRouting == nil)
            #expect(try await storage.read { try await $0.taskChannels.list(workspaceSid: workspace.sid, page: PageRequest()) }.items == channels)
        }
    }

    @Test(arguments: TestBackend.available)
    func taskQueuesRoundTripEveryFieldIncludingNilActivitySids(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let (_, workspaces) = try await F.seedWorkspaces(storage)
            let workspace = workspaces[0]
            let withActivities = F.taskQueue(in: workspace, name: "With", reservationActivitySid: F.sid(.activity), assignmentActivitySid: F.sid(.activity))
            var fifoWithout = F.taskQueue(in: workspace, name: "Without")
            fifoWithout.taskOrder = .fifo
            fifoWithout.targetWorkers = "1==1"
            fifoWithout.maxReservedWorkers = 1
            let without = fifoWithout
            try await storage.write { session in
                try await session.taskQueues.insert(withActivities)
                try await session.taskQueues.insert(without)
            }
            #expect(try await storage.read { try await $0.taskQueues.find(sid: withActivities.sid, workspaceSid: workspace.sid) } == withActivities)
            let found = try await storage.read { try await $0.taskQueues.find(sid: without.sid, workspaceSid: workspace.sid) }
            #expect(found == without)
            #expect(found?.reservationActivitySid == nil)
            #expect(found?.assignmentActivitySid == nil)
            #expect(try await storage.read { try await $0.taskQueues.list(workspaceSid: workspace.sid, friendlyName: nil, page: PageRequest()) }.items == [withActivities, without])
        }
    }

    @Test(arguments: TestBackend.available)
    func workflowsRoundTripEveryFieldIncludingNilCallbackUrls(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let (_, workspaces) = try await F.seedWorkspaces(storage)
            let workspace = workspaces[0]
            let withCallbacks = F.workflow(in: workspace, name: "Callbacks", callback: "https://example.com/assign", fallback: "https://example.com/fallback")
            let without = F.workflow(in: workspace, name: "Quiet")
            try await storage.write { session in
                try await session.workflows.insert(withCallbacks)
                try await session.workflows.insert(without)
            }
            #expect(try await storage.read { try await $0.workflows.find(sid: withCallbacks.sid, workspaceSid: workspace.sid) } == withCallbacks)
            let found = try await storage.read { try await $0.workflows.find(sid: without.sid, workspaceSid: workspace.sid) }
            #expect(found == without)
            #expect(found?.assignmentCallbackUrl == nil)
            #expect(found?.fallbackAssignmentCallbackUrl == nil)
            #expect(try await storage.read { try await $0.workflows.list(workspaceSid: workspace.sid, friendlyName: nil, page: PageRequest()) }.items == [withCallbacks, without])
            #expect(try await storage.read { try await $0.workflows.list(workspaceSid: workspace.sid, friendlyName: "Quiet", page: PageRequest()) }.items == [without])
        }
    }

    @Test(arguments: TestBackend.available)
    func aWorkflowRoutesToAQueueOnlyWhenItsConfigurationTargetsItNotWhenItMerelyMentionsIt(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let (_, workspaces) = try await F.seedWorkspaces(storage, count: 2)
            let (workspace, other) = (workspaces[0], workspaces[1])
            let (queue, mentioned) = (F.sid(.taskQueue), F.sid(.taskQueue))
            var routing = F.workflow(in: workspace, name: "Routes")
            routing.configuration = #"{"task_routing":{"filters":[{"filter_friendly_name":"f","expression":"1==1","targets":[{"queue":"\#(queue)"}]}]}}"#
            var mentioning = F.workflow(in: workspace, name: "Mentions")
            mentioning.configuration = #"{"task_routing":{"filters":[{"filter_friendly_name":"\#(mentioned)","expression":"q == '\#(mentioned)'","targets":[{"queue":"\#(queue)"}]}]}}"#
            var elsewhere = F.workflow(in: other, name: "Other workspace")
            elsewhere.configuration = routing.configuration
            let stored = [routing, mentioning, elsewhere]
            try await storage.write { session in for workflow in stored { try await session.workflows.insert(workflow) } }
            let found = try await storage.read { try await $0.workflows.routing(toQueue: queue, workspaceSid: workspace.sid) }
            #expect([routing.sid, mentioning.sid].contains(found?.sid))
            #expect(try await storage.read { try await $0.workflows.routing(toQueue: mentioned, workspaceSid: workspace.sid) } == nil)
            #expect(try await storage.read { try await $0.workflows.routing(toQueue: F.sid(.taskQueue), workspaceSid: workspace.sid) } == nil)
        }
    }

    @Test(arguments: TestBackend.available)
    func aQueueUsesAnActivityAsItsReservationOrAssignmentActivity(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let (_, workspaces) = try await F.seedWorkspaces(storage)
            let workspace = workspaces[0]
            let (reserving, assigning, unused) = (F.sid(.activity), F.sid(.activity), F.sid(.activity))
            let first = F.taskQueue(in: workspace, name: "Reserves", reservationActivitySid: reserving)
            let second = F.taskQueue(in: workspace, name: "Assigns", assignmentActivitySid: assigning)
            try await storage.write { session in
                try await session.taskQueues.insert(first)
                try await session.taskQueues.insert(second)
            }
            #expect(try await storage.read { try await $0.taskQueues.using(activitySid: reserving, workspaceSid: workspace.sid) } == first)
            #expect(try await storage.read { try await $0.taskQueues.using(activitySid: assigning, workspaceSid: workspace.sid) } == second)
            #expect(try await storage.read { try await $0.taskQueues.using(activitySid: unused, workspaceSid: workspace.sid) } == nil)
            #expect(try await storage.read { try await $0.taskQueues.using(activitySid: reserving, workspaceSid: F.sid(.workspace)) } == nil)
        }
    }

    @Test(arguments: TestBackend.available)
    func workersRoundTripEveryField(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let (_, workspaces) = try await F.seedWorkspaces(storage)
            let workspace = workspaces[0]
            let worker = F.worker(in: workspace, name: "Zoë")
            try await storage.write { try await $0.workers.insert(worker) }
            #expect(try await storage.read { try await $0.workers.find(sid: worker.sid, workspaceSid: workspace.sid) } == worker)
            #expect(try await storage.read { try await $0.workers.list(workspaceSid: workspace.sid, filter: WorkerFilter(), page: PageRequest()) }.items == [worker])
            #expect(try await storage.read { try await $0.workers.all(workspaceSid: workspace.sid) } == [worker])
        }
    }

    @Test(arguments: TestBackend.available)
    func workerChannelsRoundTripEveryField(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let (_, workspaces) = try await F.seedWorkspaces(storage)
            let workspace = workspaces[0]
            let worker = F.worker(in: workspace)
            let voice = F.taskChannel(in: workspace, uniqueName: "voice")
            let chat = F.taskChannel(in: workspace, uniqueName: "chat")
            let voiceChannel = F.workerChannel(of: worker, for: voice, capacity: 1, available: true, assignedTasks: 0)
            let chatChannel = F.workerChannel(of: worker, for: chat, capacity: 5, available: false, assignedTasks: 3)
            try await storage.write { session in
                try await session.workers.insert(worker)
                try await session.taskChannels.insert(voice)
                try await session.taskChannels.insert(chat)
                try await session.workers.insertChannel(voiceChannel)
                try await session.workers.insertChannel(chatChannel)
            }
            #expect(try await storage.read { try await $0.workers.channel(sid: voiceChannel.sid, workerSid: worker.sid) } == voiceChannel)
            #expect(try await storage.read { try await $0.workers.channel(sid: chatChannel.sid, workerSid: worker.sid) } == chatChannel)
            #expect(try await storage.read { try await $0.workers.channels(workerSid: worker.sid, page: PageRequest()) }.items == [voiceChannel, chatChannel])
        }
    }

    // MARK: - Finding by name

    @Test(arguments: TestBackend.available)
    func findByFriendlyNameOrUniqueNameIsScopedToTheWorkspace(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let (_, workspaces) = try await F.seedWorkspaces(storage, count: 2)
            let (home, away) = (workspaces[0], workspaces[1])
            // The same names in both workspaces, plus names that exist only in `away`.
            let homeActivity = F.activity(in: home, name: "Busy")
            let awayActivity = F.activity(in: away, name: "Busy")
            let awayOnlyActivity = F.activity(in: away, name: "Lunch")
            let homeChannel = F.taskChannel(in: home, uniqueName: "voice")
            let awayChannel = F.taskChannel(in: away, uniqueName: "voice")
            let awayOnlyChannel = F.taskChannel(in: away, uniqueName: "fax")
            let homeQueue = F.taskQueue(in: home, name: "Sales")
            let awayQueue = F.taskQueue(in: away, name: "Sales")
            let awayOnlyQueue = F.taskQueue(in: away, name: "Billing")
            let homeWorker = F.worker(in: home, name: "Alice")
            let awayWorker = F.worker(in: away, name: "Alice")
            let awayOnlyWorker = F.worker(in: away, name: "Bob")
            try await storage.write { session in
                for activity in [homeActivity, awayActivity, awayOnlyActivity] { try await session.activities.insert(activity) }
                for channel in [homeChannel, awayChannel, awayOnlyChannel] { try await session.taskChannels.insert(channel) }
                for queue in [homeQueue, awayQueue, awayOnlyQueue] { try await session.taskQueues.insert(queue) }
                for worker in [homeWorker, awayWorker, awayOnlyWorker] { try await session.workers.insert(worker) }
            }
            #expect(try await storage.read { try await $0.activities.find(friendlyName: "Busy", workspaceSid: home.sid) } == homeActivity)
            #expect(try await storage.read { try await $0.activities.find(friendlyName: "Busy", workspaceSid: away.sid) } == awayActivity)
            #expect(try await storage.read { try await $0.activities.find(friendlyName: "Lunch", workspaceSid: home.sid) } == nil)

            #expect(try await storage.read { try await $0.taskChannels.find(uniqueName: "voice", workspaceSid: home.sid) } == homeChannel)
            #expect(try await storage.read { try await $0.taskChannels.find(uniqueName: "voice", workspaceSid: away.sid) } == awayChannel)
            #expect(try await storage.read { try await $0.taskChannels.find(uniqueName: "fax", workspaceSid: home.sid) } == nil)

            #expect(try await storage.read { try await $0.taskQueues.find(friendlyName: "Sales", workspaceSid: home.sid) } == homeQueue)
            #expect(try await storage.read { try await $0.taskQueues.find(friendlyName: "Sales", workspaceSid: away.sid) } == awayQueue)
            #expect(try await storage.read { try await $0.taskQueues.find(friendlyName: "Billing", workspaceSid: home.sid) } == nil)

            #expect(try await storage.read { try await $0.workers.find(friendlyName: "Alice", workspaceSid: home.sid) } == homeWorker)
            #expect(try await storage.read { try await $0.workers.find(friendlyName: "Alice", workspaceSid: away.sid) } == awayWorker)
            #expect(try await storage.read { try await $0.workers.find(friendlyName: "Bob", workspaceSid: home.sid) } == nil)

            // A SID lookup is scoped the same way.
            #expect(try await storage.read { try await $0.activities.find(sid: awayActivity.sid, workspaceSid: home.sid) } == nil)
            #expect(try await storage.read { try await $0.workers.find(sid: awayWorker.sid, workspaceSid: home.sid) } == nil)
        }
    }

    // MARK: - List filters

    @Test(arguments: TestBackend.available)
    func activitiesListFiltersByNameAndByAvailability(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let (_, workspaces) = try await F.seedWorkspaces(storage, count: 2)
            let (home, away) = (workspaces[0], workspaces[1])
            let activities = WorkspaceDefaults.activities.map { F.activity(in: home, name: $0.name, available: $0.available) }
            let strangers = WorkspaceDefaults.activities.map { F.activity(in: away, name: $0.name, available: $0.available) }
            try await storage.write { session in
                for activity in activities + strangers { try await session.activities.insert(activity) }
            }
            func list(_ name: String?, _ available: Bool?) async throws -> [String] {
                try await storage.read { try await $0.activities.list(workspaceSid: home.sid, friendlyName: name, available: available, page: PageRequest()) }.items.map(\.sid)
            }
            let byName = Dictionary(uniqueKeysWithValues: activities.map { ($0.friendlyName, $0.sid) })
            #expect(try await list(nil, nil) == activities.map(\.sid))
            #expect(try await list("Break", nil) == [byName["Break"]!])
            #expect(try await list(nil, true) == [byName["Available"]!])
            #expect(try await list(nil, false) == [byName["Offline"]!, byName["Unavailable"]!, byName["Break"]!])
            #expect(try await list("Available", true) == [byName["Available"]!])
            #expect(try await list("Available", false) == [])
            #expect(try await list("Nope", nil) == [])
        }
    }

    @Test(arguments: TestBackend.available)
    func workersListFiltersByFriendlyNameActivitySidsAndWorkerSids(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let (_, workspaces) = try await F.seedWorkspaces(storage, count: 2)
            let (home, away) = (workspaces[0], workspaces[1])
            let offline = F.sid(.activity)
            let available = F.sid(.activity)
            let busy = F.sid(.activity)
            let alice = F.worker(in: home, name: "Alice", activitySid: offline)
            let bob = F.worker(in: home, name: "Bob", activitySid: available)
            let carol = F.worker(in: home, name: "Carol", activitySid: busy)
            let dave = F.worker(in: home, name: "Dave", activitySid: available)
            // Same name and activity in another workspace: never listed for `home`.
            let stranger = F.worker(in: away, name: "Bob", activitySid: available)
            try await storage.write { session in
                for worker in [alice, bob, carol, dave, stranger] { try await session.workers.insert(worker) }
            }
            func list(_ filter: WorkerFilter) async throws -> [String] {
                try await storage.read { try await $0.workers.list(workspaceSid: home.sid, filter: filter, page: PageRequest()) }.items.map(\.sid)
            }
            #expect(try await list(WorkerFilter()) == [alice, bob, carol, dave].map(\.sid))
            #expect(try await list(WorkerFilter(friendlyName: "Bob")) == [bob.sid])
            #expect(try await list(WorkerFilter(friendlyName: "Nobody")) == [])
            #expect(try await list(WorkerFilter(activitySids: [available])) == [bob.sid, dave.sid])
            #expect(try await list(WorkerFilter(activitySids: [busy, offline])) == [alice.sid, carol.sid])
            #expect(try await list(WorkerFilter(workerSids: [dave.sid, alice.sid, stranger.sid])) == [alice.sid, dave.sid])
            #expect(try await list(WorkerFilter(friendlyName: "Dave", activitySids: [available], workerSids: [bob.sid, dave.sid])) == [dave.sid])
            #expect(try await list(WorkerFilter(friendlyName: "Bob", activitySids: [offline])) == [])
        }
    }

    @Test(arguments: TestBackend.available)
    func workersListWithAnEmptyActivityListReturnsNothing(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let (_, workspaces) = try await F.seedWorkspaces(storage)
            let workspace = workspaces[0]
            let workers = [F.worker(in: workspace, name: "Alice"), F.worker(in: workspace, name: "Bob")]
            try await storage.write { session in
                for worker in workers { try await session.workers.insert(worker) }
            }
            func list(_ filter: WorkerFilter) async throws -> [String] {
                try await storage.read { try await $0.workers.list(workspaceSid: workspace.sid, filter: filter, page: PageRequest()) }.items.map(\.sid)
            }
            #expect(try await list(WorkerFilter()) == workers.map(\.sid))
            #expect(try await list(WorkerFilter(activitySids: [])) == [])
            #expect(try await list(WorkerFilter(workerSids: [])) == [])
            #expect(try await list(WorkerFilter(friendlyName: "Alice", activitySids: [])) == [])
        }
    }

    /// An empty filter list once became `activity_sid IN ('')`, which matched a worker whose activity SID is empty.
    @Test(arguments: TestBackend.available)
    func workersListWithAnEmptyActivityListDoesNotMatchAWorkerWithAnEmptyActivitySid(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let (_, workspaces) = try await F.seedWorkspaces(storage)
            let workspace = workspaces[0]
            let blank = F.worker(in: workspace, name: "Blank", activitySid: "")
            try await storage.write { try await $0.workers.insert(blank) }
            #expect(try await storage.read { try await $0.workers.find(sid: blank.sid, workspaceSid: workspace.sid) } == blank)
            let listed = try await storage.read {
                try await $0.workers.list(workspaceSid: workspace.sid, filter: WorkerFilter(activitySids: []), page: PageRequest())
            }.items.map(\.sid)
            #expect(listed == [])
        }
    }

    @Test(arguments: TestBackend.available)
    func workspacesListFiltersByFriendlyNameWithinTheAccount(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let owner = Fixtures.account()
            let other = Fixtures.account()
            let support = F.workspace(accountSid: owner.sid, name: "Support")
            let sales = F.workspace(accountSid: owner.sid, name: "Sales")
            let supportAgain = F.workspace(accountSid: owner.sid, name: "Support")
            let othersSupport = F.workspace(accountSid: other.sid, name: "Support")
            try await storage.write { session in
                try await session.accounts.insert(owner)
                try await session.accounts.insert(other)
                for workspace in [support, sales, supportAgain, othersSupport] { try await session.workspaces.insert(workspace) }
            }
            func list(_ accountSid: String, _ name: String?) async throws -> [String] {
                try await storage.read { try await $0.workspaces.list(accountSid: accountSid, friendlyName: name, page: PageRequest()) }.items.map(\.sid)
            }
            #expect(try await list(owner.sid, nil) == [support.sid, sales.sid, supportAgain.sid])
            #expect(try await list(owner.sid, "Support") == [support.sid, supportAgain.sid])
            #expect(try await list(owner.sid, "Sales") == [sales.sid])
            #expect(try await list(owner.sid, "Marketing") == [])
            #expect(try await list(other.sid, "Support") == [othersSupport.sid])
            #expect(try await storage.read { try await $0.workspaces.find(sid: othersSupport.sid, accountSid: owner.sid) } == nil)
        }
    }

    // MARK: - Paging

    @Test(arguments: TestBackend.available)
    func followingNextCursorsOverWorkersSeesEveryRowOnceWhileRowsAreAdded(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let (_, workspaces) = try await F.seedWorkspaces(storage)
            let workspace = workspaces[0]
            var expected: [String] = []
            for index in 0..<7 {
                let worker = F.worker(in: workspace, name: "paged-\(index)")
                expected.append(worker.sid)
                try await storage.write { try await $0.workers.insert(worker) }
            }
            var seen: [String] = []
            var request = PageRequest(size: 3)
            var pages = 0
            while true {
                let current = request
                let page = try await storage.read { try await $0.workers.list(workspaceSid: workspace.sid, filter: WorkerFilter(), page: current) }
                seen += page.items.map(\.sid)
                pages += 1
                if pages == 1 {
                    #expect(page.previous == nil)
                    // Rows added mid-walk land after the cursor and are seen once.
                    for index in 7..<9 {
                        let worker = F.worker(in: workspace, name: "paged-\(index)")
                        expected.append(worker.sid)
                        try await storage.write { try await $0.workers.insert(worker) }
                    }
                } else {
                    #expect(page.previous != nil)
                }
                guard let next = page.next else { break }
                request = PageRequest(size: 3, page: request.page + 1, cursor: next)
            }
            #expect(seen == expected)
            #expect(Set(seen).count == 9)
            #expect(pages == 3)
        }
    }

    // MARK: - Deleting

    @Test(arguments: TestBackend.available)
    func deletingAWorkspaceRemovesEverythingInside(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let (account, workspaces) = try await F.seedWorkspaces(storage, count: 2)
            let (doomed, kept) = (workspaces[0], workspaces[1])
            struct Contents: Sendable {
                let activity: Activity, channel: TaskChannel, queue: TaskQueue, workflow: Workflow, worker: Worker, workerChannel: WorkerChannel
                init(_ workspace: Workspace) {
                    activity = F.activity(in: workspace)
                    channel = F.taskChannel(in: workspace)
                    queue = F.taskQueue(in: workspace)
                    workflow = F.workflow(in: workspace)
                    worker = F.worker(in: workspace, activitySid: activity.sid)
                    workerChannel = F.workerChannel(of: worker, for: channel)
                }
            }
            let gone = Contents(doomed)
            let staying = Contents(kept)
            try await storage.write { session in
                for contents in [gone, staying] {
                    try await session.activities.insert(contents.activity)
                    try await session.taskChannels.insert(contents.channel)
                    try await session.taskQueues.insert(contents.queue)
                    try await session.workflows.insert(contents.workflow)
                    try await session.workers.insert(contents.worker)
                    try await session.workers.insertChannel(contents.workerChannel)
                }
            }
            let stranger = Fixtures.account()
            try await storage.write { try await $0.accounts.insert(stranger) }
            #expect(try await storage.write { try await $0.workspaces.delete(sid: doomed.sid, accountSid: stranger.sid) } == false)
            #expect(try await storage.read { try await $0.activities.find(sid: gone.activity.sid, workspaceSid: doomed.sid) } == gone.activity)

            #expect(try await storage.write { try await $0.workspaces.delete(sid: doomed.sid, accountSid: account.sid) } == true)
            #expect(try await storage.read { try await $0.workspaces.find(sid: doomed.sid, accountSid: account.sid) } == nil)
            #expect(try await storage.read { try await $0.activities.find(sid: gone.activity.sid, workspaceSid: doomed.sid) } == nil)
            #expect(try await storage.read { try await $0.activities.list(workspaceSid: doomed.sid, friendlyName: nil, available: nil, page: PageRequest()) }.items.isEmpty)
            #expect(try await storage.read { try await $0.taskChannels.find(sid: gone.channel.sid, workspaceSid: doomed.sid) } == nil)
            #expect(try await storage.read { try await $0.taskChannels.list(workspaceSid: doomed.sid, page: PageRequest()) }.items.isEmpty)
            #expect(try await storage.read { try await $0.taskQueues.find(sid: gone.queue.sid, workspaceSid: doomed.sid) } == nil)
            #expect(try await storage.read { try await $0.taskQueues.list(workspaceSid: doomed.sid, friendlyName: nil, page: PageRequest()) }.items.isEmpty)
            #expect(try await storage.read { try await $0.workflows.find(sid: gone.workflow.sid, workspaceSid: doomed.sid) } == nil)
            #expect(try await storage.read { try await $0.workflows.list(workspaceSid: doomed.sid, friendlyName: nil, page: PageRequest()) }.items.isEmpty)
            #expect(try await storage.read { try await $0.workers.find(sid: gone.worker.sid, workspaceSid: doomed.sid) } == nil)
            #expect(try await storage.read { try await $0.workers.all(workspaceSid: doomed.sid) }.isEmpty)
            #expect(try await storage.read { try await $0.workers.channel(sid: gone.workerChannel.sid, workerSid: gone.worker.sid) } == nil)
            #expect(try await storage.read { try await $0.workers.channels(workerSid: gone.worker.sid, page: PageRequest()) }.items.isEmpty)

            // The other workspace keeps everything.
            #expect(try await storage.read { try await $0.workspaces.find(sid: kept.sid, accountSid: account.sid) } == kept)
            #expect(try await storage.read { try await $0.activities.find(sid: staying.activity.sid, workspaceSid: kept.sid) } == staying.activity)
            #expect(try await storage.read { try await $0.taskChannels.find(sid: staying.channel.sid, workspaceSid: kept.sid) } == staying.channel)
            #expect(try await storage.read { try await $0.taskQueues.find(sid: staying.queue.sid, workspaceSid: kept.sid) } == staying.queue)
            #expect(try await storage.read { try await $0.workflows.find(sid: staying.workflow.sid, workspaceSid: kept.sid) } == staying.workflow)
            #expect(try await storage.read { try await $0.workers.find(sid: staying.worker.sid, workspaceSid: kept.sid) } == staying.worker)
            #expect(try await storage.read { try await $0.workers.channel(sid: staying.workerChannel.sid, workerSid: staying.worker.sid) } == staying.workerChannel)
        }
    }

    @Test(arguments: TestBackend.available)
    func deletingAWorkerRemovesItsWorkerChannelsOnly(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let (_, workspaces) = try await F.seedWorkspaces(storage)
            let workspace = workspaces[0]
            let voice = F.taskChannel(in: workspace, uniqueName: "voice")
            let chat = F.taskChannel(in: workspace, uniqueName: "chat")
            let leaving = F.worker(in: workspace, name: "Leaving")
            let staying = F.worker(in: workspace, name: "Staying")
            let leavingChannels = [F.workerChannel(of: leaving, for: voice), F.workerChannel(of: leaving, for: chat)]
            let stayingChannels = [F.workerChannel(of: staying, for: voice), F.workerChannel(of: staying, for: chat)]
            try await storage.write { session in
                try await session.taskChannels.insert(voice)
                try await session.taskChannels.insert(chat)
                try await session.workers.insert(leaving)
                try await session.workers.insert(staying)
                for channel in leavingChannels + stayingChannels { try await session.workers.insertChannel(channel) }
            }
            #expect(try await storage.write { try await $0.workers.delete(sid: leaving.sid, workspaceSid: F.sid(.workspace)) } == false)
            #expect(try await storage.read { try await $0.workers.channels(workerSid: leaving.sid, page: PageRequest()) }.items == leavingChannels)

            #expect(try await storage.write { try await $0.workers.delete(sid: leaving.sid, workspaceSid: workspace.sid) } == true)
            #expect(try await storage.read { try await $0.workers.find(sid: leaving.sid, workspaceSid: workspace.sid) } == nil)
            #expect(try await storage.read { try await $0.workers.channels(workerSid: leaving.sid, page: PageRequest()) }.items.isEmpty)
            for channel in leavingChannels {
                #expect(try await storage.read { try await $0.workers.channel(sid: channel.sid, workerSid: leaving.sid) } == nil)
            }
            #expect(try await storage.read { try await $0.workers.channels(workerSid: staying.sid, page: PageRequest()) }.items == stayingChannels)
            // The task channels themselves are untouched.
            #expect(try await storage.read { try await $0.taskChannels.list(workspaceSid: workspace.sid, page: PageRequest()) }.items == [voice, chat])
        }
    }

    @Test(arguments: TestBackend.available)
    func deleteChannelsRemovesOnlyThatTaskChannelsWorkerChannels(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let (_, workspaces) = try await F.seedWorkspaces(storage, count: 2)
            let (home, away) = (workspaces[0], workspaces[1])
            let voice = F.taskChannel(in: home, uniqueName: "voice")
            let chat = F.taskChannel(in: home, uniqueName: "chat")
            let awayVoice = F.taskChannel(in: away, uniqueName: "voice")
            let alice = F.worker(in: home, name: "Alice")
            let bob = F.worker(in: home, name: "Bob")
            let carol = F.worker(in: away, name: "Carol")
            let aliceVoice = F.workerChannel(of: alice, for: voice)
            let aliceChat = F.workerChannel(of: alice, for: chat)
            let bobVoice = F.workerChannel(of: bob, for: voice)
            let bobChat = F.workerChannel(of: bob, for: chat)
            let carolVoice = F.workerChannel(of: carol, for: awayVoice)
            try await storage.write { session in
                for channel in [voice, chat, awayVoice] { try await session.taskChannels.insert(channel) }
                for worker in [alice, bob, carol] { try await session.workers.insert(worker) }
                for channel in [aliceVoice, aliceChat, bobVoice, bobChat, carolVoice] { try await session.workers.insertChannel(channel) }
            }
            // Scoped to the workspace: naming the task channel with another workspace removes nothing.
            try await storage.write { try await $0.workers.deleteChannels(taskChannelSid: voice.sid, workspaceSid: away.sid) }
            #expect(try await storage.read { try await $0.workers.channels(workerSid: alice.sid, page: PageRequest()) }.items == [aliceVoice, aliceChat])

            try await storage.write { try await $0.workers.deleteChannels(taskChannelSid: voice.sid, workspaceSid: home.sid) }
            #expect(try await storage.read { try await $0.workers.channels(workerSid: alice.sid, page: PageRequest()) }.items == [aliceChat])
            #expect(try await storage.read { try await $0.workers.channels(workerSid: bob.sid, page: PageRequest()) }.items == [bobChat])
            #expect(try await storage.read { try await $0.workers.channel(sid: voice.sid, workerSid: alice.sid) } == nil)
            #expect(try await storage.read { try await $0.workers.channel(sid: bobVoice.sid, workerSid: bob.sid) } == nil)
            #expect(try await storage.read { try await $0.workers.channels(workerSid: carol.sid, page: PageRequest()) }.items == [carolVoice])
            // Workers and task channels stay.
            #expect(try await storage.read { try await $0.workers.all(workspaceSid: home.sid) } == [alice, bob])
            #expect(try await storage.read { try await $0.taskChannels.find(sid: voice.sid, workspaceSid: home.sid) } == voice)
        }
    }

    // MARK: - Worker queries

    @Test(arguments: TestBackend.available)
    func countCountsTheWorkspacesWorkersInOneActivity(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let (_, workspaces) = try await F.seedWorkspaces(storage, count: 2)
            let (home, away) = (workspaces[0], workspaces[1])
            let available = F.activity(in: home, name: "Available", available: true)
            let offline = F.activity(in: home, name: "Offline")
            let idle = F.activity(in: home, name: "Idle")
            let workers = [
                F.worker(in: home, name: "A", activitySid: available.sid),
                F.worker(in: home, name: "B", activitySid: available.sid),
                F.worker(in: home, name: "C", activitySid: available.sid),
                F.worker(in: home, name: "D", activitySid: offline.sid),
                // References are stored as given, so a worker elsewhere can name the same activity SID.
                F.worker(in: away, name: "E", activitySid: available.sid),
            ]
            try await storage.write { session in
                for activity in [available, offline, idle] { try await session.activities.insert(activity) }
                for worker in workers { try await session.workers.insert(worker) }
            }
            func count(_ activitySid: String, _ workspaceSid: String) async throws -> Int {
                try await storage.read { try await $0.workers.count(activitySid: activitySid, workspaceSid: workspaceSid) }
            }
            #expect(try await count(available.sid, home.sid) == 3)
            #expect(try await count(offline.sid, home.sid) == 1)
            #expect(try await count(idle.sid, home.sid) == 0)
            #expect(try await count(available.sid, away.sid) == 1)
            #expect(try await count(F.sid(.activity), home.sid) == 0)

            // Moving a worker moves the count.
            var moved = workers[0]
            moved.activitySid = idle.sid
            moved.dateStatusChanged = F.updated
            let saved = moved
            try await storage.write { try await $0.workers.update(saved) }
            #expect(try await count(available.sid, home.sid) == 2)
            #expect(try await count(idle.sid, home.sid) == 1)
        }
    }

    @Test(arguments: TestBackend.available)
    func channelFindsByWorkerChannelSidOrTaskChannelSidButNotForAnotherWorker(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let (_, workspaces) = try await F.seedWorkspaces(storage)
            let workspace = workspaces[0]
            let voice = F.taskChannel(in: workspace, uniqueName: "voice")
            let chat = F.taskChannel(in: workspace, uniqueName: "chat")
            let alice = F.worker(in: workspace, name: "Alice")
            let bob = F.worker(in: workspace, name: "Bob")
            let aliceVoice = F.workerChannel(of: alice, for: voice, capacity: 1)
            let aliceChat = F.workerChannel(of: alice, for: chat, capacity: 4)
            let bobVoice = F.workerChannel(of: bob, for: voice, capacity: 2)
            try await storage.write { session in
                try await session.taskChannels.insert(voice)
                try await session.taskChannels.insert(chat)
                try await session.workers.insert(alice)
                try await session.workers.insert(bob)
                for channel in [aliceVoice, aliceChat, bobVoice] { try await session.workers.insertChannel(channel) }
            }
            func channel(_ sid: String, _ workerSid: String) async throws -> WorkerChannel? {
                try await storage.read { try await $0.workers.channel(sid: sid, workerSid: workerSid) }
            }
            #expect(try await channel(aliceVoice.sid, alice.sid) == aliceVoice)
            #expect(try await channel(aliceChat.sid, alice.sid) == aliceChat)
            #expect(try await channel(voice.sid, alice.sid) == aliceVoice)
            #expect(try await channel(chat.sid, alice.sid) == aliceChat)
            #expect(try await channel(voice.sid, bob.sid) == bobVoice)
            // Another worker's channel, by either SID, is not found.
            #expect(try await channel(aliceVoice.sid, bob.sid) == nil)
            #expect(try await channel(aliceChat.sid, bob.sid) == nil)
            #expect(try await channel(chat.sid, bob.sid) == nil)
            #expect(try await channel(bobVoice.sid, alice.sid) == nil)
            #expect(try await channel(F.sid(.workerChannel), alice.sid) == nil)
        }
    }

    // MARK: - Uniqueness

    @Test(arguments: TestBackend.available)
    func aSecondActivityWithTheSameNameInOneWorkspaceIsRejected(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let (_, workspaces) = try await F.seedWorkspaces(storage, count: 2)
            let (home, away) = (workspaces[0], workspaces[1])
            let original = F.activity(in: home, name: "Busy")
            try await storage.write { try await $0.activities.insert(original) }
            let bystander = F.activity(in: home, name: "Lunch")
            let duplicate = F.activity(in: home, name: "Busy", available: true)
            await #expect(throws: (any Error).self) {
                try await storage.write { session in
                    try await session.activities.insert(bystander)
                    try await session.activities.insert(duplicate)
                }
            }
            #expect(try await storage.read { try await $0.activities.find(sid: duplicate.sid, workspaceSid: home.sid) } == nil)
            #expect(try await storage.read { try await $0.activities.find(sid: bystander.sid, workspaceSid: home.sid) } == nil)
            #expect(try await storage.read { try await $0.activities.find(friendlyName: "Busy", workspaceSid: home.sid) } == original)
            #expect(try await storage.read { try await $0.activities.list(workspaceSid: home.sid, friendlyName: nil, available: nil, page: PageRequest()) }.items == [original])
            // The name is unique per workspace, not globally.
            let elsewhere = F.activity(in: away, name: "Busy")
            try await storage.write { try await $0.activities.insert(elsewhere) }
            #expect(try await storage.read { try await $0.activities.find(friendlyName: "Busy", workspaceSid: away.sid) } == elsewhere)
        }
    }

    @Test(arguments: TestBackend.available)
    func aSecondTaskChannelWithTheSameUniqueNameInOneWorkspaceIsRejected(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let (_, workspaces) = try await F.seedWorkspaces(storage, count: 2)
            let (home, away) = (workspaces[0], workspaces[1])
            let original = F.taskChannel(in: home, uniqueName: "voice")
            try await storage.write { try await $0.taskChannels.insert(original) }
            let bystander = F.taskChannel(in: home, uniqueName: "chat")
            var duplicate = F.taskChannel(in: home, uniqueName: "voice", optimized: true)
            duplicate.friendlyName = "Another voice"
            let rejected = duplicate
            await #expect(throws: (any Error).self) {
                try await storage.write { session in
                    try await session.taskChannels.insert(bystander)
                    try await session.taskChannels.insert(rejected)
                }
            }
            #expect(try await storage.read { try await $0.taskChannels.find(sid: rejected.sid, workspaceSid: home.sid) } == nil)
            #expect(try await storage.read { try await $0.taskChannels.find(sid: bystander.sid, workspaceSid: home.sid) } == nil)
            #expect(try await storage.read { try await $0.taskChannels.find(uniqueName: "voice", workspaceSid: home.sid) } == original)
            #expect(try await storage.read { try await $0.taskChannels.list(workspaceSid: home.sid, page: PageRequest()) }.items == [original])
            let elsewhere = F.taskChannel(in: away, uniqueName: "voice")
            try await storage.write { try await $0.taskChannels.insert(elsewhere) }
            #expect(try await storage.read { try await $0.taskChannels.find(uniqueName: "voice", workspaceSid: away.sid) } == elsewhere)
        }
    }

    @Test(arguments: TestBackend.available)
    func aSecondWorkerWithTheSameNameInOneWorkspaceIsRejected(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let (_, workspaces) = try await F.seedWorkspaces(storage, count: 2)
            let (home, away) = (workspaces[0], workspaces[1])
            let original = F.worker(in: home, name: "Alice")
            try await storage.write { try await $0.workers.insert(original) }
            let bystander = F.worker(in: home, name: "Bob")
            let duplicate = F.worker(in: home, name: "Alice")
            await #expect(throws: (any Error).self) {
                try await storage.write { session in
                    try await session.workers.insert(bystander)
                    try await session.workers.insert(duplicate)
                }
            }
            #expect(try await storage.read { try await $0.workers.find(sid: duplicate.sid, workspaceSid: home.sid) } == nil)
            #expect(try await storage.read { try await $0.workers.find(sid: bystander.sid, workspaceSid: home.sid) } == nil)
            #expect(try await storage.read { try await $0.workers.find(friendlyName: "Alice", workspaceSid: home.sid) } == original)
            #expect(try await storage.read { try await $0.workers.all(workspaceSid: home.sid) } == [original])
            let elsewhere = F.worker(in: away, name: "Alice")
            try await storage.write { try await $0.workers.insert(elsewhere) }
            #expect(try await storage.read { try await $0.workers.find(friendlyName: "Alice", workspaceSid: away.sid) } == elsewhere)
        }
    }

    @Test(arguments: TestBackend.available)
    func aSecondWorkerChannelForTheSameWorkerAndTaskChannelIsRejected(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let (_, workspaces) = try await F.seedWorkspaces(storage)
            let workspace = workspaces[0]
            let voice = F.taskChannel(in: workspace, uniqueName: "voice")
            let chat = F.taskChannel(in: workspace, uniqueName: "chat")
            let alice = F.worker(in: workspace, name: "Alice")
            let bob = F.worker(in: workspace, name: "Bob")
            let original = F.workerChannel(of: alice, for: voice)
            try await storage.write { session in
                try await session.taskChannels.insert(voice)
                try await session.taskChannels.insert(chat)
                try await session.workers.insert(alice)
                try await session.workers.insert(bob)
                try await session.workers.insertChannel(original)
            }
            let bystander = F.workerChannel(of: alice, for: chat)
            let duplicate = F.workerChannel(of: alice, for: voice, capacity: 7)
            await #expect(throws: (any Error).self) {
                try await storage.write { session in
                    try await session.workers.insertChannel(bystander)
                    try await session.workers.insertChannel(duplicate)
                }
            }
            #expect(try await storage.read { try await $0.workers.channel(sid: duplicate.sid, workerSid: alice.sid) } == nil)
            #expect(try await storage.read { try await $0.workers.channel(sid: bystander.sid, workerSid: alice.sid) } == nil)
            #expect(try await storage.read { try await $0.workers.channel(sid: voice.sid, workerSid: alice.sid) } == original)
            #expect(try await storage.read { try await $0.workers.channels(workerSid: alice.sid, page: PageRequest()) }.items == [original])
            // The pair is what is unique: another worker may have the same task channel.
            let bobVoice = F.workerChannel(of: bob, for: voice)
            try await storage.write { try await $0.workers.insertChannel(bobVoice) }
            #expect(try await storage.read { try await $0.workers.channel(sid: voice.sid, workerSid: bob.sid) } == bobVoice)
        }
    }

    // MARK: - Foreign keys

    @Test(arguments: TestBackend.available)
    func aChildRowCannotReferenceAWorkspaceThatDoesNotExist(_ backend: TestBackend) async throws {
        try await backend.withStorage { (storage: SQLStorage) async throws -> Void in
            let (account, workspaces) = try await F.seedWorkspaces(storage)
            let real = workspaces[0]
            // A workspace that was never stored, in an account that exists.
            let missing = F.workspace(accountSid: account.sid, name: "Ghost")
            let activity = F.activity(in: missing)
            let channel = F.taskChannel(in: missing)
            let queue = F.taskQueue(in: missing)
            let workflow = F.workflow(in: missing)
            let worker = F.worker(in: missing)
            await #expect(throws: (any Error).self) { try await storage.write { try await $0.activities.insert(activity) } }
            await #expect(throws: (any Error).self) { try await storage.write { try await $0.taskChannels.insert(channel) } }
            await #expect(throws: (any Error).self) { try await storage.write { try await $0.taskQueues.insert(queue) } }
            await #expect(throws: (any Error).self) { try await storage.write { try await $0.workflows.insert(workflow) } }
            await #expect(throws: (any Error).self) { try await storage.write { try await $0.workers.insert(worker) } }
            #expect(try await storage.read { try await $0.activities.list(workspaceSid: missing.sid, friendlyName: nil, available: nil, page: PageRequest()) }.items.isEmpty)
            #expect(try await storage.read { try await $0.taskChannels.list(workspaceSid: missing.sid, page: PageRequest()) }.items.isEmpty)
            #expect(try await storage.read { try await $0.taskQueues.list(workspaceSid: missing.sid, friendlyName: nil, page: PageRequest()) }.items.isEmpty)
            #expect(try await storage.read { try await $0.workflows.list(workspaceSid: missing.sid, friendlyName: nil, page: PageRequest()) }.items.isEmpty)
            #expect(try await storage.read { try await $0.workers.all(workspaceSid: missing.sid) }.isEmpty)

            // A worker channel naming a missing workspace (for a real worker), or a missing worker, is refused too.
            let realWorker = F.worker(in: real)
            let realChannel = F.taskChannel(in: real)
            try await storage.write { session in
                try await session.workers.insert(realWorker)
                try await session.taskChannels.insert(realChannel)
            }
            var strayWorkspace = F.workerChannel(of: realWorker, for: realChannel)
            strayWorkspace.workspaceSid = missing.sid
            let strayWorkspaceChannel = strayWorkspace
            await #expect(throws: (any Error).self) { try await storage.write { try await $0.workers.insertChannel(strayWorkspaceChannel) } }
            #expect(try await storage.read { try await $0.workers.channel(sid: strayWorkspaceChannel.sid, workerSid: realWorker.sid) } == nil)
            let ghostWorker = F.worker(in: real, name: "Ghost")
            let strayWorkerChannel = F.workerChannel(of: ghostWorker, for: realChannel)
            await #expect(throws: (any Error).self) { try await storage.write { try await $0.workers.insertChannel(strayWorkerChannel) } }
            #expect(try await storage.read { try await $0.workers.channel(sid: strayWorkerChannel.sid, workerSid: ghostWorker.sid) } == nil)

            // The same rows in the real workspace are accepted, so the refusals above are the foreign key's.
            var accepted = F.activity(in: real)
            accepted.friendlyName = activity.friendlyName
            let acceptedActivity = accepted
            try await storage.write { try await $0.activities.insert(acceptedActivity) }
            #expect(try await storage.read { try await $0.activities.find(sid: acceptedActivity.sid, workspaceSid: real.sid) } == acceptedActivity)
        }
    }
}
