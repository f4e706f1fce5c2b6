extension AdminClient {
    /// Deletes the groups nobody is in. Kafka's coordinator refuses to delete a group that has members
    /// (NON_EMPTY_GROUP); not every broker does (Tansu deletes it), so a group with members is refused here first,
    /// naming its state, and never sent.
    public func deleteInactiveGroups(_ groups: [String]) async throws -> [String: Result<Void, KafkactlError>] {
        let descriptions = try await describeGroups(groups)
        var results: [String: Result<Void, KafkactlError>] = [:]
        for group in groups {
            if case .success(let description)? = descriptions[group], !description.isInactive {
                results[group] = .failure(KafkactlError(.conflict, "Group '\(group)' is not empty (its state is \(description.state)): stop its members first; nothing was deleted [NON_EMPTY_GROUP]", code: .nonEmptyGroup))
            }
        }
        let deletable = groups.filter { results[$0] == nil }
        if !deletable.isEmpty { results.merge(try await deleteGroups(deletable)) { _, new in new } }
        return results
    }
}
