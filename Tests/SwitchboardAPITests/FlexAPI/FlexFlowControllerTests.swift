import Foundation
import Hummingbird
import HummingbirdTesting
import NIOCore
import Testing
@testable import SwitchboardAPI

@Suite struct FlexFlowControllerTests {
    @Test func seedCreateAnswers201WithTheSeedsResponseShape() async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            try await client.execute(uri: "/flex-api/v1/FlexFlows", method: .post, headers: .auth(), body: ByteBuffer(string: seedFlowForm)) { response in
                #expect(response.status == .created)
                let body = try json(response)
                #expect(body["sid"] as? String == "FO00000000000000000000000000000001")
                #expect(body["date_created"] as? String == "2016-08-01T22:10:40Z")
                #expect(body["contact_identity"] as? String == "+12XXXXXXXXX")
                #expect(body["enabled"] as? Bool == false)
                #expect(Set(body.keys) == ["sid", "account_sid", "date_created", "date_updated", "friendly_name", "chat_service_sid",
                                           "channel_type", "contact_identity", "enabled", "integration_type", "integration",
                                           "long_lived", "janitor_enabled", "url"])
            }
        }
    }

    @Test func updateMovesDateUpdatedByTheInjectedClock() async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            try await client.execute(uri: "/flex-api/v1/FlexFlows", method: .post, headers: .auth(), body: ByteBuffer(string: seedFlowForm)) { _ in }
            server.time.advance(by: 3600)
            try await client.execute(uri: "/flex-api/v1/FlexFlows/FO00000000000000000000000000000001", method: .post, headers: .auth(),
                                     body: ByteBuffer(string: "FriendlyName=Renamed&JanitorEnabled=true")) { response in
                let body = try json(response)
                #expect(body["friendly_name"] as? String == "Renamed")
                #expect(body["janitor_enabled"] as? Bool == true)
                #expect(body["date_created"] as? String == "2016-08-01T22:10:40Z")
                #expect(body["date_updated"] as? String == "2016-08-01T23:10:40Z")
            }
        }
    }

    @Test func aBooleanThatIsNotTrueOrFalseIsRefusedWith20001() async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            try await client.execute(uri: "/flex-api/v1/FlexFlows", method: .post, headers: .auth(),
                                     body: ByteBuffer(string: seedFlowForm + "&LongLived=yes")) { response in
                #expect(response.status == .badRequest)
                let body = try json(response)
#expect(body["code"] as? Int == 20001)
            }
        }
    }

    @Test func malformedPercentEncodingIsA400NotA500() async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            try await client.execute(uri: "/flex-api/v1/FlexFlows", method: .post, headers: .auth(), body: ByteBuffer(string: "FriendlyName=%G1")) { response in
                #expect(response.status == .badRequest)
                let body = try json(response)
#expect(body["code"] as? Int == 20001)
            }
        }
    }
}
