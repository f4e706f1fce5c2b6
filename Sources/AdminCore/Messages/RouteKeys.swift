// What each routed request names for the client to find its broker: the group of a coordinator request, the
// transactional id of a transaction coordinator request, the broker of a config request. The generator declares the marker protocols; these say which field holds the key,
// and a schema given such a route without an entry here does not compile.

extension JoinGroupRequest { public var coordinatorGroup: String { groupId } }
extension SyncGroupRequest { public var coordinatorGroup: String { groupId } }
extension HeartbeatRequest { public var coordinatorGroup: String { groupId } }
extension LeaveGroupRequest { public var coordinatorGroup: String { groupId } }
extension OffsetCommitRequest { public var coordinatorGroup: String { groupId } }
extension OffsetDeleteRequest { public var coordinatorGroup: String { groupId } }
extension ConsumerGroupHeartbeatRequest { public var coordinatorGroup: String { groupId } }
// Versions 8+ name their groups in `groups`, the ones before in `groupId`.
extension OffsetFetchRequest { public var coordinatorGroup: String { groups.first?.groupId ?? groupId } }
extension DescribeGroupsRequest { public var coordinatorGroup: String { groups.first ?? "" } }
extension DeleteGroupsRequest { public var coordinatorGroup: String { groupsNames.first ?? "" } }
extension ConsumerGroupDescribeRequest { public var coordinatorGroup: String { groupIds.first ?? "" } }

extension DescribeTransactionsRequest { public var coordinatorTransactionalId: String? { transactionalIds.first ?? "" } }
extension InitProducerIdRequest { public var coordinatorTransactionalId: String? { transactionalId } }
extension AddPartitionsToTxnRequest { public var coordinatorTransactionalId: String? { v3AndBelowTransactionalId } }
extension EndTxnRequest { public var coordinatorTransactionalId: String? { transactionalId } }

/// Kafka's admin client sends a broker's (or its loggers') config to that broker, which alone holds its dynamic
/// per-broker values; the cluster-wide default (an empty name) and every other resource go to any broker.
func configOwner(type: Int8, name: String) -> Int32? {
    guard type == ConfigResourceType.broker.rawValue || type == ConfigResourceType.brokerLogger.rawValue else { return nil }
    return Int32(name)
}

extension DescribeConfigsRequest {
    public var configOwner: Int32? { resources.first.flatMap { AdminCore.configOwner(type: $0.resourceType, name: $0.resourceName) } }
}
extension AlterConfigsRequest {
    public var configOwner: Int32? { resources.first.flatMap { AdminCore.configOwner(type: $0.resourceType, name: $0.resourceName) } }
}
extension IncrementalAlterConfigsRequest {
    public var configOwner: Int32? { resources.first.flatMap { AdminCore.configOwner(type: $0.resourceType, name: $0.resourceName) } }
}
