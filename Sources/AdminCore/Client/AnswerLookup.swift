/// Per-key answers (`[TopicPartition: Result<...>]`, `[String: Result<...>]`) come from maps a response filled in. A
/// key the broker left out of its answer is a broker's fault to report in one line, never a trap: a force-unwrapped
/// lookup of such a map once brought the release build down with SIGILL where the debug build had the entry.
extension Dictionary {
    /// The value answered for `key`, or the failure it holds; a key with no answer throws one line naming `what`.
    public func answer<Success, Failure: Error>(for key: Key, _ what: @autoclosure () -> String) throws -> Success
    where Value == Result<Success, Failure> {
        guard let result = self[key] else {
            throw KafkactlError(.internal, "no answer for \(what()): the broker left it out of its response")
        }
        return try result.get()
    }
}
