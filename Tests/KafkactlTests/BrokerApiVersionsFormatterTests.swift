import AdminCore
import Testing

@testable import kafkactl

/// broker-api-versions' text as Kafka's tool prints it (`Node.toString`, then `NodeApiVersions.toString(true)`:
/// "(", one tab-indented API per line joined by ",\n\t", ")"), kafkactl's bracket for an API it does not speak, the
/// ERROR line of a broker that did not answer, and the JSON document carrying the same facts.
@Suite struct BrokerApiVersionsFormatterTests {
    static let answered = BrokerApiVersions(
        broker: .init(nodeId: 1, address: BrokerAddress(host: "kafka-1", port: 9092), rack: nil),
        result: .success([
            ApiVersionSupport(key: .produce, broker: 0...11, kafkactl: 7...12),
            ApiVersionSupport(key: .fetch, broker: 4...4, kafkactl: 4...17),
            ApiVersionSupport(key: .listOffsets, broker: 20...21, kafkactl: 1...10),
            ApiVersionSupport(key: .metadata, broker: 0...3, kafkactl: 4...13),
            ApiVersionSupport(key: ApiKey(rawValue: 52), broker: 0...1, kafkactl: nil),
            ApiVersionSupport(key: .describeCluster, broker: nil, kafkactl: 0...2),
            ApiVersionSupport(key: ApiKey(rawValue: 300), broker: 0...2, kafkactl: nil),
        ]))
    static let failed = BrokerApiVersions(
        broker: .init(nodeId: 2, address: BrokerAddress(host: "10.0.0.2", port: 9093), rack: "r2"),
        result: .failure(KafkactlError(.unreachable, "cannot connect to 10.0.0.2:9093: connection refused")))

    @Test func textIsKafkasLayout() {
        #expect(BrokerApiVersionsFormatter.text([Self.answered, Self.failed]) == """
            kafka-1:9092 (id: 1 rack: null isFenced: false) -> (
            \tProduce(0): 0 to 11 [usable: 11],
            \tFetch(1): 4 [usable: 4],
            \tListOffsets(2): 20 to 21 [unusable: node too new],
            \tMetadata(3): 0 to 3 [unusable: node too old],
            \tVote(52): 0 to 1 [unusable: kafkactl does not speak it],
            \tDescribeCluster(60): UNSUPPORTED,
            \tUNKNOWN(300): 0 to 2
            )
            10.0.0.2:9093 (id: 2 rack: r2 isFenced: false) -> ERROR: cannot connect to 10.0.0.2:9093: connection refused

            """)
    }

    @Test func jsonCarriesTheSameFacts() {
        #expect(BrokerApiVersionsFormatter.json([Self.answered, Self.failed]).serialized() == """
            {"brokers":[{"id":1,"host":"kafka-1","port":9092,"rack":null,"error":null,"apis":[\
            {"key":0,"name":"Produce","min":0,"max":11,"usable":11,"status":"usable"},\
            {"key":1,"name":"Fetch","min":4,"max":4,"usable":4,"status":"usable"},\
            {"key":2,"name":"ListOffsets","min":20,"max":21,"usable":null,"status":"node-too-new"},\
            {"key":3,"name":"Metadata","min":0,"max":3,"usable":null,"status":"node-too-old"},\
            {"key":52,"name":"Vote","min":0,"max":1,"usable":null,"status":"not-spoken"},\
            {"key":60,"name":"DescribeCluster","min":null,"max":null,"usable":null,"status":"unsupported"},\
            {"key":300,"name":null,"min":0,"max":2,"usable":null,"status":"not-spoken"}]},\
            {"id":2,"host":"10.0.0.2","port":9093,"rack":"r2","error":"cannot connect to 10.0.0.2:9093: connection refused","apis":[]}]}
            """)
    }
}
