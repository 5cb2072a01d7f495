/// One versioned change to the schema. Versions only grow; a shipped migration never changes.
struct Migration: Sendable {
    /// The version this migration brings the schema to.
    let version: Int
    /// A short name, recorded beside the version.
    let name: String
    /// The statements, in the given database's dialect.
    let statements: @Sendable (SQLFlavor) -> [String]
}
