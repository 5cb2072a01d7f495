import Foundation
import Hummingbird
import HummingbirdTesting
import Testing
import SwitchboardCore
import SwitchboardStorage
@testable import SwitchboardAPI

/// A workspace with one worker and an API key made through the API, whose secret signs the tests' tokens.
private struct Desk {
    var workspaceSid: String
    var workerSid: String
    var keySid: String
    var secret: String

    static func make(_ client: any TestClientProtocol, account: String = TestServer.accountSid, token: String = TestServer.authToken) async throws -> Desk {
        let workspace = try await post(client, "/taskrouter/v1/Workspaces", "FriendlyName=desk", account: account, token: token)
        let workspaceSid = try #require(workspace["sid"] as? String)
        let worker = try await post(client, "/taskrouter/v1/Workspaces/\(workspaceSid)/Workers", "FriendlyName=ana", account: account, token: token)
        let key = try await post(client, "/api/2010-04-01/Accounts/\(account)/Keys.json", "FriendlyName=desk", account: account, token: token)
        return Desk(workspaceSid: workspaceSid, workerSid: try #require(worker["sid"] as? String),
                    keySid: try #require(key["sid"] as? String), secret: try #require(key["secret"] as? String))
    }

    static func post(_ client: any TestClientProtocol, _ uri: String, _ form: String, account: String, token: String) async throws -> [String: Any] {
        try await client.execute(uri: uri, method: .post, headers: .auth(account, token), body: ByteBuffer(string: form)) { response in
            #expect(response.status == .created)
            return try json(response)
        }
    }

    func token(account: String = TestServer.accountSid, keySid: String? = nil, secret: String? = nil, workspaceSid: String? = nil,
               workerSid: String? = nil, ttl: Int = 3600, now: Date = Date()) async throws -> String {
        try await AgentTokenIssuer.mint(
            accountSid: account, apiKeySid: keySid ?? self.keySid, secret: secret ?? self.secret, identity: "ana@example.com",
            workspaceSid: workspaceSid ?? self.workspaceSid, workerSid: workerSid ?? self.workerSid, ttl: ttl, now: now)
    }
}

@Suite struct AccessTokenVerifierTests {
    /// The code of the 401 `token` gets, or `nil` when it is accepted.
    private func refusal(_ token: String, _ server: TestServer) async throws -> Int? {
        let verifier = AccessTokenVerifier(storage: server.dependencies.storage, secretBox: server.dependencies.secretBox)
        do {
            _ = try await verifier.principal(for: token)
            return nil
        } catch let error as TwilioError {
            #expect(error.httpStatus == 401)
            return error.code
        }
    }

    @Test func aTokenSignedWithItsKeysSecretSignsInAsTheWorker() async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            let desk = try await Desk.make(client)
            let verifier = AccessTokenVerifier(storage: server.dependencies.storage, secretBox: server.dependencies.secretBox)
            let principal = try await verifier.principal(for: try await desk.token(ttl: 600))
            #expect(principal.account.sid == TestServer.accountSid)
            #expect(principal.apiKeySid == desk.keySid)
            let agent = try #require(principal.agent)
            #expect((agent.identity, agent.workspaceSid, agent.workerSid) == ("ana@example.com", desk.workspaceSid, desk.workerSid))
            #expect(abs(agent.expiresAt.timeIntervalSinceNow - 600) < 5)
        }
    }

    @Test func aForgedSignatureIs20107() async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            let desk = try await Desk.make(client)
            #expect(try await refusal(try await desk.token(secret: String(repeating: "f", count: 32)), server) == 20107)
        }
    }

    @Test func aKeyThatDoesNotExistOrBelongsToAnotherAccountIs20103() async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            let desk = try await Desk.make(client)
            #expect(try await refusal(try await desk.token(keySid: "SK" + String(repeating: "0", count: 32)), server) == 20103)
            _ = try await AccountBootstrap.run(accountSid: "AC" + String(repeating: "b", count: 32), authToken: "other", dependencies: server.dependencies)
            let theirs = try await Desk.make(client, account: "AC" + String(repeating: "b", count: 32), token: "other")
            // Their key, with its real secret, signing for our account and our worker.
            #expect(try await refusal(try await desk.token(keySid: theirs.keySid, secret: theirs.secret), server) == 20103)
        }
    }

    @Test func anExpiredTokenIs20104AndOneNotYetValidIs20105() async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            let desk = try await Desk.make(client)
            #expect(try await refusal(try await desk.token(ttl: 60, now: Date().addingTimeInterval(-120)), server) == 20104)
            #expect(try await refusal(try await desk.token(now: Date().addingTimeInterval(3600)), server) == 20105)
        }
    }

    @Test func aWorkerOutsideTheGrantedWorkspaceIs20106() async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            let desk = try await Desk.make(client)
            let other = try await Desk.make(client)
            #expect(try await refusal(try await desk.token(workerSid: other.workerSid), server) == 20106)
            #expect(try await refusal(try await desk.token(workspaceSid: "WS" + String(repeating: "0", count: 32)), server) == 20106)
        }
    }

    @Test func aTokenWithoutATaskRouterGrantIs20106() async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            let desk = try await Desk.make(client)
            let claims = AccessTokenClaims(
                jti: nil, iss: desk.keySid, sub: TestServer.accountSid, exp: Date().addingTimeInterval(600), nbf: nil,
                grants: .init(identity: "ana@example.com", taskRouter: nil, chat: .init(serviceSid: "IS" + String(repeating: "0", count: 32))))
            #expect(try await refusal(try await claims.signed(with: desk.secret), server) == 20106)
        }
    }

    @Test func somethingThatIsNotAJWTIs20101() async throws {
        let server = try await TestServer.make()
        try await server.test { _ in
            let garbage = try await refusal("not-a-token", server)
            let undecodable = try await refusal("a.b.c", server)
            #expect(garbage == 20101)
            #expect(undecodable == 20101)
        }
    }

    @Test func aKeyMadeBeforeSecretsWereSealedCannotSignAndSaysSo() async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            let desk = try await Desk.make(client)
            let legacy = ApiKey(sid: "SK" + String(repeating: "1", count: 32), accountSid: TestServer.accountSid, friendlyName: "old",
                                secretDigest: Secrets.digest(String(repeating: "0", count: 32)), dateCreated: TestServer.start, dateUpdated: TestServer.start)
            try await server.dependencies.storage.write { try await $0.apiKeys.insert(legacy) }
            let verifier = AccessTokenVerifier(storage: server.dependencies.storage, secretBox: server.dependencies.secretBox)
            let error = await #expect(throws: TwilioError.self) {
                _ = try await verifier.principal(for: try await desk.token(keySid: legacy.sid, secret: String(repeating: "0", count: 32)))
            }
            #expect(error?.code == 20107)
            #expect(error?.message.contains("created before Switchboard kept key secrets") == true)
        }
    }
}
