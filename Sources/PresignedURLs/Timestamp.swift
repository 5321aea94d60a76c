/// Seconds since the Unix epoch, UTC, with the two spellings presigned URLs and users use:
/// SigV4's basic ISO 8601 (`20180930T145820Z`) and RFC 3339 (`2018-09-30T14:58:20Z`).
/// No Foundation `DateFormatter`: these are fixed formats and must not depend on locale.
public struct Timestamp: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var seconds: Int64
    public init(seconds: Int64) { self.seconds = seconds }

    public static func < (a: Timestamp, b: Timestamp) -> Bool { a.seconds < b.seconds }
    public static func + (a: Timestamp, b: Int64) -> Timestamp { Timestamp(seconds: a.seconds + b) }
    public static func - (a: Timestamp, b: Timestamp) -> Int64 { a.seconds - b.seconds }

    /// `20180930T145820Z`, exactly 16 characters, as `X-Amz-Date` must be.
    public static func parseAmzDate(_ text: String) -> Timestamp? {
        guard text.utf8.count == 16 else { return nil }
        var text = text
        return text.withUTF8 { chars in
            guard chars[8] == UInt8(ascii: "T"), chars[15] == UInt8(ascii: "Z") else { return nil }
            guard let year = digits(chars[0..<4]), let month = digits(chars[4..<6]), let day = digits(chars[6..<8]),
                  let hour = digits(chars[9..<11]), let minute = digits(chars[11..<13]), let second = digits(chars[13..<15])
            else { return nil }
            return make(year, month, day, hour, minute, second)
        }
    }

    /// RFC 3339 (`2018-09-30T14:58:20Z`, `…+02:00`, fractional seconds ignored), the SigV4 form,
    /// or a bare date (`2018-09-30`, midnight UTC).
    public static func parse(_ text: String) -> Timestamp? {
        if let amz = parseAmzDate(text) { return amz }
        let chars = Array(text.utf8)
        guard chars.count >= 10, chars[4] == UInt8(ascii: "-"), chars[7] == UInt8(ascii: "-"),
              let year = digits(chars[0..<4]), let month = digits(chars[5..<7]), let day = digits(chars[8..<10])
        else { return nil }
        if chars.count == 10 { return make(year, month, day, 0, 0, 0) }
        guard chars.count >= 20, chars[10] == UInt8(ascii: "T") || chars[10] == UInt8(ascii: "t") || chars[10] == UInt8(ascii: " "),
              chars[13] == UInt8(ascii: ":"), chars[16] == UInt8(ascii: ":"),
              let hour = digits(chars[11..<13]), let minute = digits(chars[14..<16]), let second = digits(chars[17..<19]),
              let base = make(year, month, day, hour, minute, second)
        else { return nil }
        var index = 19
        if chars[index] == UInt8(ascii: ".") {
            index += 1
            while index < chars.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(chars[index]) { index += 1 }
        }
        guard index < chars.count else { return nil }
        let zone = chars[index...]
        if zone.elementsEqual([UInt8(ascii: "Z")]) || zone.elementsEqual([UInt8(ascii: "z")]) { return base }
        guard zone.count == 6, zone[zone.startIndex + 3] == UInt8(ascii: ":"),
              let zoneHours = digits(zone[(zone.startIndex + 1)..<(zone.startIndex + 3)]),
              let zoneMinutes = digits(zone[(zone.startIndex + 4)...]) else { return nil }
        let offset = Int64(zoneHours * 3600 + zoneMinutes * 60)
        switch zone.first {
        case UInt8(ascii: "+"): return base + -offset
        case UInt8(ascii: "-"): return base + offset
        default: return nil
        }
    }

    private static func digits(_ slice: some Collection<UInt8>) -> Int? {
        var value = 0
        for byte in slice {
            guard (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    private static func make(_ year: Int, _ month: Int, _ day: Int, _ hour: Int, _ minute: Int, _ second: Int) -> Timestamp? {
        guard (1...12).contains(month), (1...daysIn(month, year)).contains(day),
              (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second) else { return nil }
        let days = daysFromCivil(year, month, day)
        return Timestamp(seconds: Int64(days) * 86_400 + Int64(hour * 3600 + minute * 60 + second))
    }

    private static func daysIn(_ month: Int, _ year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Howard Hinnant's days_from_civil.
    private static func daysFromCivil(_ y0: Int, _ m: Int, _ d: Int) -> Int {
        let y = m <= 2 ? y0 - 1 : y0
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    private var civil: (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        let days = Int(seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400)
        let secondsOfDay = Int(seconds - Int64(days) * 86_400)
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return (year, month, day, secondsOfDay / 3600, secondsOfDay % 3600 / 60, secondsOfDay % 60)
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }

    /// `2018-09-30T14:58:20Z`
    public var rfc3339: String {
        let c = civil
        return "\(Self.pad(c.year, 4))-\(Self.pad(c.month, 2))-\(Self.pad(c.day, 2))T\(Self.pad(c.hour, 2)):\(Self.pad(c.minute, 2)):\(Self.pad(c.second, 2))Z"
    }

    /// `20180930T145820Z`
    public var amzDate: String {
        let c = civil
        return "\(Self.pad(c.year, 4))\(Self.pad(c.month, 2))\(Self.pad(c.day, 2))T\(Self.pad(c.hour, 2))\(Self.pad(c.minute, 2))\(Self.pad(c.second, 2))Z"
    }

    /// `20180930`, the date of a SigV4 credential scope.
    public var scopeDate: String { String(amzDate.prefix(8)) }

    public var description: String { rfc3339 }
}
