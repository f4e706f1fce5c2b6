/// The topic's partition count and each partition's leader, as the newest metadata says.
struct TopicLayout {
    private(set) var partitionCount = 0
    private var leaders: [Int32: Int32] = [:]
    private var knownLeaders: Set<Int32> = []

    func leader(of partition: Int32) -> Int32? { leaders[partition] }

    /// Takes the topic's metadata; returns the leaders never seen before, each of which needs a sender loop.
    mutating func apply(_ topic: ClusterMetadata.Topic) -> [Int32] {
        partitionCount = topic.partitions.count
        var new: [Int32] = []
        for partition in topic.partitions where partition.leader >= 0 {
            leaders[partition.partition] = partition.leader
            if knownLeaders.insert(partition.leader).inserted { new.append(partition.leader) }
        }
        return new
    }
}
