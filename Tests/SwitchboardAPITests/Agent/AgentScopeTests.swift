import Foundation
import HTTPTypes
import Testing
@testable import SwitchboardAPI

@Suite struct AgentScopeTests {
    static let agent = AgentGrant(identity: "ana", workspaceSid: "WS1", workerSid: "WK1", expiresAt: Date())

    static let table: [(HTTPRequest.Method, String, AgentScope.Decision)] = [
        // Its workspace: reads anywhere, writes as its worker.
        (.get, "/taskrouter/v1/Workspaces/WS1", .allowed),
        (.get, "/taskrouter/v1/Workspaces/WS1/Workers", .allowed),
        (.get, "/taskrouter/v1/Workspaces/WS1/Workers/WK2", .allowed),
        (.get, "/taskrouter/v1/Workspaces/WS1/TaskQueues/WQ1/RealTimeStatistics", .allowed),
        (.get, "/taskrouter/v1/Workspaces/WS1/Workers/WK1/Reservations", .allowed),
        (.post, "/taskrouter/v1/Workspaces/WS1/Workers/WK1", .allowed),
        (.post, "/taskrouter/v1/Workspaces/WS1/Workers/WK1/Reservations/WR1", .allowed),
        (.post, "/taskrouter/v1/Workspaces/WS1/Workers/WK1/Channels/WC1", .allowed),
        (.post, "/taskrouter/v1/Workspaces/WS1/Tasks/WT1/Reservations/WR1", .ifReservationOfWorker(taskSid: "WT1", reservationSid: "WR1")),
        (.post, "/taskrouter/v1/Workspaces/WS1/Tasks/WT1", .ifTaskReservedToWorker(taskSid: "WT1")),
        // Elsewhere in it, and other workspaces.
        (.get, "/taskrouter/v1/Workspaces/WS1/Workers/WK2/Reservations", .forbidden("")),
        (.get, "/taskrouter/v1/Workspaces/WS1/Workers/WK2/Reservations/WR1", .forbidden("")),
        (.post, "/taskrouter/v1/Workspaces/WS1/Workers/WK2", .forbidden("")),
        (.post, "/taskrouter/v1/Workspaces/WS1/Workers/WK2/Reservations/WR1", .forbidden("")),
        (.post, "/taskrouter/v1/Workspaces/WS1/Workers", .forbidden("")),
        (.delete, "/taskrouter/v1/Workspaces/WS1/Workers/WK1", .forbidden("")),
        (.post, "/taskrouter/v1/Workspaces/WS1", .forbidden("")),
        (.post, "/taskrouter/v1/Workspaces/WS1/Activities", .forbidden("")),
        (.post, "/taskrouter/v1/Workspaces/WS1/Tasks", .forbidden("")),
        (.get, "/taskrouter/v1/Workspaces", .forbidden("")),
        (.get, "/taskrouter/v1/Workspaces/WS2/Workers", .forbidden("")),
        // Other domains.
        (.get, "/conversations/v1/Conversations/CH1/Messages", .allowed),
        (.post, "/conversations/v1/Conversations/CH1/Messages", .allowed),
        (.post, "/flex-api/v1/Interactions", .allowed),
        (.post, "/flex-api/v1/Interactions/KD1/Channels/UO1/Participants/UT1", .allowed),
        (.get, "/content/v1/Content", .allowed),
        (.post, "/sandbox/v1/Messages", .allowed),
        (.get, "/switchboard/v1/Agent", .allowed),
        (.get, "/switchboard/v1/Agent/Events", .allowed),
        (.get, "/switchboard/v1/Outbox", .forbidden("")),
        (.get, "/flex-api/v1/FlexFlows", .forbidden("")),
        (.get, "/flex-api/v1/Channels", .forbidden("")),
        (.get, "/api/2010-04-01/Accounts/AC1.json", .forbidden("")),
        (.post, "/api/2010-04-01/Accounts/AC1/Keys.json", .forbidden("")),
        (.get, "/chat/v2/Services", .forbidden("")),
        (.get, "/proxy/v1/Services", .forbidden("")),
        (.get, "/", .forbidden("")),
    ]

    @Test(arguments: 0..<table.count)
    func theAgentActsOnlyAsItsWorkerInItsWorkspace(row: Int) {
        let (method, path, expected) = Self.table[row]
        let decision = AgentScope.decide(method: method, path: path, agent: Self.agent)
        switch (decision, expected) {
        case (.forbidden(let reason), .forbidden):
            #expect(!reason.isEmpty, "\(method) \(path)")
        default:
            #expect(decision == expected, "\(method) \(path)")
        }
    }
}
