import SwitchboardCore

/// A message's text as the `short_message` of each `submit_sm`: one part when it fits in 160 GSM 7-bit
/// characters or 70 UCS-2 ones, otherwise parts of 153 or 67 behind a concatenation header.
public struct SMPPOutboundText: Sendable, Equatable {
    /// The coding every part is in.
    public var dataCoding: SMPPDataCoding
    /// Each part's `short_message`, its header included when there is more than one.
    public var parts: [[UInt8]]

    /// How many units fit in one message alone, and in one part of a long one (six octets go to the header).
    static func capacity(_ coding: SMPPDataCoding) -> (single: Int, part: Int) {
        coding == .gsm7 ? (160, 153) : (70, 67)
    }

    /// Encodes `text`; `reference` ties the parts of a long text together, and is the same on every try of one
    /// message so that a handset joins a resent part with the parts it already has.
    public init(_ text: String, reference: UInt8) {
        let coding = SMPPDataCoding.choose(for: text)
        // Each character's units, kept whole so that no escape sequence or surrogate pair is cut between parts.
        let units: [[UInt8]] = text.unicodeScalars.map { scalar in
            coding == .gsm7 ? GSM7Alphabet.septets(for: scalar) ?? [] : SMPPDataCoding.ucs2Octets(String(scalar))
        }
        let width = coding == .gsm7 ? 1 : 2
        let (single, part) = Self.capacity(coding)
        let total = units.reduce(0) { $0 + $1.count } / width
        self.dataCoding = coding
        guard total > single else {
            self.parts = [units.flatMap { $0 }]
            return
        }
        var chunks: [[UInt8]] = [[]]
        for character in units {
            if (chunks[chunks.count - 1].count + character.count) / width > part { chunks.append([]) }
            chunks[chunks.count - 1].append(contentsOf: character)
        }
        self.parts = chunks.enumerated().map { index, chunk in
            SMPPUserDataHeader(reference: UInt16(reference), total: chunks.count, sequence: index + 1).encoded + chunk
        }
    }
}
