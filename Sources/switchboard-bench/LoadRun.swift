import AsyncHTTPClient
import Foundation
import NIOCore

/// One `http` run: its connections, its probe of the server, and how each workload is driven and reported.
struct LoadRun: Sendable {
    let command: HTTPLoadCommand
    /// The servers, all on one database.
    let servers: [BenchServer]
    /// One connection per lane, spread over the servers.
    let lanes: [BenchConnection]
    let probe: ServerProbe
    let ends: JourneyEnds
    /// An ordinary client for setting workloads up, off the clock.
    let setup: LoadTarget
    let accountSid: String
    let listenerRoot: String
    /// Added to every journey number, so a second run against the same database uses other addresses.
    let salt: Int

    var duration: Double { command.duration }

    func name(_ title: String) -> String {
        command.label.map { "\(title) (\($0))" } ?? title
    }

    /// `GET /health`, the run's baseline.
    func baseline() async throws -> WorkloadRow {
        let requests = lanes.map { $0.server.request("GET", "/health") }
        return try await measured(name("GET /health (baseline)"), baseline: nil, perJourney: false) {
            try await closedLoop(first: 0, make: { lane in { [request = requests[lane]] _ in request } }, accept: { $0.status == 200 })
        }
    }

    /// Sets up and drives `workload`, and reports it beside `baseline` (requests/s of `/health`).
    func measure(_ workload: HTTPLoadCommand.Workload, baseline: Double) async throws -> WorkloadRow {
        let first = workload.numbering + salt
        let title = name(workload.title)
        switch workload {
        case .interaction:
            let fixture = try await TaskRouterFixture.create(target: setup, workers: command.taskWorkers, capacity: command.taskCapacity)
            let journey = InteractionJourney(fixture: fixture, ends: ends)
            // One stream per server: a delivery wakes the stream of the process that committed it at once.
            var streams: [HandsetEventStream] = []
            for server in servers {
                streams.append(try await HandsetEventStream.open(server: server, address: InteractionJourney.customer) { delivery in
                    InteractionJourney.receive(delivery, ends: ends)
                })
            }
            let row = try await measured(title, baseline: baseline, perJourney: true) {
                await journeys(first: first) { lane, n in await journey.run(on: lane, n) }
            }
            for stream in streams { await stream.close() }
            return row
        case .messageToHandset:
            let journey = MessageJourney(accountSid: accountSid, callbackRoot: listenerRoot, ends: ends)
            return try await measured(title, baseline: baseline, perJourney: true) {
                await journeys(first: first) { lane, n in
                    let began = ContinuousClock.now
                    return await journey.run(on: lane, n) ? began.duration(to: .now) : nil
                }
            }
        case .taskCreate:
            let fixture = try await TaskRouterFixture.create(target: setup, workers: command.taskWorkers, capacity: command.taskCapacity)
            let path = "/taskrouter/v1/Workspaces/\(fixture.workspaceSid)/Tasks"
            let form = fixture.taskForm
            let assigned = Array(#""assignment_status":"assigned""#.utf8)
            return try await measured(title, baseline: baseline, perJourney: true) {
                await journeys(first: first) { lane, _ in
                    // The engine reserves before it answers, so the create's latency is create-to-reservation; a
                    // task that did not come back assigned is a failure. Completing it afterwards is off the clock.
                    let began = ContinuousClock.now
                    guard let created = try? await lane.call(lane.server.request("POST", path, form: form)),
                          created.status == 201, created.bodyContains(assigned)
                    else { return nil }
                    let elapsed = began.duration(to: .now)
                    if let sid = Self.sid(in: created.text) {
                        _ = try? await lane.call(lane.server.request("POST", fixture.taskPath(sid), form: TaskRouterFixture.completion))
                    }
                    return elapsed
                }
            }
        case .flexFlowCreate:
            return try await measured(title, baseline: baseline, perJourney: true) {
                try await closedLoop(first: first, make: { lane in
                    let server = lanes[lane].server
                    return { n in server.request("POST", "/flex-api/v1/FlexFlows", form: FlexFlowForm.create(n)) }
                }, accept: { $0.status == 201 })
            }
        case .flexFlowFetch:
            let sid = try await setup.createFlexFlow()
            let requests = lanes.map { $0.server.request("GET", "/flex-api/v1/FlexFlows/\(sid)") }
            return try await measured(title, baseline: baseline, perJourney: false) {
                try await closedLoop(first: first, make: { lane in { [request = requests[lane]] _ in request } }, accept: { $0.status == 200 })
            }
        case .messageCreate:
            let path = MessageJourney.path(accountSid: accountSid)
            return try await measured(title, baseline: baseline, perJourney: true) {
                try await closedLoop(first: first, make: { lane in
                    let server = lanes[lane].server
                    return { n in server.request("POST", path, form: MessageJourney.form(n)) }
                }, accept: { $0.status == 201 })
            }
        }
    }

    /// wrk's `/health`, then each single-request workload of `workloads`, each beside wrk's `/health`.
    func wrkRows(_ wrk: WrkRun, workloads: [HTTPLoadCommand.Workload], authorization: String) async throws -> [WorkloadRow] {
        let root = command.server.url
        let health = try await measuredWrk(name("GET /health (wrk baseline)"), baseline: nil, perJourney: false) {
            try wrk.run(url: root + "/health", script: WrkRun.script(method: "GET", authorization: authorization, body: nil, numbered: false))
        }
        var rows = [health]
        for workload in workloads {
            let script: String
            let url: String
            switch workload {
            case .flexFlowCreate:
                url = root + "/flex-api/v1/FlexFlows"
                script = WrkRun.script(method: "POST", authorization: authorization, body: FlexFlowForm.create(0), numbered: false)
            case .flexFlowFetch:
                url = root + "/flex-api/v1/FlexFlows/" + (try await setup.createFlexFlow())
                script = WrkRun.script(method: "GET", authorization: authorization, body: nil, numbered: false)
            case .messageCreate:
                url = root + MessageJourney.path(accountSid: accountSid)
                // wrk's customers are +1556…, apart from the bench's.
                script = WrkRun.script(method: "POST", authorization: authorization,
                                       body: "To=%2B1556%d&From=%2B15005550006&Body=Benchmark+message", numbered: true)
            default:
                continue
            }
            rows.append(try await measuredWrk(name(workload.title + " (wrk)"), baseline: health.rate, perJourney: workload != .flexFlowFetch) {
                try wrk.run(url: url, script: script)
            })
        }
        return rows
    }

    /// Runs `body` between two readings of the server: peak RSS reset before and read after, and, when `perJourney`,
    /// the database's growth divided by the successes, read once the outbox has drained so that the size is at rest.
    func measured(_ title: String, baseline: Double?, perJourney: Bool, _ body: () async throws -> LatencyStats) async throws -> WorkloadRow {
        probe.resetPeak()
        let before = perJourney ? probe.databaseBytes() : nil
        let stats = try await body()
        ends.clearEarly()
        let resident = probe.peakResident()
        try await drain()
        let row = WorkloadRow(title, stats: stats, baseline: baseline, peakResident: resident,
                              bytesPerJourney: perBytes(before: before, count: stats.count))
        print(row.summary)
        return row
    }

    /// As ``measured(_:baseline:perJourney:_:)``, for a wrk run; its successes are its rate times the duration.
    func measuredWrk(_ title: String, baseline: Double?, perJourney: Bool, _ body: () async throws -> WrkRun.Result) async throws -> WorkloadRow {
        probe.resetPeak()
        let before = perJourney ? probe.databaseBytes() : nil
        let result = try await body()
        let resident = probe.peakResident()
        try await drain()
        let row = WorkloadRow(title, wrk: result, baseline: baseline, peakResident: resident,
                              bytesPerJourney: perBytes(before: before, count: Int(result.rate * duration)))
        print(row.summary)
        return row
    }

    func perBytes(before: Int64?, count: Int) -> Double? {
        guard let before, let after = probe.databaseBytes(), count > 0 else { return nil }
        return Double(after - before) / Double(count)
    }

    /// Every lane sends requests back to back on its event loop until the duration ends.
    func closedLoop(first: Int, make: (Int) -> @Sendable (Int) -> BenchRequest, accept: @escaping @Sendable (BenchResponse) -> Bool) async throws -> LatencyStats {
        let started = ContinuousClock.now
        let deadline = NIODeadline.now() + .nanoseconds(Int64(duration * 1e9))
        let runs = lanes.enumerated().map { lane, connection in
            connection.closedLoop(until: deadline, first: first + lane * 1_000_000, make: make(lane), accept: accept)
        }
        var all = LatencySamples()
        for run in runs { all.merge(try await run.get()) }
        return LatencyStats(all, seconds: Self.seconds(since: started))
    }

    /// Every lane runs journeys one after another until the duration ends; `journey` returns a journey's
    /// duration, or `nil` when it failed.
    func journeys(first: Int, _ journey: @escaping @Sendable (BenchConnection, Int) async -> Duration?) async -> LatencyStats {
        let started = ContinuousClock.now
        let deadline = started.advanced(by: .nanoseconds(Int64(duration * 1e9)))
        let all = await withTaskGroup(of: LatencySamples.self) { group in
            for (lane, connection) in lanes.enumerated() {
                group.addTask {
                    var samples = LatencySamples()
                    var n = first + lane * 1_000_000
                    while ContinuousClock.now < deadline {
                        n += 1
                        if let elapsed = await journey(connection, n) {
                            let parts = elapsed.components
                            samples.record(microseconds: parts.seconds * 1_000_000 + parts.attoseconds / 1_000_000_000_000)
                        } else {
                            samples.failures += 1
                        }
                    }
                    return samples
                }
            }
            var all = LatencySamples()
            for await samples in group { all.merge(samples) }
            return all
        }
        return LatencyStats(all, seconds: Self.seconds(since: started))
    }

    /// Waits, off the clock, until no outbox entry is pending, so one workload's deliveries do not run into the next.
    func drain() async throws {
        let run = SenderDeliveryRun(target: setup, accountSid: accountSid, connections: 1)
        let giveUp = ContinuousClock.now.advanced(by: .nanoseconds(Int64(command.drainSeconds * 1e9)))
        while try await run.pendingEntries() > 0 {
            guard ContinuousClock.now < giveUp else {
                print("  (the outbox still had pending entries after \(command.drainSeconds) s; the next workload starts anyway)")
                return
            }
            try await Task.sleep(for: .milliseconds(200))
        }
    }

    /// The first `"sid":"…"` of a JSON answer.
    static func sid(in text: String) -> String? {
        guard let start = text.range(of: #""sid":""#) else { return nil }
        let rest = text[start.upperBound...]
        return rest.firstIndex(of: "\"").map { String(rest[..<$0]) }
    }

    static func seconds(since start: ContinuousClock.Instant) -> Double {
        let elapsed = start.duration(to: .now).components
        return Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18
    }
}
