import ArgumentParser
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOPosix

/// Drives one or more servers on one database with `--connections` kept-alive connections for `--duration`
/// seconds per workload, starting with `GET /health` as the baseline of the same run. Journeys end when the server
/// pushes their end (a `StatusCallback` to the bench's own listener, or the handset's event stream), never by
/// polling. Prints each workload as it ends, then one markdown table.
struct HTTPLoadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "http",
        abstract: "Measure rate, p50/p99/max latency, peak RSS and database bytes of API workloads against a running server.")

    @OptionGroup var server: ServerOptions
    @Option(help: "Another server on the same database; connections are spread over all servers. Repeat for more.")
    var alsoUrl: [String] = []
    @Option(help: "Concurrent connections.") var connections = 32
    @Option(help: "Seconds per workload.") var duration = 30.0
    @Option(help: "Comma-separated workloads after the baseline: \(Workload.allCases.map(\.rawValue).joined(separator: ", ")).")
    var workloads = Workload.allCases.map(\.rawValue).joined(separator: ",")
    @Option(help: "Workers the task and interaction workloads set up.") var taskWorkers = 200
    @Option(help: "Each worker's sms capacity (Twilio allows at most 50); tasks are completed after each journey.") var taskCapacity = 50
    @Option(help: "A server process whose peak RSS (VmHWM) is reported; it must be this user's. Repeat for more.")
    var serverPid: [Int32] = []
    @Option(help: "The server's SQLite file; its growth with its -wal, per journey, is reported.") var databaseFile: String?
    @Option(help: "A shell command printing the database's size in bytes (PostgreSQL: pg_database_size).") var databaseSizeCommand: String?
    @Option(help: "wrk's path; when given, the single-request workloads are measured by wrk too, beside wrk's /health.")
    var wrk: String?
    @Option(help: "wrk's threads.") var wrkThreads = 2
    @Option(help: "Appended to every workload's name in the table, such as the database.") var label: String?
    @Option(help: "Seconds to wait after a workload for the outbox to drain before the next one starts.") var drainSeconds = 180.0

    /// The workloads, in the order they run.
    enum Workload: String, CaseIterable {
        case interaction = "interaction-to-handset"
        case messageToHandset = "message-to-handset"
        case taskCreate = "task-create"
        case flexFlowCreate = "flexflow-create"
        case flexFlowFetch = "flexflow-fetch"
        case messageCreate = "message-create"

        var title: String {
            switch self {
            case .interaction: "interaction journey (create → routed → agent message → delivered)"
            case .messageToHandset: "message create → delivered on the handset"
            case .taskCreate: "task create → reservation"
            case .flexFlowCreate: "Flex Flow create"
            case .flexFlowFetch: "Flex Flow fetch"
            case .messageCreate: "message create"
            }
        }

        /// Where this workload's journey numbers start, so no two workloads share an address.
        var numbering: Int {
            switch self {
            case .interaction: 1_000_000_000
            case .messageToHandset: 2_000_000_000
            case .taskCreate: 3_000_000_000
            case .flexFlowCreate: 4_000_000_000
            case .flexFlowFetch: 5_000_000_000
            case .messageCreate: 6_000_000_000
            }
        }
    }

    func validate() throws {
        guard (1...100).contains(connections) else { throw ValidationError("--connections must be 1 to 100") }
        guard duration > 0 else { throw ValidationError("--duration must be positive") }
    }

    func run() async throws {
        let chosen = try workloads.split(separator: ",").map { name in
            guard let workload = Workload(rawValue: String(name)) ?? (name == "interaction" ? .interaction : nil) else {
                throw ValidationError("unknown workload \(name)")
            }
            return workload
        }
        let account = try server.account()
        let authorization = "Basic " + Data("\(account.sid):\(account.token)".utf8).base64EncodedString()
        let servers = try ([server.url] + alsoUrl).map { try BenchServer(url: $0, authorization: authorization) }
        let probe = ServerProbe(pids: serverPid, databaseFile: databaseFile, databaseSizeCommand: databaseSizeCommand)
        let ends = JourneyEnds()
        let listener = try await WebhookListener.start { path, form in MessageJourney.receive(path: path, form: form, ends: ends) }
        let expiry = Task { await ends.expireUntilCancelled() }
        var lanes: [BenchConnection] = []
        defer { expiry.cancel() }
        try await self.server.withTarget(connections: 4) { setup in
            for lane in 0..<connections { lanes.append(try await BenchConnection.open(to: servers[lane % servers.count])) }
            print("switchboard-bench http: \(servers.map { "\($0.host):\($0.port)" }.joined(separator: ", ")), \(connections) connections, "
                  + "\(duration) s per workload, webhooks to \(listener.root)")
            let run = LoadRun(command: self, servers: servers, lanes: lanes, probe: probe, ends: ends, setup: setup, accountSid: account.sid,
                              listenerRoot: listener.root, salt: Int.random(in: 0..<9) * 100_000_000)
            var rows = [try await run.baseline()]
            for workload in chosen {
                rows.append(try await run.measure(workload, baseline: rows[0].rate))
            }
            if let wrk {
                rows += try await run.wrkRows(WrkRun(executable: wrk, connections: connections, threads: wrkThreads, duration: duration),
                                              workloads: chosen, authorization: authorization)
            }
            print("")
            print(WorkloadRow.markdown(rows))
        }
        for lane in lanes { await lane.close() }
        await listener.stop()
    }
}
