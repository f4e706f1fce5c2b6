import Testing
@testable import AdminCore

@Suite("ErrorCode")
struct ErrorCodeTests {
    @Test("names and retriability match Kafka (protocol.md section 7)", arguments: [
        (Int16(-1), "UNKNOWN_SERVER_ERROR", false),
        (0, "NONE", false),
        (3, "UNKNOWN_TOPIC_OR_PARTITION", true),
        (6, "NOT_LEADER_OR_FOLLOWER", true),
        (27, "REBALANCE_IN_PROGRESS", false),
        (35, "UNSUPPORTED_VERSION", false),
        (36, "TOPIC_ALREADY_EXISTS", false),
        (41, "NOT_CONTROLLER", true),
        (79, "MEMBER_ID_REQUIRED", false),
        (89, "THROTTLING_QUOTA_EXCEEDED", true),
        (100, "UNKNOWN_TOPIC_ID", true),
        (129, "REBOOTSTRAP_REQUIRED", false),
        (133, "SHARE_SESSION_LIMIT_REACHED", true),
    ])
    func knownCodes(code: Int16, name: String, retriable: Bool) {
        let error = ErrorCode(rawValue: code)
        #expect(error.name == name)
        #expect(error.description == name)
        #expect(error.isRetriable == retriable)
        #expect(error.isKnown)
        #expect(!error.message.isEmpty)
        #expect(error.isError == (code != 0))
    }

    @Test func staticConstantsCarryTheirCodes() {
        #expect(ErrorCode.none.rawValue == 0)
        #expect(!ErrorCode.none.isError)
        #expect(ErrorCode.unknownServerError.rawValue == -1)
        #expect(ErrorCode.notLeaderOrFollower.rawValue == 6)
        #expect(ErrorCode.topicAlreadyExists.rawValue == 36)
        #expect(ErrorCode.notController.rawValue == 41)
        #expect(ErrorCode.memberIdRequired.rawValue == 79)
        #expect(ErrorCode.rebootstrapRequired.rawValue == 129)
        #expect(ErrorCode.shareSessionLimitReached.rawValue == 133)
        #expect(ErrorCode(rawValue: 36) == .topicAlreadyExists)
    }

    @Test func unknownCodeStaysRepresentable() {
        for raw: Int16 in [134, 999, -2, .max, .min] {
            let error = ErrorCode(rawValue: raw)
            #expect(error.rawValue == raw)
            #expect(error.name == "UNKNOWN_ERROR_CODE_\(raw)")
            #expect(error.description == error.name)
            #expect(!error.isKnown)
            #expect(!error.isRetriable)
            #expect(error.isError)
            #expect(!error.message.isEmpty)
        }
    }

    @Test func everyCodeFromMinusOneToTheMaximumHasADistinctName() throws {
        let all = ErrorCode.allKnown
        let highest = try #require(all.last).rawValue
        #expect(highest == 133)
        #expect(all.map(\.rawValue) == Array(-1...highest))
        var seen = Set<String>()
        for code in Int16(-1)...highest {
            let error = ErrorCode(rawValue: code)
            #expect(error.isKnown, "code \(code) missing from the table")
            #expect(!error.name.isEmpty)
            #expect(!error.name.hasPrefix("UNKNOWN_ERROR_CODE_"), "code \(code)")
            #expect(!error.message.isEmpty, "code \(code)")
            #expect(seen.insert(error.name).inserted, "duplicate name \(error.name)")
        }
        #expect(seen.count == Int(highest) + 2)
    }
}
