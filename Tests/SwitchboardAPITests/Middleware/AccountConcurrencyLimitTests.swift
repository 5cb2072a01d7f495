import Hummingbird
import HummingbirdTesting
import Testing
@testable import SwitchboardAPI

@Suite struct AccountConcurrencyLimitTests {
    @Test func slotsAreCountedPerAccountAndGivenBack() {
        let inFlight = InFlightRequests(limit: 2)
        #expect(inFlight.acquire("AC1"))
        #expect(inFlight.acquire("AC1"))
        #expect(!inFlight.acquire("AC1"))
        #expect(inFlight.acquire("AC2"))
        inFlight.release("AC1")
        #expect(inFlight.acquire("AC1"))
    }

    @Test func anAccountOverItsLimitGets20429() async throws {
        let server = try await TestServer.make()
        try await server.test(configuration: ServerConfiguration(maxConcurrentRequestsPerAccount: 0)) { client in
            try await client.execute(uri: "/flex-api/v1/FlexFlows", method: .get, headers: .auth()) { response in
                #expect(response.status == .tooManyRequests)
                let body = try json(response)
#expect(body["code"] as? Int == 20429)
            }
        }
    }
}
