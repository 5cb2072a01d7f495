/// The concatenation element of a user data header: which long message a part belongs to, and where it goes.
public struct SMPPUserDataHeader: Sendable, Equatable {
    /// The reference shared by every part of one long message.
    public var reference: UInt16
    /// How many parts the message has.
    public var total: Int
    /// This part's number, from 1.
    public var sequence: Int

    /// Creates the header.
    public init(reference: UInt16, total: Int, sequence: Int) {
        self.reference = reference
        self.total = total
        self.sequence = sequence
    }

    /// The header Switchboard writes: UDHL 5, element 0x00 (concatenation, 8-bit reference), 3 octets.
    public var encoded: [UInt8] {
        [0x05, 0x00, 0x03, UInt8(reference & 0xFF), UInt8(total), UInt8(sequence)]
    }

    /// Splits a `short_message` that starts with a user data header into its concatenation element (if it has
    /// one, with an 8- or 16-bit reference) and the text after the header.
    public static func split(_ octets: [UInt8]) throws(SMPPDecodingError) -> (header: SMPPUserDataHeader?, text: [UInt8]) {
        guard let length = octets.first, octets.count > Int(length) else { throw SMPPDecodingError("the user data header runs past the message") }
        let elements = octets[1...Int(length)]
        var index = elements.startIndex
        var header: SMPPUserDataHeader?
        while index + 1 < elements.endIndex {
            let identifier = elements[index]
            let size = Int(elements[index + 1])
            let value = Array(elements[(index + 2)..<min(index + 2 + size, elements.endIndex)])
            if identifier == 0x00, value.count == 3, value[1] > 0 {
                header = SMPPUserDataHeader(reference: UInt16(value[0]), total: Int(value[1]), sequence: Int(value[2]))
            } else if identifier == 0x08, value.count == 4, value[2] > 0 {
                header = SMPPUserDataHeader(reference: UInt16(value[0]) << 8 | UInt16(value[1]), total: Int(value[2]), sequence: Int(value[3]))
            }
            index += 2 + size
        }
        return (header, Array(octets[(Int(length) + 1)...]))
    }
}
