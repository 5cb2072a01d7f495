public import struct Foundation.Date
import SwitchboardCore

/// Twilio's two date formats, written by hand: they are on every response and need no locale or time zone.
public enum WireDate {
    /// ISO 8601 in UTC, as the v1 APIs write it: `2016-08-01T22:10:40Z`.
    public static func iso8601(_ date: Date) -> String {
        let parts = CivilTime(date)
        return "\(year(parts.year))-\(pad(parts.month))-\(pad(parts.day))T\(pad(parts.hour)):\(pad(parts.minute)):\(pad(parts.second))Z"
    }

    /// RFC 2822, as API 2010 writes it: `Thu, 30 Jul 2015 20:00:00 +0000`.
    public static func rfc2822(_ date: Date) -> String {
        let parts = CivilTime(date)
        let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let weekday = weekdays[Int(((parts.days % 7) + 7) % 7)]
        return "\(weekday), \(pad(parts.day)) \(months[parts.month - 1]) \(year(parts.year)) \(pad(parts.hour)):\(pad(parts.minute)):\(pad(parts.second)) +0000"
    }

    /// Reads an ISO 8601 date as clients send Twilio's date parameters: `2016-08-01`, `2016-08-01T22:10:40Z`,
    /// with or without seconds and fractions of them, and with `Z`, an offset such as `+02:00`, or no zone (UTC).
    /// `nil` when the text is not such a date.
    public static func parseISO8601(_ text: String) -> Date? {
        var reader = DigitReader(Array(text.utf8))
        guard let year = reader.number(4), reader.skip("-"), let month = reader.number(2), reader.skip("-"), let day = reader.number(2),
              (1...12).contains(month), (1...CivilTime.daysIn(month: month, year: year)).contains(day)
        else { return nil }
        var seconds = Double(CivilTime.days(year: year, month: month, day: day) * 86_400)
        guard !reader.atEnd else { return Date(timeIntervalSince1970: seconds) }
        guard reader.skip("T") || reader.skip(" "), let hour = reader.number(2), hour < 24, reader.skip(":"),
              let minute = reader.number(2), minute < 60
        else { return nil }
        seconds += Double(hour * 3600 + minute * 60)
        if reader.skip(":") {
            guard let second = reader.number(2), second < 61 else { return nil }
            seconds += Double(second)
            if reader.skip(".") || reader.skip(",") {
                guard let fraction = reader.fraction() else { return nil }
                seconds += fraction
            }
        }
        if reader.skip("+") || reader.peek("-") {
            let sign: Double = reader.skip("-") ? -1 : 1
            guard let hours = reader.number(2), hours < 24 else { return nil }
            _ = reader.skip(":")
            guard let minutes = reader.number(2), minutes < 60 else { return nil }
            seconds -= sign * Double(hours * 3600 + minutes * 60)
        } else {
            _ = reader.skip("Z")
        }
        return reader.atEnd ? Date(timeIntervalSince1970: seconds) : nil
    }

    static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }

    /// A year in at least four digits, as both formats require (`0986`, not `986`).
    static func year(_ value: Int) -> String {
        let digits = String(value.magnitude)
        return (value < 0 ? "-" : "") + String(repeating: "0", count: max(0, 4 - digits.count)) + digits
    }
}

/// Reads fixed-width decimal fields and separators from ASCII text.
private struct DigitReader {
    let bytes: [UInt8]
    var position = 0

    init(_ bytes: [UInt8]) {
        self.bytes = bytes
    }

    var atEnd: Bool { position == bytes.count }

    func peek(_ character: Character) -> Bool {
        position < bytes.count && bytes[position] == character.asciiValue
    }

    mutating func skip(_ character: Character) -> Bool {
        guard peek(character) else { return false }
        position += 1
        return true
    }

    mutating func number(_ width: Int) -> Int? {
        guard position + width <= bytes.count else { return nil }
        var value = 0
        for byte in bytes[position..<position + width] {
            guard (0x30...0x39).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        position += width
        return value
    }

    /// The digits after a decimal point, as a fraction of one.
    mutating func fraction() -> Double? {
        var value = 0.0
        var scale = 0.1
        let start = position
        while position < bytes.count, (0x30...0x39).contains(bytes[position]) {
            value += Double(bytes[position] - 0x30) * scale
            scale /= 10
            position += 1
        }
        return position > start ? value : nil
    }
}

/// A UTC date broken into calendar fields (Howard Hinnant's days-to-civil algorithm).
struct CivilTime {
    let year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int
    /// Days since 1970-01-01, which was a Thursday.
    let days: Int64

    /// Days since 1970-01-01 of a calendar date (the inverse of the breakdown below).
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// How many days a month of a year has.
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    init(_ date: Date) {
        let seconds = date.wholeSecondsSince1970
        var days = seconds / 86_400
        var secondOfDay = seconds % 86_400
        if secondOfDay < 0 { secondOfDay += 86_400; days -= 1 }
        self.days = days
        hour = Int(secondOfDay / 3600)
        minute = Int(secondOfDay % 3600 / 60)
        second = Int(secondOfDay % 60)
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthIndex = (5 * dayOfYear + 2) / 153
        day = Int(dayOfYear - (153 * monthIndex + 2) / 5 + 1)
        month = Int(monthIndex < 10 ? monthIndex + 3 : monthIndex - 9)
        year = Int(yearOfEra + era * 400 + (month <= 2 ? 1 : 0))
    }
}
