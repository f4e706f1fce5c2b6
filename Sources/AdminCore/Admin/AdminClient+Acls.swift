/// What one DeleteAcls filter removed: each matching binding, or why it could not be removed.
public struct AclDeletion: Sendable, Equatable {
    public var filter: AclBinding
    public var removed: [Result<AclBinding, KafkactlError>]
}

extension AdminClient {
    /// The ACL bindings that match `filter` (DescribeAcls, any broker: it answers for the whole cluster).
    public func describeAcls(_ filter: AclBinding) async throws -> [AclBinding] {
        let request = DescribeAclsRequest(
            resourceTypeFilter: filter.pattern.resourceType.rawValue, resourceNameFilter: filter.pattern.name,
            patternTypeFilter: filter.pattern.patternType.rawValue, principalFilter: filter.entry.principal,
            hostFilter: filter.entry.host, operation: filter.entry.operation.rawValue,
            permissionType: filter.entry.permission.rawValue)
        let response = try await client.send(request, feature: "listing ACLs")
        let code = ErrorCode(rawValue: response.errorCode)
        guard code == .none else {
            let what = filter.pattern == AclResourcePattern(.any, nil, .any) ? "cannot list ACLs" : "cannot list the ACLs of \(filter.pattern)"
            throw KafkactlError.broker(code, what, brokerMessage: response.errorMessage)
        }
        return try response.resources.flatMap { resource in
            let pattern = try Self.pattern(resource.resourceType, resource.resourceName, resource.patternType)
            return try resource.acls.map {
                AclBinding(pattern, try Self.entry($0.principal, $0.host, $0.operation, $0.permissionType))
            }
        }
    }

    /// Adds ACL bindings in one CreateAcls request; each one's outcome, in the order given.
    public func createAcls(_ bindings: [AclBinding]) async throws -> [Result<Void, KafkactlError>] {
        let request = CreateAclsRequest(creations: bindings.map {
            .init(resourceType: $0.pattern.resourceType.rawValue, resourceName: $0.pattern.name ?? "",
                  resourcePatternType: $0.pattern.patternType.rawValue, principal: $0.entry.principal ?? "",
                  host: $0.entry.host ?? "", operation: $0.entry.operation.rawValue,
                  permissionType: $0.entry.permission.rawValue)
        })
        let response = try await client.send(request, feature: "adding ACLs")
        // Kafka answers one result per creation, in order; anything else leaves the outcome of some unknown.
        guard response.results.count == bindings.count else {
            throw KafkactlError(.internal, "the broker answered \(response.results.count) results for \(bindings.count) ACL creations, so whether they were added is unknown: list them with --list")
        }
        return zip(bindings, response.results).map { binding, result in
            let code = ErrorCode(rawValue: result.errorCode)
            return code == .none ? .success(())
                : .failure(.broker(code, "cannot add ACL \(binding)", brokerMessage: result.errorMessage))
        }
    }

    /// Removes the ACL bindings that match each filter in one DeleteAcls request; what each filter removed.
    public func deleteAcls(_ filters: [AclBinding]) async throws -> [AclDeletion] {
        let request = DeleteAclsRequest(filters: filters.map {
            .init(resourceTypeFilter: $0.pattern.resourceType.rawValue, resourceNameFilter: $0.pattern.name,
                  patternTypeFilter: $0.pattern.patternType.rawValue, principalFilter: $0.entry.principal,
                  hostFilter: $0.entry.host, operation: $0.entry.operation.rawValue,
                  permissionType: $0.entry.permission.rawValue)
        })
        let response = try await client.send(request, feature: "removing ACLs")
        guard response.filterResults.count == filters.count else {
            throw KafkactlError(.internal, "the broker answered \(response.filterResults.count) results for \(filters.count) ACL filters, so what was removed is unknown: list them with --list")
        }
        return try zip(filters, response.filterResults).map { filter, result in
            let code = ErrorCode(rawValue: result.errorCode)
            guard code == .none else {
                throw KafkactlError.broker(code, "cannot remove the ACLs matching \(filter)", brokerMessage: result.errorMessage)
            }
            return AclDeletion(filter: filter, removed: try result.matchingAcls.map { matched in
                let binding = AclBinding(
                    try Self.pattern(matched.resourceType, matched.resourceName, matched.patternType),
                    try Self.entry(matched.principal, matched.host, matched.operation, matched.permissionType))
                let code = ErrorCode(rawValue: matched.errorCode)
                return code == .none ? .success(binding)
                    : .failure(.broker(code, "cannot remove ACL \(binding)", brokerMessage: matched.errorMessage))
            })
        }
    }

    /// A resource pattern as the broker described it; a code kafkactl does not know is a newer Kafka's and is named.
    static func pattern(_ type: Int8, _ name: String, _ patternType: Int8) throws -> AclResourcePattern {
        guard let known = AclResourceType(rawValue: type) else { throw unknownCode("resource type", type) }
        guard let knownPattern = AclPatternType(rawValue: patternType) else { throw unknownCode("pattern type", patternType) }
        return AclResourcePattern(known, name, knownPattern)
    }

    static func entry(_ principal: String, _ host: String, _ operation: Int8, _ permission: Int8) throws -> AclEntry {
        guard let knownOperation = AclOperation(rawValue: operation) else { throw unknownCode("operation", operation) }
        guard let knownPermission = AclPermissionType(rawValue: permission) else { throw unknownCode("permission type", permission) }
        return AclEntry(principal: principal, host: host, operation: knownOperation, permission: knownPermission)
    }

    static func unknownCode(_ what: String, _ code: Int8) -> KafkactlError {
        KafkactlError(.internal, "the broker described an ACL with an unknown \(what) (\(code)); a newer kafkactl may know it")
    }
}
