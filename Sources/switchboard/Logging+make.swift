import Logging

extension Logging {
    /// Sends every logger to the JSON handler at `level` and returns Switchboard's logger.
    static func make(level: Logger.Level) -> Logger {
        LoggingSystem.bootstrap { label in JSONLogHandler(label: label, logLevel: level) }
        return Logger(label: "switchboard")
    }
}

/// A namespace for log setup, named apart from the `Logging` module it extends.
enum Logging {}
