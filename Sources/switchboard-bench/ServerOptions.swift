import ArgumentParser
import AsyncHTTPClient
import Foundation
import NIOCore
import NIOPosix

/// Which running server a workload drives, and as which account.
struct ServerOptions: ParsableArguments {
    @Option(help: "The server's root URL.") var url = "http://127.0.0.1:8080"
    @Option(help: "Account SID (default: SWITCHBOARD_ACCOUNT_SID).") var accountSid: String?
    @Option(help: "Auth token (default: SWITCHBOARD_AUTH_TOKEN).") var authToken: String?

    /// The account SID given, or the environment's.
    func account() throws -> (sid: String, token: String) {
        let environment = ProcessInfo.processInfo.environment
        guard let sid = accountSid ?? environment["SWITCHBOARD_ACCOUNT_SID"],
              let token = authToken ?? environment["SWITCHBOARD_AUTH_TOKEN"]
        else { throw ValidationError("give --account-sid and --auth-token, or set SWITCHBOARD_ACCOUNT_SID and SWITCHBOARD_AUTH_TOKEN") }
        return (sid, token)
    }

    /// A client for the server with up to `connections` connections, authenticated as the account; shut its
    /// client down when done.
    func target(connections: Int) throws -> LoadTarget {
        let (sid, token) = try account()
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: connections)
        let client = HTTPClient(eventLoopGroupProvider: .shared(MultiThreadedEventLoopGroup.singleton), configuration: configuration)
        return LoadTarget(client: client, root: url, authorization: "Basic " + Data("\(sid):\(token)".utf8).base64EncodedString())
    }

    /// Runs `body` with a client for the server, and shuts the client down however `body` ends.
    func withTarget(connections: Int, _ body: (LoadTarget) async throws -> Void) async throws {
        let target = try target(connections: connections)
        do {
            try await body(target)
        } catch {
            try await target.client.shutdown()
            throw error
        }
        try await target.client.shutdown()
    }
}
