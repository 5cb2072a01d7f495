import Foundation
import Hummingbird
import HummingbirdTesting
import HTTPTypes
import Testing
@testable import SwitchboardAPI

@Suite struct DesktopControllerTests {
    @Test func theDesktopAndTheSimulatorAreServedWithoutCredentialsUnderAPolicyThatAllowsNoInlineScript() async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            for (path, marker) in [("/", "Switchboard agent desktop"), ("/sandbox", "Customer simulator")] {
                try await client.execute(uri: path, method: .get) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentType] == "text/html; charset=utf-8")
                    let policy = response.headers[HTTPField.Name("Content-Security-Policy")!] ?? ""
                    #expect(policy.contains("script-src 'self'") && !policy.contains("unsafe-inline"))
                    #expect(response.headers[HTTPField.Name("X-Content-Type-Options")!] == "nosniff")
                    #expect(String(buffer: response.body).contains(marker))
                }
            }
        }
    }

    @Test func assetsAnswerWithTheirContentTypesAndAnUnknownAssetIsTwilios404() async throws {
        let server = try await TestServer.make()
        try await server.test { client in
            try await client.execute(uri: "/assets/desktop.js", method: .get) { response in
                #expect(response.status == .ok)
                #expect(response.headers[.contentType] == "text/javascript; charset=utf-8")
            }
            try await client.execute(uri: "/assets/switchboard.css", method: .get) { response in
                #expect(response.headers[.contentType] == "text/css; charset=utf-8")
            }
            try await client.execute(uri: "/assets/no-such-file.js", method: .get) { response in
                #expect(response.status == .notFound)
                let body = try json(response)
                #expect(body["code"] as? Int == 20404)
            }
        }
    }
}
