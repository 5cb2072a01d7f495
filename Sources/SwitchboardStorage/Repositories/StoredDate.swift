import struct Foundation.Date
import SwitchboardCore

/// Dates are stored as whole seconds since 1970, the precision of Twilio's date fields.
enum StoredDate {
    static func encode(_ date: Date) -> Int64 { date.wholeSecondsSince1970 }
    static func decode(_ seconds: Int64) -> Date { Date(timeIntervalSince1970: Double(seconds)) }
}
