import AdminCore
#if canImport(Glibc)
import Glibc
#endif

/// The one time grammar of every command that takes a point in time: ISO-8601 with or without a zone
/// (`2026-11-23T10:15:00`, `...Z`, `...+01:00`, fractional seconds allowed; no zone means local time, as Kafka's
/// tools read it), epoch milliseconds, and relative forms from now (`-15m`, `-2h`, `-1d`, `-30s`, `now`).
enum TimeExpression {
    /// Milliseconds since the epoch, or nil when `text` is none of the accepted forms.
    static func parse(_ text: String, now: Int64 = WallClock.millis()) -> Int64? {
        let text = text.trimmingCharacters(in: " ")
        if text == "now" { return now }
        if let relative = relativeMillis(text) { return now + relative }
        if !text.isEmpty, text.allSatisfy(\.isNumber), let value = Int64(text) { return value }
        return iso8601(text)
    }

    /// `-15m` -> -900000. Units: ms, s, m, h, d, w.
    static func relativeMillis(_ text: String) -> Int64? {
        guard let sign = text.first, sign == "-" || sign == "+" else { return nil }
        let body = text.dropFirst()
        let digits = body.prefix(while: \.isNumber)
        let unit = body.dropFirst(digits.count)
        guard let amount = Int64(digits) else { return nil }
        let scale: Int64
        switch unit {
        case "ms": scale = 1
        case "s": scale = 1000
        case "m": scale = 60_000
        case "h": scale = 3_600_000
        case "d": scale = 86_400_000
        case "w": scale = 604_800_000
        default: return nil
        }
        return (sign == "-" ? -1 : 1) * amount * scale
    }

    /// `YYYY-MM-DDTHH:mm[:ss[.fff]][Z|±HH:MM|±HHMM]`, or a date alone (midnight).
    static func iso8601(_ text: String) -> Int64? {
        var chars = Array(text.utf8)[...]
        func number(_ count: Int) -> Int? {
            guard chars.count >= count else { return nil }
            let slice = chars.prefix(count)
            guard slice.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
            chars = chars.dropFirst(count)
            return slice.reduce(0) { $0 * 10 + Int($1 - 48) }
        }
        func expect(_ character: Character) -> Bool {
            guard chars.first == character.asciiValue else { return false }
            chars = chars.dropFirst()
            return true
        }
        guard let year = number(4), expect("-"), let month = number(2), expect("-"), let day = number(2),
            (1...12).contains(month), (1...31).contains(day)
        else { return nil }
        var hour = 0, minute = 0, second = 0, millis = 0
        if expect("T") || expect(" ") {
            guard let h = number(2), expect(":"), let m = number(2), h < 24, m < 60 else { return nil }
            hour = h
            minute = m
            if expect(":") {
                guard let s = number(2), s < 61 else { return nil }
                second = s
                if expect(".") || expect(",") {
                    var digits = 0
                    var fraction = 0
                    while let next = chars.first, next >= 48 && next <= 57 {
                        if digits < 3 { fraction = fraction * 10 + Int(next - 48) }
                        digits += 1
                        chars = chars.dropFirst()
                    }
                    guard digits > 0 else { return nil }
                    for _ in min(digits, 3)..<3 { fraction *= 10 }
                    millis = fraction
                }
            }
        }
        var offsetSeconds: Int?
        if expect("Z") || expect("z") {
            offsetSeconds = 0
        } else if let sign = chars.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            chars = chars.dropFirst()
            guard let h = number(2) else { return nil }
            _ = expect(":")
            let m = number(2) ?? 0
            offsetSeconds = (sign == UInt8(ascii: "+") ? 1 : -1) * (h * 3600 + m * 60)
        }
        guard chars.isEmpty else { return nil }
        var broken = tm()
        broken.tm_year = Int32(year - 1900)
        broken.tm_mon = Int32(month - 1)
        broken.tm_mday = Int32(day)
        broken.tm_hour = Int32(hour)
        broken.tm_min = Int32(minute)
        broken.tm_sec = Int32(second)
        broken.tm_isdst = -1
        let seconds: Int
        if let offsetSeconds {
            seconds = timegm(&broken) - offsetSeconds
        } else {
            seconds = mktime(&broken)
        }
        return Int64(seconds) * 1000 + Int64(millis)
    }

}
