import ArgumentParser

/// The options every subcommand that opens the database shares.
struct DatabaseOptions: ParsableArguments {
    @Option(help: "A SQLite file path, :memory:, or a postgres://user:pass@host:port/db URL. Env: SWITCHBOARD_DATABASE. Default: ./switchboard.sqlite")
    var database: String?

    @Option(help: "trace, debug, info, notice, warning, error or critical. Env: SWITCHBOARD_LOG_LEVEL. Default: info")
    var logLevel: String?

    @Option(help: "Seconds to keep trying a PostgreSQL server that does not answer yet, with backoff. Env: SWITCHBOARD_DATABASE_WAIT_SECONDS. Default: 30")
    var databaseWaitSeconds: Int?

    /// These options as settings keys.
    var flags: [String: String?] {
        ["database": database, "logLevel": logLevel, "databaseWaitSeconds": databaseWaitSeconds.map(String.init)]
    }
}
