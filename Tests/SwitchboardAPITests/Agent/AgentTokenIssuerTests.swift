import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import SwitchboardCore
import SwitchboardStorage
@testable import SwitchboardAPI

@Suite struct AgentTokenIssuerTests {
    /// One part of a JWT, decoded.
    private func part(_ token: String, _ index: Int) throws -> [String: Any] {
        var text = String(token.split(separator: ".")[index]).replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        text += String(repeating: "=", count: (4 - text.count % 4) % 4)
        let data = try #require(Data(base64Encoded: text))
        return try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
    }

    @Test func aTokenIsShapedAsTheTwilioLibraryShapesIt() async throws {
        let now = Date(timeIntervalSince1970: 1_800_000_000.75)
        let token = try await AgentTokenIssuer.mint(
            accountSid: "AC1", apiKeySid: "SK1", secret: String(repeating: "s", count: 32), identity: "ana",
            workspaceSid: "WS1", workerSid: "WK1", ttl: 600, now: now)
        let header = try part(token, 0)
        #expect(header["typ"] as? String == "JWT")
        #expect(header["alg"] as? String == "HS256")
        #expect(header["cty"] as? String == "twilio-fpa;v=1")
        let payload = try part(token, 1)
        #expect(payload["jti"] as? String == "SK1-1800000000")
        #expect(payload["iss"] as? String == "SK1")
        #expect(payload["sub"] as? String == "AC1")
        #expect(payload["nbf"] as? Int == 1_800_000_000)
        #expect(payload["exp"] as? Int == 1_800_000_600)
        let grants = try #require(payload["grants"] as? [String: Any])
        #expect(grants["identity"] as? String == "ana")
        #expect(grants["task_router"] as? [String: String] == ["workspace_sid": "WS1", "worker_sid": "WK1", "role": "worker"])
    }

    @Test func anIssuedTokenSignsInAsTheWorkerWithANewKey() async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            let workspace = try await client.execute(uri: "/taskrouter/v1/Workspaces", method: .post, headers: .auth(),
                                                     body: ByteBuffer(string: "FriendlyName=desk")) { try json($0) }
            let workspaceSid = try #require(workspace["sid"] as? String)
            let worker = try await client.execute(uri: "/taskrouter/v1/Workspaces/\(workspaceSid)/Workers", method: .post, headers: .auth(),
                                                  body: ByteBuffer(string: "FriendlyName=dora")) { try json($0) }
            let workerSid = try #require(worker["sid"] as? String)
            let issuer = AgentTokenIssuer(storage: server.dependencies.storage, secretBox: server.dependencies.secretBox)
            let issued = try await issuer.issue(workerSid: workerSid, ttl: 600)
            #expect((issued.accountSid, issued.workspaceSid, issued.workerSid, issued.identity) == (TestServer.accountSid, workspaceSid, workerSid, "dora"))
            let key = try await server.dependencies.storage.read { try await $0.apiKeys.find(sid: issued.apiKeySid) }
            #expect(key?.sealedSecret != nil)
            let principal = try await AccessTokenVerifier(storage: server.dependencies.storage, secretBox: server.dependencies.secretBox)
                .principal(for: issued.token)
            #expect(principal.agent?.workerSid == workerSid)
            await #expect(throws: AgentTokenIssuerError.self) { try await issuer.issue(workerSid: "WK" + String(repeating: "0", count: 32), ttl: 600) }
        }
    }

    @Test func theSignInLinkCarriesTheTokenInTheFragment() {
        #expect(AgentTokenIssuer.signInLink(token: "t.o.k", publicURL: nil) == "http://127.0.0.1:8080/#token=t.o.k")
        #expect(AgentTokenIssuer.signInLink(token: "t.o.k", publicURL: "https://desk.example.com/") == "https://desk.example.com/#token=t.o.k")
    }
}
