import ArgumentParser
import SwitchboardAPI

/// The `switchboard` command: one binary, one subcommand per role.
@main
struct Switchboard: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "switchboard",
        abstract: "A self-hosted contact-center messaging server that speaks Twilio Flex's REST API.",
        version: SwitchboardVersion.current,
        subcommands: [ServeCommand.self, MigrateCommand.self, AgentTokenCommand.self, RoutesCommand.self],
        defaultSubcommand: ServeCommand.self
    )
}
