public import struct Foundation.Date

/// Twilio's two date formats, written by hand: they are on every response and need no locale or time zone.
public enum WireDate {
    /// ISO 8601 in UTC, as the v1 APIs write it: `2016-08-01T22:10:40Z`.
    public static func iso8601(_ date: Date) -> String {
        let parts = CivilTime(date)
        return "\(parts.year)-\(pad(parts.month))-\(pad(parts.day))T\(pad(parts.hour)):\(pad(parts.minute)):\(pad(parts.second))Z"
    }

    /// RFC 2822, as API 2010 writes it: `Thu, 30 Jul 2015 20:00:00 +0000`.
    public static func rfc2822(_ date: Date) -> String {
        let parts = CivilTime(date)
        let weekdays = ["Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"]
        let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
        let weekday = weekdays[Int(((parts.days % 7) + 7) % 7)]
        return "\(weekday), \(pad(parts.day)) \(months[parts.month - 1]) \(parts.year) \(pad(parts.hour)):\(pad(parts.minute)):\(pad(parts.second)) +0000"
    }

    static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : String(value) }
}

/// A UTC date broken into calendar fields (Howard Hinnant's days-to-civil algorithm).
struct CivilTime {
    let year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int
    /// Days since 1970-01-01, which was a Thursday.
    let days: Int64

    init(_ date: Date) {
        let seconds = Int64(date.timeIntervalSince1970.rounded(.down))
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
