import Foundation

/// What the bench reads from the server's side of the machine: its peak resident memory (`VmHWM`, reset before
/// each workload through `clear_refs`) and the size of its database.
struct ServerProbe: Sendable {
    /// The server processes.
    let pids: [Int32]
    /// A SQLite database file; its `-wal` counts too.
    let databaseFile: String?
    /// A shell command that prints the database's size in bytes, such as `psql … -c 'SELECT pg_database_size(…)'`.
    let databaseSizeCommand: String?

    /// Starts each process's peak over from its current resident set.
    func resetPeak() {
        for pid in pids {
            try? "5".write(toFile: "/proc/\(pid)/clear_refs", atomically: false, encoding: .utf8)
        }
    }

    /// Each process's peak resident set since the last reset, in bytes.
    func peakResident() -> [Int] {
        pids.compactMap { pid in
            guard let status = try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8),
                  let line = status.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }),
                  let kilobytes = line.split(separator: " ").dropFirst().first.flatMap({ Int($0) })
            else { return nil }
            return kilobytes * 1024
        }
    }

    /// The database's size now, in bytes, or `nil` when the bench was not told where it is. A SQLite file is
    /// checkpointed into first (with the `sqlite3` shell, when there is one), so what is measured is the data and
    /// not how far the write-ahead log happened to grow.
    func databaseBytes() -> Int64? {
        if let databaseFile {
            // The first column is 1 while a reader keeps the log from being truncated; the next try may find none.
            for _ in 0..<20 {
                let answer = Self.shell("sqlite3 -cmd '.timeout 5000' '\(databaseFile)' 'PRAGMA wal_checkpoint(TRUNCATE);' 2>/dev/null")
                if answer == nil || answer?.hasPrefix("0|") == true { break }
                usleep(100_000)
            }
            return [databaseFile, databaseFile + "-wal"].reduce(Int64(0)) { total, path in
                total + ((try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value ?? 0)
            }
        }
        guard let databaseSizeCommand, let printed = Self.shell(databaseSizeCommand) else { return nil }
        return Int64(printed.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// What `command` printed, or `nil` if it could not run.
    static func shell(_ command: String) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command]
        let output = Pipe()
        process.standardOutput = output
        guard (try? process.run()) != nil else { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
