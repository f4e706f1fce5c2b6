/// Text as Kafka's Java tools print it, where scripts may parse it: doubles the way Java's Double.toString
/// writes them, and maps in the order a Java HashMap iterates.
enum JavaText {
    /// `1024.0`, `0.5`, `1.048576E7`, `1.0E-4`: the shortest digits that read back as the same double, plain
    /// from 10^-3 up to 10^7 and in Java's scientific notation outside that range.
    static func double(_ value: Double) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value < 0 ? "-Infinity" : "Infinity" }
        if value == 0 { return value.sign == .minus ? "-0.0" : "0.0" }
        let sign = value < 0 ? "-" : ""
        let (digits, point) = shortestDigits(abs(value))
        let magnitude = abs(value)
        if magnitude >= 1e-3 && magnitude < 1e7 {
            if point <= 0 { return sign + "0." + String(repeating: "0", count: -point) + digits }
            if point >= digits.count { return sign + digits + String(repeating: "0", count: point - digits.count) + ".0" }
            return sign + digits.prefix(point) + "." + digits.dropFirst(point)
        }
        let fraction = digits.count > 1 ? String(digits.dropFirst()) : "0"
        return "\(sign)\(digits.prefix(1)).\(fraction)E\(point - 1)"
    }

    /// The significant digits of a positive finite value and where the decimal point goes: value = 0.DIGITS × 10^point.
    /// Swift's description already gives the shortest round-tripping digits; only its layout differs from Java's.
    private static func shortestDigits(_ value: Double) -> (String, Int) {
        let text = "\(value)"
        let parts = text.split(separator: "e")
        let mantissa = parts[0]
        let exponent = parts.count > 1 ? Int(parts[1])! : 0
        let integerLength = mantissa.firstIndex(of: ".").map { mantissa.distance(from: mantissa.startIndex, to: $0) } ?? mantissa.count
        var digits = Substring(mantissa.filter { $0 != "." })
        var point = integerLength + exponent
        while digits.first == "0" { digits = digits.dropFirst(); point -= 1 }
        while digits.count > 1 && digits.last == "0" { digits = digits.dropLast() }
        return (String(digits), point)
    }

    /// The order in which a `java.util.HashMap` iterates `entries` when it was made as `new HashMap<>(entries.count)`
    /// and filled in this order, as Kafka's admin client fills a described entity's quota values
    /// (DescribeClientQuotasResponse.complete): by bucket of String.hashCode in the final table, then by insertion.
    static func hashMapOrder<Value>(_ entries: [(key: String, value: Value)]) -> [(key: String, value: Value)] {
        // HashMap(n) starts at the power of two >= n and doubles whenever a put takes it past 3/4 full.
        var capacity = 1
        while capacity < entries.count { capacity <<= 1 }
        var threshold = capacity * 3 / 4
        for size in stride(from: 1, through: entries.count, by: 1) where size > threshold {
            let old = capacity
            capacity <<= 1
            threshold = old >= 16 ? threshold << 1 : capacity * 3 / 4
        }
        func bucket(_ key: String) -> Int {
            var hash: Int32 = 0
            for unit in key.utf16 { hash = 31 &* hash &+ Int32(unit) }
            let spread = UInt32(bitPattern: hash) ^ (UInt32(bitPattern: hash) >> 16)
            return Int(spread & UInt32(capacity - 1))
        }
        return entries.enumerated()
            .sorted { (bucket($0.element.key), $0.offset) < (bucket($1.element.key), $1.offset) }
            .map(\.element)
    }
}

/// Java's `%.Nf`: a fixed number of decimals, half-up rounding, no exponent (producer-perf-test's lines, the
/// progress line's MB/s), without Foundation's formatting.
enum FixedDecimals {
    static func fixed(_ value: Double, _ decimals: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "NaN" : (value < 0 ? "-Infinity" : "Infinity") }
        var scale: Double = 1
        for _ in 0..<decimals { scale *= 10 }
        let scaled = (abs(value) * scale).rounded(.toNearestOrAwayFromZero)
        guard scaled < 9.0e18 else { return String(value) }
        let units = UInt64(scaled)
        let whole = units / UInt64(scale)
        let sign = value < 0 && units > 0 ? "-" : ""
        guard decimals > 0 else { return "\(sign)\(whole)" }
        let fraction = String(units % UInt64(scale))
        return "\(sign)\(whole)." + String(repeating: "0", count: decimals - fraction.count) + fraction
    }
}
