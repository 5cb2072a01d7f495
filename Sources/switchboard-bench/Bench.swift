import ArgumentParser

/// `switchboard-bench`: measures a running Switchboard. Run it and the server from release builds.
@main
struct Bench: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "switchboard-bench",
        abstract: "Load generator for a running Switchboard server.",
        subcommands: [HTTPLoadCommand.self, RoutingDecisionCommand.self, SenderDeliveryCommand.self, EmailDeliveryCommand.self,
                      SMPPDeliveryCommand.self],
        defaultSubcommand: HTTPLoadCommand.self
    )
}
