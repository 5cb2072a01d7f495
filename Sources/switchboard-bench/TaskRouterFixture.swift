import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1

/// A workspace set up over the API for the task workload: one queue for everyone, a workflow into it, and
/// Available workers with room for many tasks each on the sms channel.
struct TaskRouterFixture: Sendable {
    let workspaceSid: String
    let workflowSid: String

    static func create(target: LoadTarget, workers: Int, capacity: Int) async throws -> TaskRouterFixture {
        let workspace = try await target.json("POST", "/taskrouter/v1/Workspaces", form: "FriendlyName=bench-\(UUID().uuidString)")
        let base = "/taskrouter/v1/Workspaces/\(workspace["sid"] as! String)"
        let queue = try await target.json("POST", base + "/TaskQueues", form: "FriendlyName=Everyone&TargetWorkers=1%3D%3D1")
        let configuration = #"{"task_routing":{"default_filter":{"queue":"\#(queue["sid"] as! String)"}}}"#
        let workflow = try await target.json("POST", base + "/Workflows",
                                             form: "FriendlyName=Main&Configuration=" + configuration.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!)
        let activities = try await target.json("GET", base + "/Activities?FriendlyName=Available")
        let available = ((activities["activities"] as! [[String: Any]])[0]["sid"] as! String)
        for n in 0..<workers {
            let worker = try await target.json("POST", base + "/Workers", form: "FriendlyName=agent\(n)&ActivitySid=\(available)")
            _ = try await target.json("POST", base + "/Workers/\(worker["sid"] as! String)/Channels/sms", form: "Capacity=\(capacity)")
        }
        return TaskRouterFixture(workspaceSid: workspace["sid"] as! String, workflowSid: workflow["sid"] as! String)
    }

    /// The path of task `sid`.
    func taskPath(_ sid: String) -> String {
        "/taskrouter/v1/Workspaces/\(workspaceSid)/Tasks/\(sid)"
    }

    /// The update that completes an assigned task, giving its worker's capacity back.
    static let completion = "AssignmentStatus=completed&Reason=bench"

    /// The body of one task create: auto-answered, so each task ends assigned when routing succeeded.
    var taskForm: String {
        "WorkflowSid=\(workflowSid)&TaskChannel=sms&Attributes=" + #"{"autoAnswer":"true"}"#.addingPercentEncoding(withAllowedCharacters: .alphanumerics)!
    }
}

extension LoadTarget {
    /// Sends one request and returns its JSON object; anything but 2xx is an error.
    func json(_ method: String, _ path: String, form: String? = nil) async throws -> [String: Any] {
        let response = try await client.execute(request(method, path, form: form), timeout: .seconds(60))
        let body = try await response.body.collect(upTo: 1 << 22)
        guard (200..<300).contains(Int(response.status.code)),
              let object = try JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any]
        else { throw BenchSetupError(description: "\(method) \(path): HTTP \(response.status.code) \(String(buffer: body))") }
        return object
    }
}

/// Setting up a workload failed.
struct BenchSetupError: Error, CustomStringConvertible {
    let description: String
}
