import AdminCore

/// `consumer-groups --delete`, in Kafka's words: one line when every group went, else a line per failure on
/// stderr and the ones that did go on stdout.
struct GroupDeletionOutput {
    let deleted: [String]
    let failed: [(group: String, error: KafkactlError)]

    /// The groups in the order asked for, split by their results (a group without a result is in neither).
    init(groups: [String], results: [String: Result<Void, KafkactlError>]) {
        deleted = groups.filter { (try? results[$0]?.get()) != nil }
        failed = groups.compactMap { group in
            if case .failure(let error)? = results[group] { return (group, error) }
            return nil
        }
    }

    func lines() -> [String] {
        if !deleted.isEmpty && failed.isEmpty {
            return ["Deletion of requested consumer groups (\(Self.quoted(deleted))) was successful."]
        }
        return deleted.isEmpty ? [] : ["These consumer groups were deleted successfully: \(Self.quoted(deleted))"]
    }

    func errorLines() -> [String] {
        failed.map { "* Group '\($0.group)' could not be deleted due to: \($0.error.message)" }
    }

    private static func quoted(_ groups: [String]) -> String { groups.map { "'\($0)'" }.joined(separator: ", ") }
}
