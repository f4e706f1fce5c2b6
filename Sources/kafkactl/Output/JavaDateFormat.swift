#if canImport(Glibc)
import Glibc
#endif

/// The part of java.text.SimpleDateFormat that consumer-perf-test's --date-format needs, in the local time zone as
/// the JVM's default: the letters y M d H h k K m s S a E z Z (repeated for width; MMM/MMMM and E/EEEE as English
/// names), text in single quotes ('' for a quote), and other non-letters as they are. Any other letter is refused
/// when the pattern is read, as SimpleDateFormat refuses a letter it does not know.
struct JavaDateFormat: Sendable {
    enum Part: Sendable, Equatable {
        case literal(String)
        case field(Character, Int)
    }

    static let letters: Set<Character> = ["y", "M", "d", "H", "h", "k", "K", "m", "s", "S", "a", "E", "z", "Z"]
    static let months = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
                         "November", "December"]
    static let days = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]

    let parts: [Part]

    /// Reads `pattern`; a letter kafkactl does not format, or an unclosed quote, is one line (exit 64).
    init(_ pattern: String) throws {
        var parts: [Part] = []
        var characters = Array(pattern)[...]
        while let first = characters.first {
            if first == "'" {
                characters = characters.dropFirst()
                if characters.first == "'" {
                    parts.append(.literal("'"))
                    characters = characters.dropFirst()
                    continue
                }
                var text = ""
                while true {
                    guard let next = characters.first else {
                        throw KafkactlUsageError("--date-format '\(pattern)': Unterminated quote")
                    }
                    characters = characters.dropFirst()
                    if next == "'" {
                        if characters.first == "'" { text.append("'"); characters = characters.dropFirst(); continue }
                        break
                    }
                    text.append(next)
                }
                parts.append(.literal(text))
            } else if first.isASCII && first.isLetter {
                guard Self.letters.contains(first) else {
                    throw KafkactlUsageError("--date-format '\(pattern)': Illegal pattern character '\(first)' (kafkactl formats y M d H h k K m s S a E z Z)")
                }
                let run = characters.prefix { $0 == first }.count
                parts.append(.field(first, run))
                characters = characters.dropFirst(run)
            } else {
                parts.append(.literal(String(first)))
                characters = characters.dropFirst()
            }
        }
        self.parts = parts
    }

    /// `millis` since the epoch as local time.
    func format(_ millis: Int64) -> String {
        var seconds = time_t(millis >= 0 ? millis / 1000 : (millis - 999) / 1000)
        let milliseconds = Int(millis - Int64(seconds) * 1000)
        var local = tm()
        localtime_r(&seconds, &local)
        var out = ""
        for part in parts {
            switch part {
            case .literal(let text): out += text
            case .field(let letter, let width): out += Self.field(letter, width, local, milliseconds)
            }
        }
        return out
    }

    private static func padded(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }

    private static func field(_ letter: Character, _ width: Int, _ local: tm, _ milliseconds: Int) -> String {
        let hour = Int(local.tm_hour)
        switch letter {
        case "y":
            let year = Int(local.tm_year) + 1900
            return width == 2 ? padded(year % 100, 2) : padded(year, width)
        case "M":
            let month = Int(local.tm_mon)
            if width >= 4 { return months[month] }
            if width == 3 { return String(months[month].prefix(3)) }
            return padded(month + 1, width)
        case "d": return padded(Int(local.tm_mday), width)
        case "H": return padded(hour, width)
        case "k": return padded(hour == 0 ? 24 : hour, width)
        case "K": return padded(hour % 12, width)
        case "h": return padded(hour % 12 == 0 ? 12 : hour % 12, width)
        case "m": return padded(Int(local.tm_min), width)
        case "s": return padded(Int(local.tm_sec), width)
        case "S": return padded(milliseconds, width)
        case "a": return hour < 12 ? "AM" : "PM"
        case "E":
            let day = days[Int(local.tm_wday)]
            return width >= 4 ? day : String(day.prefix(3))
        case "z":
            guard let zone = local.tm_zone else { return "" }
            return String(cString: zone)
        default: // "Z": RFC 822, -0800
            let offset = Int(local.tm_gmtoff) / 60
            return (offset < 0 ? "-" : "+") + padded(abs(offset) / 60, 2) + padded(abs(offset) % 60, 2)
        }
    }
}
