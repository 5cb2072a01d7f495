/// The mail as `DATA` carries it (RFC 5321 §4.5.2): CRLF line ends, a dot doubled at the start of a line, and the
/// terminating `.` line.
public enum DotStuffing {
    /// `mail` stuffed and terminated.
    public static func stuff(_ mail: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(mail.count + 64)
        var atLineStart = true
        var previous: UInt8 = 0
        for byte in mail {
            if byte == 0x0A, previous != 0x0D { output.append(0x0D) }
            if atLineStart, byte == UInt8(ascii: ".") { output.append(byte) }
            output.append(byte)
            atLineStart = byte == 0x0A
            previous = byte
        }
        if !atLineStart { output += [0x0D, 0x0A] }
        return output + Array(".\r\n".utf8)
    }

    /// One received `DATA` line unstuffed: a leading dot removed from a line that had two (or one).
    public static func unstuff<Line: Collection>(_ line: Line) -> Line.SubSequence where Line.Element == UInt8 {
        line.first == UInt8(ascii: ".") ? line.dropFirst() : line[...]
    }
}
