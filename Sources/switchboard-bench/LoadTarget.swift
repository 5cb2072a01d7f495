import AsyncHTTPClient
import Foundation
import NIOCore
import NIOFoundationCompat
import NIOHTTP1

/// The server through an ordinary HTTP client, for setting workloads up and for the delivery commands.
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
        else { throw BenchSetupError(description: "could not create a Flex Flow to fetch: HTTP \(response.status.code)") }
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
