import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
@testable import SwitchboardAPI

@Suite struct FrontDoorResponderTests {
    @Test func hostHeaderAndPathPrefixReachTheSameResource() async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            try await client.execute(uri: "/v1/FlexFlows", method: .post, headers: .auth(host: "flex-api.twilio.com"), body: ByteBuffer(string: seedFlowForm)) { response in
                #expect(response.status == .created)
                let body = try json(response)
#expect(body["url"] as? String == "http://flex-api.twilio.com/v1/FlexFlows/FO00000000000000000000000000000001")
            }
            try await client.execute(uri: "/flex-api/v1/FlexFlows/FO00000000000000000000000000000001", method: .get, headers: .auth(host: "127.0.0.1:8080")) { response in
                #expect(response.status == .ok)
                let body = try json(response)
#expect(body["url"] as? String == "http://127.0.0.1:8080/flex-api/v1/FlexFlows/FO00000000000000000000000000000001")
            }
        }
    }

    @Test func publicURLIsUsedForLinksWhenSet() async throws {
        let server = try await TestServer.make()
        try await server.test(configuration: ServerConfiguration(publicURL: "https://switchboard.example.com/")) { client in
            try await client.execute(uri: "/v1/FlexFlows?PageSize=1", method: .get, headers: .auth(host: "flex-api.twilio.com")) { response in
                let meta = try json(response)["meta"] as? [String: Any]
                #expect(meta?["first_page_url"] as? String == "https://switchboard.example.com/flex-api/v1/FlexFlows?PageSize=1&Page=0")
            }
        }
    }

    @Test func unknownPathsAnswerTwilios20404Body() async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            for uri in ["/flex-api/v1/Nothing", "/nowhere"] {
                try await client.execute(uri: uri, method: .get, headers: .auth()) { response in
                    #expect(response.status == .notFound)
                    let body = try json(response)
                    #expect(body["code"] as? Int == 20404)
                    #expect(body["more_info"] as? String == "https://www.twilio.com/docs/errors/20404")
                    #expect(Set(body.keys) == ["code", "message", "more_info", "status"])
                }
            }
        }
    }

    @Test func healthNeedsNoCredentialsButResourcesDo() async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            try await client.execute(uri: "/health", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/flex-api/v1/FlexFlows", method: .get) { response in
                #expect(response.status == .unauthorized)
                let body = try json(response)
#expect(body["code"] as? Int == 20003)
            }
        }
    }
}
