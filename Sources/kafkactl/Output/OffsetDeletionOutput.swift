import AdminCore

/// `consumer-groups --delete-offsets`: Kafka's line saying the request went through, then a TOPIC/PARTITION/STATUS
/// table of each partition's outcome.
struct OffsetDeletionOutput {
    let group: String
    let partitions: [TopicPartition]
    let results: [TopicPartition: Result<Void, KafkactlError>]

    /// Partitions whose offsets were not deleted (a failure, or no answer).
    var failures: Int { partitions.filter { (try? results[$0]?.get()) == nil }.count }

    func lines() -> [String] {
        let topicWidth = TableFormatter.width(partitions.map(\.topic), header: "TOPIC")
        var lines = ["Request succeeded for deleting offsets from group \(group).", "",
                     TableFormatter.line([("TOPIC", topicWidth), ("PARTITION", 10), ("STATUS", nil)])]
        for partition in partitions.sorted() {
            let status: String
            switch results[partition] {
            case .success?: status = "Successful"
            case .failure(let error)?: status = "Error: \(error.message)"
            case nil: status = "Error: no answer"
            }
            lines.append(TableFormatter.line([(partition.topic, topicWidth), (String(partition.partition), 10), (status, nil)]))
        }
        return lines
    }
}
