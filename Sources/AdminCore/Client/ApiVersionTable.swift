/// The version ranges one broker advertised in ApiVersions, and the choice of version for each request:
/// the highest both sides support.
public struct ApiVersionTable: Sendable, Hashable {
    public var ranges: [Int16: ClosedRange<Int16>]

    public init(ranges: [Int16: ClosedRange<Int16>]) {
        self.ranges = ranges
    }

    init(_ response: ApiVersionsResponse) {
        var ranges: [Int16: ClosedRange<Int16>] = [:]
        for key in response.apiKeys where key.minVersion <= key.maxVersion {
            ranges[key.apiKey] = key.minVersion...key.maxVersion
        }
        self.init(ranges: ranges)
    }

    /// The version to send `R` at, or nil when the ranges do not overlap (or the broker lacks the API).
    public func version<R: KafkaRequest>(for type: R.Type) -> Int16? {
        version(for: R.apiKey, supported: R.versions)
    }

    public func version(for key: ApiKey, supported: ClosedRange<Int16>) -> Int16? {
        guard let theirs = ranges[key.rawValue] else { return nil }
        let high = min(supported.upperBound, theirs.upperBound)
        return high >= max(supported.lowerBound, theirs.lowerBound) ? high : nil
    }

    public func supports(_ key: ApiKey) -> Bool { ranges[key.rawValue] != nil }
}
