import Testing

@testable import kafkactl

/// `--topic` for list, describe, alter and delete, read as kafka-topics.sh reads it (cli-parity §1.3).
@Suite struct TopicFilterTests {
    @Test func aCommaMeansOr() throws {
        let filter = try TopicFilter("orders,payments")
        #expect(filter.pattern == "orders|payments")
        #expect(filter.matches("orders"))
        #expect(filter.matches("payments"))
        #expect(!filter.matches("refunds"))
    }

    @Test func thePatternMustMatchTheWholeName() throws {
        let filter = try TopicFilter("orders")
        #expect(filter.matches("orders"))
        #expect(!filter.matches("orders-dlq"))
        #expect(!filter.matches("old-orders"))
        #expect(try TopicFilter("orders.*").matches("orders-dlq"))
    }

    @Test func aDotIsARegexWildcard() throws {
        let filter = try TopicFilter("my.topic")
        #expect(filter.matches("my.topic"))
        #expect(filter.matches("myXtopic"))
        #expect(!filter.isLiteral)
    }

    @Test func spacesAndSurroundingQuotesAreRemoved() throws {
        let filter = try TopicFilter(" 'orders, payments' ")
        #expect(filter.pattern == "orders|payments")
        #expect(filter.matches("payments"))
        #expect(try TopicFilter("\"orders\"").matches("orders"))
    }

    @Test func anInvalidRegexIsAUsageErrorQuotingIt() throws {
        let error = #expect(throws: (any Error).self) { try TopicFilter("orders[") }
        #expect("\(try #require(error))" == "orders[ is an invalid regex.")
    }

    @Test func aPlainNameIsLiteral() throws {
        #expect(try TopicFilter("orders-2024_x").isLiteral)
        #expect(try !TopicFilter("a,b").isLiteral)
    }
}
