import Testing
@testable import SwitchboardAPI
import SwitchboardStorage

@Suite("The operations the router answers")
struct AnsweredOperationTests {
    @Test("lists each registered operation once with OpenAPI-style parameters, and no route clashes")
    func listsRegisteredOperations() async throws {
        let server = try await TestServer.make()
        let operations = try AnsweredOperation.all(dependencies: server.dependencies)
        #expect(operations.contains(AnsweredOperation(method: "POST", path: "/flex-api/v1/FlexFlows")))
        #expect(operations.contains(AnsweredOperation(method: "DELETE", path: "/taskrouter/v1/Workspaces/{workspaceSid}")))
        #expect(Set(operations).count == operations.count)
        try await server.storage.shutdown()
    }

    @Test("leaves out HEAD, which the router derives from GET, and the 405s that refuse a path's other methods")
    func leavesOutDerivedRoutes() async throws {
        let server = try await TestServer.make()
        let operations = try AnsweredOperation.all(dependencies: server.dependencies)
        #expect(!operations.contains { $0.method == "HEAD" })
        // FlexFlows answers GET and POST only; its PUT, PATCH and DELETE are registered solely to answer 405.
        #expect(!operations.contains(AnsweredOperation(method: "DELETE", path: "/flex-api/v1/FlexFlows")))
        #expect(!operations.contains(AnsweredOperation(method: "PUT", path: "/flex-api/v1/FlexFlows")))
        try await server.storage.shutdown()
    }
}
