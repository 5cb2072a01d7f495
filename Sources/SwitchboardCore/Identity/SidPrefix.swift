/// The two-letter prefix that tells which kind of resource a SID names.
public enum SidPrefix: String, Sendable, CaseIterable {
    /// An Account.
    case account = "AC"
    /// An API key.
    case apiKey = "SK"
    /// A Flex Flow.
    case flexFlow = "FO"
}
