import Testing
@testable import switchboard_bench

@Suite struct WrkRunTests {
    static let output = """
    Running 30s test @ http://127.0.0.1:18090/health
      2 threads and 32 connections
      Thread Stats   Avg      Stdev     Max   +/- Stdev
        Latency     1.52ms    2.10ms  41.37ms   92.11%
        Req/Sec    11.10k     1.20k   14.02k    70.50%
      Latency Distribution
         50%  812.00us
         75%    1.41ms
         90%    3.02ms
         99%   10.55ms
      663104 requests in 30.10s, 78.42MB read
      Socket errors: connect 0, read 2, write 0, timeout 1
      Non-2xx or 3xx responses: 4
    Requests/sec:  22029.37
    Transfer/sec:      2.61MB
    """

    @Test func readsRateLatenciesAndFailures() throws {
        let result = try WrkRun.parse(Self.output)
        #expect(result.rate == 22029.37)
        #expect(abs(result.p50 - 0.812) < 1e-9)
        #expect(result.p99 == 10.55)
        #expect(result.max == 41.37)
        #expect(result.failures == 7)
    }

    @Test func anOutputWithoutARateIsAnError() {
        #expect(throws: BenchSetupError.self) { try WrkRun.parse("unable to connect to 127.0.0.1:1 Connection refused") }
    }

    @Test func readsWrksUnits() {
        #expect(WrkRun.milliseconds("250.00us") == 0.25)
        #expect(WrkRun.milliseconds("2.00s") == 2000)
        #expect(WrkRun.milliseconds("1.50ms") == 1.5)
    }

    @Test func aNumberedBodyKeepsItsEscapesAndNumbersEachRequest() {
        let script = WrkRun.script(method: "POST", authorization: "Basic abc", body: "To=%2B1556%d&Body=x", numbered: true)
        #expect(script.contains(#"string.format("To=%%2B1556%010d&Body=x", base + counter)"#))
        #expect(script.contains(#"wrk.headers["Authorization"] = "Basic abc""#))
    }

    @Test func aFixedBodyIsSetOnce() {
        let script = WrkRun.script(method: "POST", authorization: "Basic abc", body: "A=1", numbered: false)
        #expect(script.contains(#"wrk.body = "A=1""#))
        #expect(!script.contains("function request"))
    }
}
