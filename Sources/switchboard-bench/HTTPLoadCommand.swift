import ArgumentParser
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOPosix
import NIOHTTP1
import NIOFoundationCompat

/// Drives a running server with `--connections` concurrent clients for `--duration` seconds per workload,
/// always starting with `GET /health` as the baseline of the same run.
struct HTTPLoadCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "http",
        abstract: "Measure requests/s and p50/p99/max latency of API workloads against a running server.")

    @OptionGroup var server: ServerOptions
    @Option(help: "Concurrent connections.") var connections = 32
    @Option(help: "Seconds per workload.") var duration = 10.0
    @Option(help: "Comma-separated workloads after the baseline: flexflow-create, flexflow-fetch, task-create, message-create, message-to-handset, interaction-to-handset.")
    var workloads = "flexflow-create,flexflow-fetch"
    @Option(help: "Workers the task-create workload sets up.") var taskWorkers = 200
    @Option(help: "Each worker's sms capacity in the task-create workload (Twilio allows at most 50).") var taskCapacity = 50

    func run() async throws {
        let sid = try server.account().sid
        let target = try server.target(connections: connections)
        let client = target.client
        print("switchboard-bench http: \(server.url), \(connections) connections, \(duration) s per workload")
        do {
            let baseline = try await measure(target: target, request: { _ in target.request("GET", "/health") }, expect: 200)
            print(baseline.line("health (baseline)", baseline: nil))
            for workload in workloads.split(separator: ",").map(String.init) {
                let stats: LatencyStats
                switch workload {
                case "flexflow-create":
                    stats = try await measure(target: target, request: { n in
                        target.request("POST", "/flex-api/v1/FlexFlows", form: FlexFlowForm.create(n))
                    }, expect: 201)
                case "flexflow-fetch":
                    let sid = try await target.createFlexFlow()
                    stats = try await measure(target: target, request: { _ in target.request("GET", "/flex-api/v1/FlexFlows/\(sid)") }, expect: 200)
                case "task-create":
                    let fixture = try await TaskRouterFixture.create(target: target, workers: taskWorkers, capacity: taskCapacity)
                    let path = "/taskrouter/v1/Workspaces/\(fixture.workspaceSid)/Tasks"
                    let form = fixture.taskForm
                    // The engine reserves before it answers, so each request's latency is create-to-reservation;
                    // a task that did not come back assigned counts as a failure.
                    stats = try await measure(target: target, request: { _ in target.request("POST", path, form: form) }, expect: 201,
                                              bodyMustContain: #""assignment_status":"assigned""#)
                case "message-create":
                    let path = MessageJourney.path(accountSid: sid)
                    stats = try await measure(target: target, request: { n in
                        target.request("POST", path, form: MessageJourney.form(n))
                    }, expect: 201)
                case "message-to-handset":
                    let journey = MessageJourney(target: target, accountSid: sid)
                    stats = try await measure { n in try await journey.sendAndAwaitHandset(n) }
                case "interaction-to-handset":
                    let fixture = try await TaskRouterFixture.create(target: target, workers: taskWorkers, capacity: taskCapacity)
                    let journey = InteractionJourney(target: target, fixture: fixture)
                    // Customers of this workload start far above message-to-handset's, so the two never share a handset.
                    stats = try await measure { n in try await journey.createAndAwaitHandset(n + 500_000_000) }
                default:
                    throw ValidationError("unknown workload \(workload)")
                }
                print(stats.line(workload, baseline: baseline))
            }
        } catch {
            try await client.shutdown()
            throw error
        }
        try await client.shutdown()
    }

    /// Runs one request workload on every connection until the duration ends.
    func measure(
        target: LoadTarget, request make: @escaping @Sendable (Int) -> HTTPClientRequest, expect status: Int, bodyMustContain: String? = nil
    ) async throws -> LatencyStats {
        try await measure { n in
            let response = try await target.client.execute(make(n), timeout: .seconds(30))
            let body = try await response.body.collect(upTo: 1 << 20)
            return Int(response.status.code) == status && (bodyMustContain.map { String(buffer: body).contains($0) } ?? true)
        }
    }

    /// Runs `operation` (numbered uniquely, `true` for success) on every connection until the duration ends, timing each.
    func measure(_ operation: @escaping @Sendable (Int) async throws -> Bool) async throws -> LatencyStats {
        let clock = ContinuousClock()
        let deadline = clock.now.advanced(by: .milliseconds(Int(duration * 1000)))
        let start = clock.now
        let results = try await withThrowingTaskGroup(of: ([Int64], Int).self) { group in
            for worker in 0..<connections {
                group.addTask {
                    var samples: [Int64] = []
                    var failures = 0
                    var n = worker * 10_000_000
                    while clock.now < deadline {
                        n += 1
                        let began = clock.now
                        if (try? await operation(n)) == true {
                            let elapsed = began.duration(to: clock.now).components
                            samples.append(elapsed.seconds * 1_000_000 + elapsed.attoseconds / 1_000_000_000_000)
                        } else {
                            failures += 1
                        }
                    }
                    return (samples, failures)
                }
            }
            var all: [Int64] = []
            var failures = 0
            for try await (samples, failed) in group {
                all += samples
                failures += failed
            }
            return (all, failures)
        }
        let elapsed = start.duration(to: clock.now).components
        return LatencyStats(samples: results.0, failures: results.1,
                            seconds: Double(elapsed.seconds) + Double(elapsed.attoseconds) / 1e18)
    }
}

/// The server under load and how to address it.
struct LoadTarget: Sendable {
    let client: HTTPClient
    let root: String
    let authorization: String

    func request(_ method: String, _ path: String, form: String? = nil) -> HTTPClientRequest {
        var request = HTTPClientRequest(url: root + path)
        request.method = .init(rawValue: method)
        request.headers.add(name: "Authorization", value: authorization)
        if let form {
            request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
            request.body = .bytes(ByteBuffer(string: form))
        }
        return request
    }

    /// Creates one flow to fetch repeatedly and returns its SID.
    func createFlexFlow() async throws -> String {
        let response = try await client.execute(request("POST", "/flex-api/v1/FlexFlows", form: FlexFlowForm.create(0)), timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 1 << 20)
        guard response.status.code == 201,
              let json = try JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any],
              let sid = json["sid"] as? String
        else { throw ValidationError("could not create a Flex Flow to fetch: HTTP \(response.status.code)") }
        return sid
    }
}

/// The Flex Flow of seed 000's Step 1, numbered so each create is distinct.
enum FlexFlowForm {
    static func create(_ n: Int) -> String {
        "FriendlyName=Outbound+SMS+\(n)&ChannelType=sms&ContactIdentity=%2B15005550006"
            + "&ChatServiceSid=IS00000000000000000000000000000000&IntegrationType=task"
            + "&Integration.WorkspaceSid=WS00000000000000000000000000000000"
            + "&Integration.WorkflowSid=WW00000000000000000000000000000000&Integration.Channel=sms&Enabled=false"
    }
}
