/// The first mailbox of an address header (`From`, `To`): `Name <local@domain>` or a bare address.
public struct MailAddressHeader: Sendable, Equatable {
    /// The address, as written.
    public var address: String
    /// The display name, decoded, when there is one.
    public var displayName: String?

    /// Reads the first mailbox of `header`; `nil` when it has no address.
    public init?(_ header: String) {
        if let open = header.lastIndex(of: "<"), let close = header[open...].firstIndex(of: ">") {
            address = String(header[header.index(after: open)..<close]).trimmed(" \t")
            let name = EncodedWord.decode(String(header[..<open])).trimmed(" \t\"")
            displayName = name.isEmpty ? nil : name
        } else {
            let first = header.split(separator: ",").first.map(String.init) ?? header
            // A bare address may carry an old-style comment: `a@b.c (Name)`.
            address = (first.split(separator: "(").first.map(String.init) ?? first).trimmed(" \t")
            displayName = nil
        }
        guard address.contains("@") else { return nil }
    }
}
