import Foundation

/// One run of wrk against the same server, for a second opinion on the single-request workloads: a Lua script
/// gives the method, the Basic auth header and the form body (numbered per request where the bench numbers it).
struct WrkRun: Sendable {
    /// The wrk binary.
    let executable: String
    let connections: Int
    let threads: Int
    let duration: Double

    /// What wrk printed, as the bench reports it.
    struct Result: Sendable {
        var rate: Double
        var p50: Double
        var p99: Double
        var max: Double
        var failures: Int
    }

    /// Runs wrk on `url` with `script` (Lua) and reads its summary.
    func run(url: String, script: String) throws -> Result {
        let scriptFile = FileManager.default.temporaryDirectory.appendingPathComponent("switchboard-bench-\(UUID().uuidString).lua")
        try script.write(to: scriptFile, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: scriptFile) }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["-t\(threads)", "-c\(connections)", "-d\(Int(duration.rounded(.up)))s", "--latency", "-s", scriptFile.path, url]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return try Self.parse(String(decoding: data, as: UTF8.self))
    }

    /// Reads `Requests/sec`, the latency distribution, and non-2xx answers and socket errors as failures.
    static func parse(_ text: String) throws -> Result {
        var result = Result(rate: 0, p50: 0, p99: 0, max: 0, failures: 0)
        var foundRate = false
        for raw in text.split(separator: "\n") {
            let fields = raw.split(separator: " ", omittingEmptySubsequences: true).map(String.init)
            guard let first = fields.first else { continue }
            switch first {
            case "Requests/sec:":
                result.rate = Double(fields.last ?? "") ?? 0
                foundRate = true
            case "Latency" where fields.count >= 4:
                result.max = milliseconds(fields[3])
            case "50%" where fields.count >= 2:
                result.p50 = milliseconds(fields[1])
            case "99%" where fields.count >= 2:
                result.p99 = milliseconds(fields[1])
            case "Non-2xx":
                result.failures += Int(fields.last ?? "") ?? 0
            case "Socket":
                // "Socket errors: connect 0, read 0, write 0, timeout 0"
                result.failures += fields.compactMap { Int($0.trimmingCharacters(in: CharacterSet(charactersIn: ","))) }.reduce(0, +)
            default:
                continue
            }
        }
        guard foundRate else { throw BenchSetupError(description: "wrk printed no rate:\n\(text)") }
        return result
    }

    /// wrk's `812.00us`, `1.23ms` or `2.01s`, in milliseconds.
    static func milliseconds(_ text: String) -> Double {
        for (unit, scale) in [("us", 0.001), ("ms", 1.0), ("s", 1000.0), ("m", 60_000.0)] where text.hasSuffix(unit) {
            if let value = Double(text.dropLast(unit.count)) { return value * scale }
        }
        return Double(text) ?? 0
    }

    /// A script sending `method` with the account's `authorization` and, if given, the form `body`; in `numbered`,
    /// `%d` in the body is replaced by a number of the request's own, distinct across wrk's threads.
    static func script(method: String, authorization: String, body: String?, numbered: Bool) -> String {
        var lua = """
        wrk.method = "\(method)"
        wrk.headers["Authorization"] = "\(authorization)"

        """
        guard let body else { return lua }
        lua += "wrk.headers[\"Content-Type\"] = \"application/x-www-form-urlencoded\"\n"
        if !numbered {
            return lua + "wrk.body = \"\(body)\"\n"
        }
        let format = body.replacingOccurrences(of: "%", with: "%%").replacingOccurrences(of: "%%d", with: "%010d")
        return lua + """
        local threads = 0
        function setup(thread)
          threads = threads + 1
          thread:set("base", threads * 100000000)
        end
        local counter = 0
        function request()
          counter = counter + 1
          return wrk.format(nil, nil, nil, string.format("\(format)", base + counter))
        end

        """
    }
}
